package dev.ledgerbridge.contacts.client;

import dev.ledgerbridge.contacts.config.ContactSyncConfig;
import dev.ledgerbridge.quickbooks.QboCompany;
import dev.ledgerbridge.quickbooks.QboFaultException;
import dev.ledgerbridge.quickbooks.QboPage;
import dev.ledgerbridge.quickbooks.QuickBooksClient;
import dev.ledgerbridge.quickbooks.model.Customer;
import dev.ledgerbridge.quickbooks.model.Vendor;
import dev.ledgerbridge.quickbooks.query.QboQuery;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Stream;

/** The QBO Customer operations customer resolution needs, on top of the shared {@link QuickBooksClient}. */
@ApplicationScoped
public class QboCustomers {

    private final QuickBooksClient client;
    private final int maxEmailCandidates;

    QboCustomers(QuickBooksClient client, ContactSyncConfig config) {
        this.client = client;
        this.maxEmailCandidates = config.maxEmailCandidates();
    }

    /** The company's operations, tagged with the caller's correlation id when there is one. */
    public QboCompany company(String realmId, String correlationId) {
        QboCompany company = client.company(realmId);
        return correlationId == null ? company : company.withCorrelationId(correlationId);
    }

    /**
     * Active and inactive customers whose PrimaryEmailAddr equals the address (one CorePlus call). QBO's
     * comparison rules for values are undocumented, so callers confirm every candidate in code.
     */
    public Uni<List<Customer>> findByEmail(QboCompany company, String email) {
        // Inactive customers too: an inactive match is reactivated rather than duplicated (README).
        QboQuery query = QboQuery.selectFrom(Customer.class)
                .whereEquals("PrimaryEmailAddr", email)
                .whereIn("Active", List.of(true, false))
                .maxResults(maxEmailCandidates);
        return company.query(Customer.class, query).map(QboPage::items);
    }

    /**
     * Which of the names QBO already uses as the DisplayName of a customer or a vendor, active or not (two reads).
     * Employees share the namespace too but are not read here: the preview then says "create" where the create
     * would move on to the next name.
     */
    public Uni<List<String>> displayNamesInUse(QboCompany company, List<String> names) {
        QboQuery customerQuery = QboQuery.selectFrom(Customer.class).whereIn("DisplayName", names)
                .whereIn("Active", List.of(true, false)).maxResults(names.size() * 2);
        QboQuery vendorQuery = QboQuery.selectFrom(Vendor.class).whereIn("DisplayName", names)
                .whereIn("Active", List.of(true, false)).maxResults(names.size() * 2);
        return company.query(Customer.class, customerQuery).map(QboPage::items)
                .chain(found -> company.query(Vendor.class, vendorQuery).map(QboPage::items)
                        .map(vendors -> Stream.concat(found.stream().map(Customer::displayName),
                                vendors.stream().map(Vendor::displayName)).toList()));
    }

    /**
     * True when QBO still has the customer and it is active (one read); false when QBO answers 610 (not found) or the
     * customer is inactive, as a customer merged into another one is.
     */
    public Uni<Boolean> isUsable(QboCompany company, String customerId) {
        return company.read(Customer.class, customerId)
                .map(customer -> customer != null && !Boolean.FALSE.equals(customer.active()))
                .onFailure(failure -> failure instanceof QboFaultException fault && fault.hasCode("610"))
                .recoverWithItem(false);
    }

    /** Creates the customer; the requestid makes a repeated create replay the first answer. */
    public Uni<Customer> create(QboCompany company, Customer customer, String requestId) {
        return company.create(customer, requestId);
    }

    /** Marks an inactive customer active again with a sparse update (only Active changes). */
    public Uni<Customer> reactivate(QboCompany company, Customer customer, String requestId) {
        Customer change = Customer.builder().id(customer.id()).syncToken(customer.syncToken()).active(true).build();
        return company.sparseUpdate(change, requestId);
    }
}
