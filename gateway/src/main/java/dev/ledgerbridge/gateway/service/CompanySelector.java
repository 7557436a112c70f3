package dev.ledgerbridge.gateway.service;

import dev.ledgerbridge.gateway.ActionRequest;
import dev.ledgerbridge.gateway.ConnectionState;
import dev.ledgerbridge.gateway.ConnectionVendor;
import dev.ledgerbridge.gateway.QuickBooksConnection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Picks the QuickBooks company an action writes to (R1) and refuses one that is not connected or not US-based (R23),
 * before anything is read from HubSpot or written anywhere.
 */
@ApplicationScoped
public class CompanySelector {

    /** Action input naming the realm; optional when exactly one company is connected. */
    public static final String COMPANY_INPUT = "quickbooks_company";

    private final QuickBooksConnections connections;

    public CompanySelector(QuickBooksConnections connections) {
        this.connections = connections;
    }

    /** The connected US company for the request, or a failure with an {@link ActionRefusal}. */
    public Uni<QuickBooksConnection> select(ActionRequest request) {
        String realmId = request.input(COMPANY_INPUT);
        Uni<QuickBooksConnection> chosen = realmId == null ? onlyConnected() : named(realmId);
        return chosen.invoke(CompanySelector::requireUnitedStates);
    }

    private Uni<QuickBooksConnection> named(String realmId) {
        return connections.find(realmId).map(company -> {
            if (company != null && company.state() == ConnectionState.CONNECTED) {
                return company;
            }
            if (company != null && company.state() == ConnectionState.RECONNECT_NEEDED) {
                // Intuit refused the company's refresh token: only an admin's new authorization helps.
                throw new ActionRefusal("COMPANY_NOT_CONNECTED", ConnectionUnusableException.message(
                        ConnectionVendor.QUICKBOOKS, realmId, ConnectionState.RECONNECT_NEEDED, company.stateReason()));
            }
            throw new ActionRefusal("COMPANY_NOT_CONNECTED",
                    "QuickBooks company " + realmId + " is not connected to LedgerBridge. Connect it, or choose"
                            + " a connected company in the action's QuickBooks company field.");
        });
    }

    private Uni<QuickBooksConnection> onlyConnected() {
        return connections.list().map(all -> {
            if (all.isEmpty()) {
                throw new ActionRefusal("COMPANY_NOT_CONNECTED",
                        "No QuickBooks company is connected to LedgerBridge. Connect one before using this action.");
            }
            if (all.size() > 1) {
                throw new ActionRefusal("NO_COMPANY_SELECTED", all.size() + " QuickBooks companies are connected."
                        + " Choose one in the action's QuickBooks company field.");
            }
            return all.get(0);
        });
    }

    private static void requireUnitedStates(QuickBooksConnection company) {
        if (!company.isUnitedStates()) {
            throw new ActionRefusal("COMPANY_NOT_US", "QuickBooks company " + company.companyName() + " is based in "
                    + (company.country() == null ? "an unknown country" : company.country())
                    + ". QuickBooks actions work only with US-based companies.");
        }
    }
}
