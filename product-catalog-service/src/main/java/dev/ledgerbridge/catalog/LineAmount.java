package dev.ledgerbridge.catalog;

import java.math.BigDecimal;

/**
 * What a document line must say so that QBO accepts it: {@code amount == quantity x unitPrice} exactly (else QBO
 * answers 6070). See {@link LineAmounts} for the rule.
 *
 * @param lineItemId HubSpot line item id
 * @param quantity   the quantity to send (the line item's, or 1 when it had to be folded, see {@code note})
 * @param unitPrice  the unit price to send, after discount
 * @param amount     the line total in cents: quantity x unitPrice, exactly
 * @param note       null, or, when quantity and price could not be sent as they are, the original
 *                   "quantity x unit price" for the line's description
 */
public record LineAmount(String lineItemId, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount,
        String note) {
}
