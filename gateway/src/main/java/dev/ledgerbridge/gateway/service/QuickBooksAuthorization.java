package dev.ledgerbridge.gateway.service;

import dev.ledgerbridge.gateway.ConnectionVendor;
import dev.ledgerbridge.gateway.QuickBooksConnection;
import dev.ledgerbridge.gateway.client.GrantRefusedException;
import dev.ledgerbridge.gateway.client.VendorTokenEndpoints;
import dev.ledgerbridge.gateway.config.GatewayConfig;
import dev.ledgerbridge.gateway.repository.ConnectionTokenRepository;
import dev.ledgerbridge.gateway.repository.QuickBooksConnectionRepository;
import dev.ledgerbridge.quickbooks.QuickBooksClient;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Connecting a QuickBooks company with Intuit's authorization-code flow (R1): the admin starts it (authorize URL with a
 * fresh state), Intuit sends the operator's browser to the public callback with a code and the realm id, which are
 * exchanged for tokens; CompanyInfo is read with the new access token (name and country, R23) and the tokens are
 * stored encrypted. Disconnecting revokes the grant at Intuit and wipes the tokens.
 */
@ApplicationScoped
public class QuickBooksAuthorization {

    /** Path of the public callback (rest/OAuthCallbackResource). */
    public static final String CALLBACK_PATH = "/oauth/v1/quickbooks/callback";

    private static final Pattern REALM_ID = Pattern.compile("\\d{1,20}");

    private final OAuthStates states;
    private final VendorTokenEndpoints endpoints;
    private final ConnectionTokens tokens;
    private final ConnectionTokenRepository tokenRows;
    private final QuickBooksConnectionRepository connections;
    private final QuickBooksClient quickBooks;
    private final GatewayConfig config;

    public QuickBooksAuthorization(OAuthStates states, VendorTokenEndpoints endpoints, ConnectionTokens tokens,
            ConnectionTokenRepository tokenRows, QuickBooksConnectionRepository connections, QuickBooksClient quickBooks,
            GatewayConfig config) {
        this.states = states;
        this.endpoints = endpoints;
        this.tokens = tokens;
        this.tokenRows = tokenRows;
        this.connections = connections;
        this.quickBooks = quickBooks;
        this.config = config;
    }

    /** Starts an authorization: Intuit's authorize URL with the accounting scope, the callback and a fresh state. */
    public Uni<AuthorizationStart> start(URI requestBase) {
        GatewayConfig.QuickBooksOAuth oauth = config.connections().quickbooks();
        String redirectUri = RedirectUris.callback(oauth.redirectUri(), config, requestBase, CALLBACK_PATH);
        return states.issue(ConnectionVendor.QUICKBOOKS, redirectUri).map(issued -> {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("client_id", oauth.clientId());
            parameters.put("response_type", "code");
            parameters.put("scope", oauth.scope());
            parameters.put("redirect_uri", redirectUri);
            parameters.put("state", issued.state());
            return new AuthorizationStart(RedirectUris.authorizeUrl(oauth.authorizeUrl(), parameters), issued.expiresAt());
        });
    }

    /**
     * Completes an authorization from Intuit's redirect: the state is consumed first (whatever else the callback
     * carries), then a refusal by the user, a missing code or realm, or a refused code ends it with a 4xx and nothing
     * stored.
     */
    public Uni<QuickBooksConnection> complete(String code, String state, String realmId, String error) {
        return states.consume(ConnectionVendor.QUICKBOOKS, state).chain(redirectUri -> {
            if (error != null) {
                Log.infof("QuickBooks authorization ended by Intuit: error=%s", safe(error));
                throw new OAuthCallbackException(400, "AUTHORIZATION_DENIED", "Intuit ended the authorization ("
                        + safe(error) + "); no QuickBooks company was connected. Start again to connect one.");
            }
            if (code == null || code.isBlank() || realmId == null || !REALM_ID.matcher(realmId).matches()) {
                throw new OAuthCallbackException(400, "INVALID_CALLBACK",
                        "The callback lacks the authorization code or a valid realmId; nothing was connected.");
            }
            return endpoints.exchangeCode(ConnectionVendor.QUICKBOOKS, code, redirectUri)
                    .onFailure(GrantRefusedException.class).transform(e -> new OAuthCallbackException(400,
                            "AUTHORIZATION_CODE_REFUSED", "Intuit refused the authorization code ("
                                    + ((GrantRefusedException) e).error() + "); start the authorization again."))
                    .chain(issued -> connections.storeConnecting(realmId,
                            tokens.seal(ConnectionVendor.QUICKBOOKS, realmId, issued)))
                    // Read with the new token: the gateway's QBO client takes it from the CONNECTING row.
                    .chain(() -> quickBooks.company(realmId).companyInfo())
                    .chain(info -> connections.upsertConnected(realmId,
                            info.companyName() == null ? realmId : info.companyName(), info.country()))
                    .invoke(c -> Log.infof("realmId=%s connected through OAuth country=%s", realmId, c.country()));
        });
    }

    /**
     * Disconnects a company: its grant is revoked at Intuit (a transient failure there changes nothing and is
     * reported), then its tokens are wiped and it is DISCONNECTED; null for an unknown realm.
     */
    public Uni<QuickBooksConnection> disconnect(String realmId) {
        if (realmId == null || !REALM_ID.matcher(realmId).matches()) {
            return Uni.createFrom().nullItem();
        }
        return tokenRows.find(ConnectionVendor.QUICKBOOKS, realmId).chain(row -> {
            if (row == null) {
                return Uni.createFrom().nullItem();
            }
            String refreshToken = tokens.refreshTokenOf(ConnectionVendor.QUICKBOOKS, realmId, row.tokens());
            Uni<Void> revoked = refreshToken == null ? Uni.createFrom().voidItem()
                    : endpoints.revokeQuickBooks(refreshToken);
            return revoked
                    .chain(() -> tokenRows.disconnect(ConnectionVendor.QUICKBOOKS, realmId, "disconnected by an admin"))
                    .chain(() -> connections.findById(realmId))
                    .invoke(c -> Log.infof("realmId=%s disconnected (grant revoked: %s)", realmId, refreshToken != null));
        });
    }

    /** Error values are short codes; anything else is not echoed. */
    static String safe(String value) {
        return value.matches("[A-Za-z0-9_.-]{1,64}") ? value : "unrecognised error";
    }
}
