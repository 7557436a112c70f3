package dev.ledgerbridge.gateway.client;

/**
 * Body of product-catalog-service {@code PUT /v1/companies/{realmId}/catalog-settings}.
 *
 * @param itemType        {@code Service} or {@code NonInventory}
 * @param incomeAccountId QBO id of an active Income account
 */
public record CatalogSettingsUpdate(String itemType, String incomeAccountId) {
}
