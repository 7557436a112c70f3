package dev.ledgerbridge.gateway.rest;

import dev.ledgerbridge.gateway.client.CustomerPreview;
import dev.ledgerbridge.gateway.client.DocumentPreview;
import dev.ledgerbridge.gateway.client.PreviewedLineItems;
import java.util.List;

/**
 * What an execution of a create-document action would create now for a record, nothing written anywhere.
 *
 * @param correlationId the id the preview's vendor and service calls carried (sandbox counters, logs)
 * @param realmId       the QBO company the action would write to
 * @param actionType    {@code create-invoice}, {@code create-estimate} or {@code create-sales-receipt}
 * @param customer      contact-sync-service's preview: LINK, MATCH or CREATE (a REFUSE is a 422 instead)
 * @param lines         product-catalog-service's preview, per selected line item: USE or WOULD_CREATE
 * @param document      document-service's preview: the document it would send to QBO, with its totals; its
 *                      {@code customerId} is null while the customer would be created
 */
public record DocumentPreviewView(String correlationId, String realmId, String objectType, String objectId,
        String actionType, CustomerPreview customer, List<PreviewedLineItems.Line> lines, DocumentPreview document) {
}
