package dev.ledgerbridge.gateway.rest;

import java.util.Map;

/**
 * {@code POST /admin/v1/preview/document}: the record and action to preview.
 *
 * @param portalId    HubSpot portal of the record
 * @param objectType  {@code DEAL} or {@code QUOTE}
 * @param objectId    the record id
 * @param actionType  {@code create-invoice}, {@code create-estimate} or {@code create-sales-receipt}
 * @param inputFields the action's inputs under their definition names ({@code quickbooks_company},
 *                    {@code payment_terms}, {@code customer_contact}, {@code line_items},
 *                    {@code create_missing_products}, {@code income_account}, {@code deposit_account}), as text
 */
public record DocumentPreviewRequest(Long portalId, String objectType, String objectId, String actionType,
        Map<String, String> inputFields) {
}
