package dev.ledgerbridge.gateway.service;

import java.util.List;

/**
 * One page of a dropdown.
 *
 * @param after  cursor of the next page, null on the last one
 * @param notice why the list is empty or may be out of date (no company chosen, QBO busy), null when it is complete
 */
public record OptionsPage(List<OptionEntry> options, String after, String notice) {
}
