package dev.ledgerbridge.catalog.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

/**
 * Body of {@code POST /v1/line-items/resolve}: the line items of one HubSpot record, in document order.
 * An empty list is a business refusal (422 NO_LINE_ITEMS), not a validation error.
 *
 * @param realmId       QBO company id
 * @param portalId      HubSpot portal id
 * @param lineItems     the line items
 * @param createMissing the action's "Create missing products" input; absent means false (refuse unmatched items)
 * @param incomeAccountId the action's "Income account" input: the QBO Income account items created for this
 *                        request post to instead of the company's catalog setting; absent means the setting
 */
public record ResolveLineItemsRequest(
        @NotBlank @Pattern(regexp = "[0-9]{1,32}", message = "must be a QuickBooks company id (digits only)") String realmId,
        @NotNull @Positive Long portalId,
        @NotNull @Size(max = 1000) List<@NotNull @Valid LineItemRequest> lineItems,
        Boolean createMissing,
        @Pattern(regexp = "[0-9]{1,32}", message = "must be a QuickBooks account id (digits only)") String incomeAccountId) {

    /**
     * One HubSpot line item.
     *
     * @param id                 HubSpot line item id
     * @param name               line item name
     * @param sku                {@code hs_sku}
     * @param productId          {@code hs_product_id}
     * @param quantity           quantity
     * @param price              unit price before discount
     * @param qboItemId          {@code qbo_item_id}: the QBO item id the product sync stored in the product
     * @param description        description (for a created item)
     * @param discount           {@code discount}: amount off each unit
     * @param discountPercentage {@code hs_discount_percentage}: percent off the unit price
     */
    public record LineItemRequest(
            @NotBlank @Size(max = 64) String id,
            @Size(max = 4000) String name,
            @Size(max = 255) String sku,
            @Size(max = 64) String productId,
            @NotNull BigDecimal quantity,
            BigDecimal price,
            @Size(max = 32) String qboItemId,
            @Size(max = 65536) String description,
            BigDecimal discount,
            BigDecimal discountPercentage) {
    }
}
