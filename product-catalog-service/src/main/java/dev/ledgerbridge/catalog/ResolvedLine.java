package dev.ledgerbridge.catalog;

/**
 * One line item resolved to a QBO item.
 *
 * @param lineItemId HubSpot line item id
 * @param itemId     QBO item id
 * @param itemName   QBO item name
 * @param matchedBy  the rule that matched
 */
public record ResolvedLine(String lineItemId, String itemId, String itemName, MatchedBy matchedBy) {
}
