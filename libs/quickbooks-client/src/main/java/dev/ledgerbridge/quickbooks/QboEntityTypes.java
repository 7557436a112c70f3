package dev.ledgerbridge.quickbooks;

import dev.ledgerbridge.quickbooks.model.Account;
import dev.ledgerbridge.quickbooks.model.CompanyInfo;
import dev.ledgerbridge.quickbooks.model.Customer;
import dev.ledgerbridge.quickbooks.model.Estimate;
import dev.ledgerbridge.quickbooks.model.Invoice;
import dev.ledgerbridge.quickbooks.model.Item;
import dev.ledgerbridge.quickbooks.model.Payment;
import dev.ledgerbridge.quickbooks.model.PaymentMethod;
import dev.ledgerbridge.quickbooks.model.Preferences;
import dev.ledgerbridge.quickbooks.model.Purchase;
import dev.ledgerbridge.quickbooks.model.QboEntity;
import dev.ledgerbridge.quickbooks.model.RefundReceipt;
import dev.ledgerbridge.quickbooks.model.SalesReceipt;
import dev.ledgerbridge.quickbooks.model.Term;
import dev.ledgerbridge.quickbooks.model.Vendor;

import java.util.Locale;
import java.util.Map;

/**
 * Maps each entity record to its QBO entity name ({@code SalesReceipt}), which is also the JSON wrapper key, the
 * query/CDC name and, lower-cased, the URL path segment; an explicit table keeps it free of reflection.
 */
public final class QboEntityTypes {

    private static final Map<Class<? extends QboEntity>, String> NAMES = Map.ofEntries(
            Map.entry(Customer.class, "Customer"),
            Map.entry(Vendor.class, "Vendor"),
            Map.entry(Item.class, "Item"),
            Map.entry(Term.class, "Term"),
            Map.entry(PaymentMethod.class, "PaymentMethod"),
            Map.entry(Account.class, "Account"),
            Map.entry(CompanyInfo.class, "CompanyInfo"),
            Map.entry(Preferences.class, "Preferences"),
            Map.entry(Invoice.class, "Invoice"),
            Map.entry(Estimate.class, "Estimate"),
            Map.entry(SalesReceipt.class, "SalesReceipt"),
            Map.entry(Payment.class, "Payment"),
            Map.entry(Purchase.class, "Purchase"),
            Map.entry(RefundReceipt.class, "RefundReceipt"));

    private QboEntityTypes() {
    }

    /** The QBO entity name of a record type, e.g. {@code SalesReceipt}. */
    public static String nameOf(Class<?> type) {
        String name = NAMES.get(type);
        if (name == null) {
            throw new IllegalArgumentException("not a QBO entity record: " + type.getName());
        }
        return name;
    }

    /** The URL path segment of a record type, e.g. {@code salesreceipt}. */
    public static String pathOf(Class<?> type) {
        return nameOf(type).toLowerCase(Locale.ROOT);
    }
}
