package dev.ledgerbridge.catalog;

import java.util.List;

/**
 * A request to resolve a record's line items to QBO items of one company.
 *
 * @param realmId       QBO company id
 * @param portalId      HubSpot portal id (issue 5 reads product links per portal)
 * @param lineItems     the line items in the order the document will list them
 * @param correlationId the HubSpot callbackId, or null
 */
public record ResolveLineItemsCommand(String realmId, long portalId, List<LineItem> lineItems, String correlationId) {
}
