package dev.ledgerbridge.catalog.rest;

import dev.ledgerbridge.catalog.LineAmount;
import dev.ledgerbridge.catalog.MatchedBy;
import dev.ledgerbridge.catalog.PreviewedLine;

import java.math.BigDecimal;
import java.util.List;

/**
 * Answer of {@code POST /v1/line-items/preview}: what {@code /resolve} would do with each line item, in request
 * order, nothing written.
 *
 * @param lines the previewed lines
 */
public record PreviewLineItemsResponse(List<Line> lines) {

    /** {@link Line#action()} of a line that would use an existing QBO item. */
    public static final String USE = "USE";
    /** {@link Line#action()} of a line whose item would be created ("Create missing products"). */
    public static final String WOULD_CREATE = "WOULD_CREATE";

    /**
     * A line item, the QBO item it would use or create, and the amounts its document line would carry.
     *
     * @param lineItemId        HubSpot line item id
     * @param action            {@code USE} or {@code WOULD_CREATE}
     * @param itemId            QBO item id it would use; null for {@code WOULD_CREATE}
     * @param itemName          the QBO item's name, or the name the created item would get
     * @param matchedBy         {@code PRODUCT_LINK}, {@code SKU}, {@code NAME}, or {@code CREATED} for WOULD_CREATE
     * @param itemType          {@code Service} or {@code NonInventory} for WOULD_CREATE, else null
     * @param incomeAccountId   the income account of the item it would create, else null
     * @param incomeAccountName that account's name, else null
     * @param quantity          the QBO line's Qty
     * @param unitPrice         the QBO line's UnitPrice, after discount
     * @param amount            the QBO line's Amount: quantity x unitPrice exactly
     * @param amountNote        null, or "quantity x unit price" when the line would be sent as quantity 1
     */
    public record Line(String lineItemId, String action, String itemId, String itemName, MatchedBy matchedBy,
            String itemType, String incomeAccountId, String incomeAccountName, BigDecimal quantity,
            BigDecimal unitPrice, BigDecimal amount, String amountNote) {

        static Line of(PreviewedLine line, LineAmount amount) {
            return new Line(line.lineItemId(), line.wouldCreate() ? WOULD_CREATE : USE, line.itemId(), line.itemName(),
                    line.matchedBy(), line.itemType(), line.incomeAccountId(), line.incomeAccountName(),
                    amount.quantity(), amount.unitPrice(), amount.amount(), amount.note());
        }
    }
}
