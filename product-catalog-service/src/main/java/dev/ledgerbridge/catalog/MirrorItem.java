package dev.ledgerbridge.catalog;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A QBO item as the mirror stores it, active or not.
 *
 * @param itemId          QBO item id
 * @param name            QBO {@code Name}
 * @param sku             QBO {@code Sku}, null when none
 * @param type            QBO {@code Type}
 * @param unitPrice       QBO {@code UnitPrice}, null when none
 * @param taxable         QBO {@code Taxable}
 * @param active          QBO {@code Active}; inactive items stay mirrored but never match
 * @param syncToken       QBO {@code SyncToken}
 * @param lastUpdatedTime QBO {@code MetaData.LastUpdatedTime}, null when QBO omitted it
 */
public record MirrorItem(String itemId, String name, String sku, String type, BigDecimal unitPrice, boolean taxable,
        boolean active, String syncToken, OffsetDateTime lastUpdatedTime) {
}
