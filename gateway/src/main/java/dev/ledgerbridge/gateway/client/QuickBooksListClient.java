package dev.ledgerbridge.gateway.client;

import dev.ledgerbridge.gateway.config.OptionsConfig;
import dev.ledgerbridge.gateway.config.VendorApiConfig;
import dev.ledgerbridge.gateway.service.VendorAccessTokens;
import dev.ledgerbridge.quickbooks.QuickBooksClient;
import dev.ledgerbridge.quickbooks.QuickBooksClientConfig;
import dev.ledgerbridge.quickbooks.model.Account;
import dev.ledgerbridge.quickbooks.model.Term;
import dev.ledgerbridge.quickbooks.model.Vendor;
import dev.ledgerbridge.quickbooks.query.QboQuery;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Reads the QBO name lists behind HubSpot's dropdowns (terms, accounts, vendors) with its own QBO client that never
 * waits out a 429: a dropdown must answer within HubSpot's few seconds, so throttling surfaces at once and the caller
 * falls back to what it has cached.
 */
@ApplicationScoped
public class QuickBooksListClient {

    private final QuickBooksClient quickBooks;

    public QuickBooksListClient(Vertx vertx, VendorApiConfig vendors, OptionsConfig options, VendorAccessTokens tokens) {
        QuickBooksClientConfig defaults = QuickBooksClientConfig.defaults(vendors.quickbooks().baseUrl());
        QuickBooksClientConfig config = new QuickBooksClientConfig(defaults.baseUrl(),
                vendors.quickbooks().minorVersion(), options.fetchTimeout(), 0, defaults.throttleBackoff())
                .withPacing(vendors.quickbooks().pacePerSecond(), vendors.quickbooks().pacePerMinute());
        this.quickBooks = new QuickBooksClient(vertx, config, tokens::quickBooks);
    }

    /** Active payment terms, every page of them. */
    public Uni<List<Term>> activeTerms(String realmId) {
        return quickBooks.company(realmId).queryAll(Term.class,
                QboQuery.selectFrom(Term.class).where("Active", QboQuery.Op.EQ, true));
    }

    /** Active accounts of every type (one query serves the deposit, expense and income lists). */
    public Uni<List<Account>> activeAccounts(String realmId) {
        return quickBooks.company(realmId).queryAll(Account.class,
                QboQuery.selectFrom(Account.class).where("Active", QboQuery.Op.EQ, true));
    }

    /** Active vendors, every page of them. */
    public Uni<List<Vendor>> activeVendors(String realmId) {
        return quickBooks.company(realmId).queryAll(Vendor.class,
                QboQuery.selectFrom(Vendor.class).where("Active", QboQuery.Op.EQ, true));
    }

    @PreDestroy
    void close() {
        quickBooks.close();
    }
}
