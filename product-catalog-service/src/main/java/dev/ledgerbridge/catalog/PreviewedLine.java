package dev.ledgerbridge.catalog;

/**
 * One line item as a resolution would treat it, nothing written: the existing item it would use, or the item it
 * would create ("Create missing products").
 *
 * @param lineItemId        HubSpot line item id
 * @param itemId            QBO item id it would use, null when it would create one
 * @param itemName          that item's name, or the name the created item would get
 * @param matchedBy         the rule that matched, or {@link MatchedBy#CREATED} when it would create the item
 * @param itemType          the type a created item would get, null for an existing item
 * @param incomeAccountId   the income account a created item would post to, null for an existing item
 * @param incomeAccountName that account's name, null for an existing item
 */
public record PreviewedLine(String lineItemId, String itemId, String itemName, MatchedBy matchedBy, String itemType,
        String incomeAccountId, String incomeAccountName) {

    /** True when the resolution would create the item. */
    public boolean wouldCreate() {
        return matchedBy == MatchedBy.CREATED;
    }
}
