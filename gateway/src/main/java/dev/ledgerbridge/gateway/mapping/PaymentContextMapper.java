package dev.ledgerbridge.gateway.mapping;

import dev.ledgerbridge.gateway.PaymentContext;
import dev.ledgerbridge.hubspot.CrmObject;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns the three HubSpot reads of a commerce payment into a {@link PaymentContext} (issue 7). */
public final class PaymentContextMapper {

    /** Payment properties the gateway reads (domain brief 2.7). */
    public static final List<String> PAYMENT_PROPERTIES = List.of("hs_initial_amount", "hs_fees_amount",
            "hs_refunds_amount", "hs_net_amount", "hs_latest_status", "hs_payment_source_app",
            "hs_has_associated_invoice", "hs_initiated_date", "hs_currency_code");
    /** Line-item properties: those of the document actions, plus the two that tell a taxed line (R17). */
    public static final List<String> LINE_ITEM_PROPERTIES;

    static {
        LinkedHashSet<String> names = new LinkedHashSet<>(DealContextMapper.LINE_ITEM_PROPERTIES);
        names.add("hs_tax_rate_group_id");
        names.add("hs_tax_amount");
        LINE_ITEM_PROPERTIES = List.copyOf(names);
    }

    private PaymentContextMapper() {
    }

    /**
     * Contacts and line items come in the payment's association order, which the batch reads preserve; each contact
     * with the filter properties (every name present, null when HubSpot has no value) and its association labels.
     */
    public static PaymentContext toContext(CrmObject payment, List<CrmObject> contacts, List<CrmObject> lineItems,
            List<String> filterProperties, Map<String, List<String>> labelsByContact) {
        Set<String> taxable = new LinkedHashSet<>();
        lineItems.stream().filter(PaymentContextMapper::taxable).forEach(line -> taxable.add(line.id()));
        return new PaymentContext(payment.id(), payment.property("hs_payment_source_app"),
                "true".equalsIgnoreCase(blankToNull(payment.property("hs_has_associated_invoice"))),
                payment.property("hs_latest_status"),
                DealContextMapper.decimal(payment.property("hs_initial_amount")),
                DealContextMapper.decimal(payment.property("hs_fees_amount")),
                DealContextMapper.decimal(payment.property("hs_refunds_amount")),
                DealContextMapper.decimal(payment.property("hs_net_amount")),
                blankToNull(payment.property("hs_currency_code")),
                DealContextMapper.date(payment.property("hs_initiated_date")),
                contacts.stream().map(c -> DealContextMapper.toContact(c, filterProperties,
                        labelsByContact.get(c.id()))).toList(),
                lineItems.stream().map(DealContextMapper::toLineItem).toList(), taxable);
    }

    /**
     * A line is taxable when HubSpot gave it a tax rate group, or a tax amount other than zero. An unreadable tax
     * amount counts as taxable: refusing a paid invoice is safer than booking a taxed sale without its tax.
     */
    static boolean taxable(CrmObject line) {
        if (blankToNull(line.property("hs_tax_rate_group_id")) != null) {
            return true;
        }
        String tax = blankToNull(line.property("hs_tax_amount"));
        if (tax == null) {
            return false;
        }
        BigDecimal amount = DealContextMapper.decimal(tax);
        return amount == null || amount.signum() != 0;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
