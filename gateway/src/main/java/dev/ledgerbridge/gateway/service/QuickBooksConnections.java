package dev.ledgerbridge.gateway.service;

import dev.ledgerbridge.gateway.ConnectionState;
import dev.ledgerbridge.gateway.ConnectionVendor;
import dev.ledgerbridge.gateway.QuickBooksConnection;
import dev.ledgerbridge.gateway.config.GatewayConfig;
import dev.ledgerbridge.gateway.repository.QuickBooksConnectionRepository;
import dev.ledgerbridge.quickbooks.QuickBooksClient;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Connected QuickBooks companies (R1): connecting a realm (reading its CompanyInfo for name and country, R23), listing
 * them, and handing the services a QBO access token for a connected realm.
 */
@ApplicationScoped
public class QuickBooksConnections {

    private static final Pattern REALM_ID = Pattern.compile("\\d{1,20}");

    private final QuickBooksConnectionRepository connections;
    private final QuickBooksClient quickBooks;
    private final PreauthorisedTokens preauthorised;
    private final ConnectionTokens tokens;
    private final GatewayConfig config;
    private final Clock clock = Clock.systemUTC();

    public QuickBooksConnections(QuickBooksConnectionRepository connections, QuickBooksClient quickBooks,
            PreauthorisedTokens preauthorised, ConnectionTokens tokens, GatewayConfig config) {
        this.connections = connections;
        this.quickBooks = quickBooks;
        this.preauthorised = preauthorised;
        this.tokens = tokens;
        this.config = config;
    }

    /**
     * Connects the realm with the pre-authorised token (only with {@code connections.preauthorised-tokens}; otherwise
     * a 409 that points to the authorization flow): one CompanyInfo read, then an upsert, so connecting again refreshes
     * name and country and changes nothing else.
     */
    public Uni<QuickBooksConnection> connect(String realmId) {
        if (!config.connections().preauthorisedTokens()) {
            return Uni.createFrom().failure(new OAuthCallbackException(409, "AUTHORIZATION_FLOW_REQUIRED",
                    "Companies are connected through Intuit's authorization: POST"
                            + " /admin/v1/connections/quickbooks/authorizations and open the returned authorizeUrl."
                            + " This one-step connect works only with pre-authorised sandbox tokens."));
        }
        return quickBooks.company(realmId).companyInfo()
                .chain(info -> connections.upsertConnected(realmId,
                        info.companyName() == null ? realmId : info.companyName(), info.country()))
                .invoke(c -> Log.infof("realmId=%s connected country=%s", realmId, c.country()));
    }

    /** Every connected company. */
    public Uni<List<QuickBooksConnection>> list() {
        return connections.listConnected();
    }

    /** Every company that is not DISCONNECTED, with its state (the admin list). */
    public Uni<List<QuickBooksConnection>> listKnown() {
        return connections.listKnown();
    }

    /** The realm's connection in any state, or null when it is unknown (or no realm id). */
    public Uni<QuickBooksConnection> find(String realmId) {
        if (realmId == null || !REALM_ID.matcher(realmId).matches()) {
            return Uni.createFrom().nullItem();
        }
        return connections.findById(realmId);
    }

    /**
     * The connection of the realm, or null when it is unknown or disconnected. A value that is no realm id (realm ids
     * are digits) is unknown without asking the database, whatever it contains.
     */
    public Uni<QuickBooksConnection> findConnected(String realmId) {
        if (realmId == null || !REALM_ID.matcher(realmId).matches()) {
            return Uni.createFrom().nullItem();
        }
        return connections.findById(realmId)
                .map(c -> c != null && c.state() == ConnectionState.CONNECTED ? c : null);
    }

    /**
     * An access token for a connected realm, or null when it is not connected (the services get a 404); a realm that
     * must be reconnected fails with {@link ConnectionUnusableException}, a transient refresh failure with
     * {@code TokenEndpointUnavailableException}.
     */
    public Uni<AccessToken> accessToken(String realmId) {
        if (config.connections().preauthorisedTokens()) {
            return findConnected(realmId)
                    .onItem().ifNotNull().transformToUni(c -> preauthorised.quickBooks(realmId)
                            .map(token -> new AccessToken(token, Instant.now(clock).plus(config.quickbooks().tokenLifetime()))));
        }
        return find(realmId).chain(c -> {
            if (c == null || c.state() == ConnectionState.DISCONNECTED) {
                return Uni.createFrom().nullItem();
            }
            return tokens.accessToken(ConnectionVendor.QUICKBOOKS, realmId);
        });
    }
}
