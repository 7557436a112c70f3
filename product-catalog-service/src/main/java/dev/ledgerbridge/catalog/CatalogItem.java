package dev.ledgerbridge.catalog;

/**
 * A sellable QBO item as matching sees it, whichever source found it (a direct QBO lookup now, the mirror in
 * issue 5).
 *
 * @param itemId QBO item id
 * @param name   QBO {@code Name} as stored
 * @param sku    QBO {@code Sku}, null when the item has none
 * @param type   QBO {@code Type}, e.g. {@code Service}
 */
public record CatalogItem(String itemId, String name, String sku, String type) {
}
