package dev.ledgerbridge.contacts.rest;

import dev.ledgerbridge.contacts.MatchingMode;
import java.util.List;

/**
 * The HubSpot contact properties the gateway must read for a company's resolve requests.
 *
 * @param realmId    QBO company
 * @param mode       the company's mode
 * @param version    the settings version these properties come from
 * @param properties property names the sync filters read, sorted; empty in LEGACY mode
 */
public record FilterPropertiesResponse(String realmId, MatchingMode mode, long version, List<String> properties) {
}
