package dev.ledgerbridge.gateway.service;

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
    private final PreauthorisedTokens tokens;
    private final GatewayConfig config;
    private final Clock clock = Clock.systemUTC();

    public QuickBooksConnections(QuickBooksConnectionRepository connections, QuickBooksClient quickBooks,
            PreauthorisedTokens tokens, GatewayConfig config) {
        this.connections = connections;
        this.quickBooks = quickBooks;
        this.tokens = tokens;
        this.config = config;
    }

    /**
     * Connects the realm with the pre-authorised token: one CompanyInfo read, then an upsert, so connecting again
     * refreshes name and country and changes nothing else.
     */
    public Uni<QuickBooksConnection> connect(String realmId) {
        return quickBooks.company(realmId).companyInfo()
                .chain(info -> connections.upsertConnected(realmId,
                        info.companyName() == null ? realmId : info.companyName(), info.country()))
                .invoke(c -> Log.infof("realmId=%s connected country=%s", realmId, c.country()));
    }

    /** Every connected company. */
    public Uni<List<QuickBooksConnection>> list() {
        return connections.listConnected();
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
                .map(c -> c != null && c.state() == QuickBooksConnection.ConnectionState.CONNECTED ? c : null);
    }

    /** An access token for a connected realm, or null when it is not connected (the services get a 404). */
    public Uni<AccessToken> accessToken(String realmId) {
        return findConnected(realmId)
                .onItem().ifNotNull().transformToUni(c -> tokens.quickBooks(realmId)
                        .map(token -> new AccessToken(token, Instant.now(clock).plus(config.quickbooks().tokenLifetime()))));
    }

    /** A QBO access token and when the services must fetch a new one. */
    public record AccessToken(String accessToken, Instant expiresAt) {
    }
}
