package dev.ledgerbridge.catalog;

/** Which rule matched a line item to a QBO item (R10 order: SKU first, then exact name). */
public enum MatchedBy {
    /** The line item's SKU equals the item's {@code Sku}. */
    SKU,
    /** The line item's name equals the item's {@code Name} after {@link MatchKey} normalisation. */
    NAME
}
