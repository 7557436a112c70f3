package dev.ledgerbridge.gateway.client;

/**
 * Error body every LedgerBridge service answers with (issue 3 design); {@code qboCode} is set by services that pass a
 * QBO fault on (e.g. {@code 610}); extra fields such as {@code unmatched} are ignored.
 */
public record ServiceErrorBody(String code, String message, String qboCode) {
}
