package dev.ledgerbridge.gateway.client;

/**
 * A company's catalog settings as product-catalog-service holds them (R12): the type and income account of the
 * items "Create missing products" creates.
 *
 * @param realmId           QBO company id (null in a PUT body)
 * @param itemType          {@code Service} or {@code NonInventory}
 * @param incomeAccountId   QBO id of an active Income account
 * @param incomeAccountName that account's name (null in a PUT body)
 */
public record CatalogSettings(String realmId, String itemType, String incomeAccountId, String incomeAccountName) {
}
