package dev.ledgerbridge.gateway.service;

/**
 * One dropdown choice as HubSpot shows it.
 *
 * @param category what the choice is filtered by (the QBO account type for accounts), never sent to HubSpot
 */
public record OptionEntry(String label, String value, String description, String category) {
}
