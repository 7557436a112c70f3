package dev.ledgerbridge.gateway.service;

import dev.ledgerbridge.gateway.ConnectionVendor;
import dev.ledgerbridge.gateway.HubSpotConnection;
import dev.ledgerbridge.gateway.client.GrantRefusedException;
import dev.ledgerbridge.gateway.client.HubSpotOAuthApi;
import dev.ledgerbridge.gateway.client.VendorTokenEndpoints;
import dev.ledgerbridge.gateway.config.GatewayConfig;
import dev.ledgerbridge.gateway.repository.ConnectionTokenRepository;
import dev.ledgerbridge.gateway.repository.HubSpotConnectionRepository;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Installing the LedgerBridge app in a HubSpot portal with HubSpot's authorization-code flow: authorize URL on the app
 * host, public callback, code exchange, token info for the hub id (the portal), tokens stored encrypted. Uninstalling
 * deletes the refresh token at HubSpot and wipes the stored tokens.
 */
@ApplicationScoped
public class HubSpotInstallation {

    /** Path of the public callback (rest/OAuthCallbackResource). */
    public static final String CALLBACK_PATH = "/oauth/v1/hubspot/callback";

    private static final Pattern PORTAL_ID = Pattern.compile("[1-9][0-9]{0,17}");

    private final OAuthStates states;
    private final VendorTokenEndpoints endpoints;
    private final HubSpotOAuthApi hubSpot;
    private final ConnectionTokens tokens;
    private final ConnectionTokenRepository tokenRows;
    private final HubSpotConnectionRepository connections;
    private final GatewayConfig config;

    public HubSpotInstallation(OAuthStates states, VendorTokenEndpoints endpoints, HubSpotOAuthApi hubSpot,
            ConnectionTokens tokens, ConnectionTokenRepository tokenRows, HubSpotConnectionRepository connections,
            GatewayConfig config) {
        this.states = states;
        this.endpoints = endpoints;
        this.hubSpot = hubSpot;
        this.tokens = tokens;
        this.tokenRows = tokenRows;
        this.connections = connections;
        this.config = config;
    }

    /** Starts an install: HubSpot's authorize URL with the app's scopes, the callback and a fresh state. */
    public Uni<AuthorizationStart> start(URI requestBase) {
        GatewayConfig.HubSpotOAuth oauth = config.connections().hubspot();
        String redirectUri = RedirectUris.callback(oauth.redirectUri(), config, requestBase, CALLBACK_PATH);
        return states.issue(ConnectionVendor.HUBSPOT, redirectUri).map(issued -> {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("client_id", oauth.clientId());
            parameters.put("redirect_uri", redirectUri);
            parameters.put("scope", oauth.scope());
            parameters.put("state", issued.state());
            return new AuthorizationStart(RedirectUris.authorizeUrl(oauth.authorizeUrl(), parameters), issued.expiresAt());
        });
    }

    /** Completes an install from HubSpot's redirect (same rules as the QuickBooks callback). */
    public Uni<HubSpotConnection> complete(String code, String state, String error) {
        return states.consume(ConnectionVendor.HUBSPOT, state).chain(redirectUri -> {
            if (error != null) {
                Log.infof("HubSpot install ended by HubSpot: error=%s", QuickBooksAuthorization.safe(error));
                throw new OAuthCallbackException(400, "AUTHORIZATION_DENIED", "HubSpot ended the install ("
                        + QuickBooksAuthorization.safe(error) + "); no portal was connected. Start again to install.");
            }
            if (code == null || code.isBlank()) {
                throw new OAuthCallbackException(400, "INVALID_CALLBACK",
                        "The callback lacks the authorization code; nothing was connected.");
            }
            return endpoints.exchangeCode(ConnectionVendor.HUBSPOT, code, redirectUri)
                    .onFailure(GrantRefusedException.class).transform(e -> new OAuthCallbackException(400,
                            "AUTHORIZATION_CODE_REFUSED", "HubSpot refused the authorization code ("
                                    + ((GrantRefusedException) e).error() + "); start the install again."))
                    .chain(issued -> hubSpot.accessTokenInfo(issued.getAccessToken()).chain(info -> {
                        String portalId = Long.toString(info.hubId());
                        return connections.storeConnected(portalId, info.hubDomain(), String.join(" ", info.scopes()),
                                tokens.seal(ConnectionVendor.HUBSPOT, portalId, issued));
                    }))
                    .invoke(c -> Log.infof("portalId=%s installed through OAuth", c.portalId()));
        });
    }

    /** Uninstalls: the refresh token is deleted at HubSpot, the tokens wiped, DISCONNECTED; null for an unknown portal. */
    public Uni<HubSpotConnection> disconnect(String portalId) {
        if (portalId == null || !PORTAL_ID.matcher(portalId).matches()) {
            return Uni.createFrom().nullItem();
        }
        return tokenRows.find(ConnectionVendor.HUBSPOT, portalId).chain(row -> {
            if (row == null) {
                return Uni.createFrom().nullItem();
            }
            String refreshToken = tokens.refreshTokenOf(ConnectionVendor.HUBSPOT, portalId, row.tokens());
            Uni<Void> deleted = refreshToken == null ? Uni.createFrom().voidItem()
                    : hubSpot.deleteRefreshToken(refreshToken);
            return deleted
                    .chain(() -> tokenRows.disconnect(ConnectionVendor.HUBSPOT, portalId, "uninstalled by an admin"))
                    .chain(() -> connections.findById(portalId))
                    .invoke(c -> Log.infof("portalId=%s uninstalled", portalId));
        });
    }

    /** Every portal that is not DISCONNECTED. */
    public Uni<List<HubSpotConnection>> list() {
        return connections.listKnown();
    }

    /** One portal, or null. */
    public Uni<HubSpotConnection> find(String portalId) {
        return portalId == null || !PORTAL_ID.matcher(portalId).matches() ? Uni.createFrom().nullItem()
                : connections.findById(portalId);
    }
}
