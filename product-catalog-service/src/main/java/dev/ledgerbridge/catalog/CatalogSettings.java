package dev.ledgerbridge.catalog;

/**
 * A company's catalog settings: how missing items are created when an action asks for it (R12).
 *
 * @param realmId           QBO company id
 * @param itemType          {@code Service} or {@code NonInventory}: the QBO type of created items
 * @param incomeAccountId   QBO id of the Income account created items post to
 * @param incomeAccountName that account's name when it was validated (for display)
 */
public record CatalogSettings(String realmId, String itemType, String incomeAccountId, String incomeAccountName) {
}
