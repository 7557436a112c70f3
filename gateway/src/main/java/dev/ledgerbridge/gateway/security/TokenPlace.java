package dev.ledgerbridge.gateway.security;

/**
 * Where an encrypted token lives: table, column and row. Its text is the AES-GCM additional authenticated data, so a
 * ciphertext only decrypts in the place it was written for.
 */
public record TokenPlace(String table, String column, String rowId) {

    /** The additional authenticated data, e.g. {@code quickbooks_connection.refresh_token/9130350000000001}. */
    public String aad() {
        return table + "." + column + "/" + rowId;
    }
}
