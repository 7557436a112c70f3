package dev.ledgerbridge.catalog.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.List;

/**
 * Every error answer of this service (style guide 9); fields beyond {@code code} and {@code message} appear only
 * for the codes that use them.
 *
 * @param code       stable error code, e.g. {@code UNMATCHED_LINE_ITEMS}
 * @param message    text for a finance user (shown verbatim in HubSpot)
 * @param unmatched  UNMATCHED_LINE_ITEMS: each unmatched line item
 * @param ambiguous  AMBIGUOUS_LINE_ITEMS: each ambiguous line item with its candidates
 * @param qboCode    QBO_ERROR / QBO_THROTTLED: QBO's error code, when it sent one
 * @param qboMessage QBO_ERROR / QBO_THROTTLED: QBO's error message, when it sent one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String code, String message, List<UnmatchedLineItem> unmatched,
        List<AmbiguousLineItem> ambiguous, String qboCode, String qboMessage) {

    /** An error with code and message only. */
    public static ErrorBody of(String code, String message) {
        return new ErrorBody(code, message, null, null, null, null);
    }

    /**
     * A line item no QBO item matches.
     *
     * @param lineItemId HubSpot line item id
     * @param name       its name
     * @param sku        its SKU
     * @param quantity   its quantity
     */
    public record UnmatchedLineItem(String lineItemId, String name, String sku, BigDecimal quantity) {
    }

    /**
     * A line item several active QBO items match.
     *
     * @param lineItemId HubSpot line item id
     * @param name       its name
     * @param sku        its SKU
     * @param matchedBy  {@code SKU} or {@code NAME}
     * @param candidates the QBO items it matched
     */
    public record AmbiguousLineItem(String lineItemId, String name, String sku, String matchedBy,
            List<Candidate> candidates) {
    }

    /**
     * A QBO item among several a line item matched.
     *
     * @param itemId   QBO item id
     * @param itemName QBO item name
     * @param sku      QBO item SKU
     */
    public record Candidate(String itemId, String itemName, String sku) {
    }
}
