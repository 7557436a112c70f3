package dev.ledgerbridge.payments.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.util.List;

/** Answer of product-catalog-service: one QBO item per line item, in request order. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResolvedLineItems(List<Line> lines) {

    public ResolvedLineItems {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /**
     * One resolved line item with the quantity and unit price its document line must carry.
     *
     * @param amountNote null, or "quantity x unit price" when the line had to be sent as quantity 1
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Line(String lineItemId, String itemId, String itemName, String matchedBy, BigDecimal quantity,
            BigDecimal unitPrice, BigDecimal amount, String amountNote) {
    }
}
