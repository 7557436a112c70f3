package dev.ledgerbridge.catalog;

/** Which rule matched a line item to a QBO item (R10 order: product link, SKU, exact name; then R12 creation). */
public enum MatchedBy {
    /** The line item's HubSpot product is linked to the item (product_link, or the product's qbo_item_id). */
    PRODUCT_LINK,
    /** The line item's SKU equals the item's {@code Sku}. */
    SKU,
    /** The line item's name equals the item's {@code Name} after {@link MatchKey} normalisation. */
    NAME,
    /** Nothing matched and the item was created in QBO for it ("Create missing products", R12). */
    CREATED
}
