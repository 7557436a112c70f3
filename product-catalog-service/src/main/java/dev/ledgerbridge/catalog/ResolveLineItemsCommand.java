package dev.ledgerbridge.catalog;

import java.util.List;

/**
 * A request to resolve a record's line items to QBO items of one company.
 *
 * @param realmId       QBO company id
 * @param portalId      HubSpot portal id (product links are kept per portal)
 * @param lineItems     the line items in the order the document will list them
 * @param correlationId the HubSpot callbackId, or null
 * @param createMissing the action's "Create missing products" input (R5): create unmatched items instead of refusing
 */
public record ResolveLineItemsCommand(String realmId, long portalId, List<LineItem> lineItems, String correlationId,
        boolean createMissing) {

    /** A resolution that refuses unmatched line items. */
    public ResolveLineItemsCommand(String realmId, long portalId, List<LineItem> lineItems, String correlationId) {
        this(realmId, portalId, lineItems, correlationId, false);
    }
}
