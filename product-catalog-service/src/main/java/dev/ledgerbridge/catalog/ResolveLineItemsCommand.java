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
 * @param incomeAccountId the action's "Income account" input: the QBO Income account created items post to instead
 *                        of the company's catalog setting, or null for the setting
 */
public record ResolveLineItemsCommand(String realmId, long portalId, List<LineItem> lineItems, String correlationId,
        boolean createMissing, String incomeAccountId) {

    /** A resolution whose created items use the company's catalog settings. */
    public ResolveLineItemsCommand(String realmId, long portalId, List<LineItem> lineItems, String correlationId,
            boolean createMissing) {
        this(realmId, portalId, lineItems, correlationId, createMissing, null);
    }

    /** A resolution that refuses unmatched line items. */
    public ResolveLineItemsCommand(String realmId, long portalId, List<LineItem> lineItems, String correlationId) {
        this(realmId, portalId, lineItems, correlationId, false);
    }
}
