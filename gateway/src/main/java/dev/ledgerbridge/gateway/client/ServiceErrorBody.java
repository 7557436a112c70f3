package dev.ledgerbridge.gateway.client;

/** Error body every LedgerBridge service answers with (issue 3 design); extra fields such as {@code unmatched} are ignored. */
public record ServiceErrorBody(String code, String message) {
}
