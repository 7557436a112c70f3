package dev.ledgerbridge.gateway.service;

import dev.ledgerbridge.gateway.ConnectionVendor;
import dev.ledgerbridge.gateway.config.GatewayConfig;
import dev.ledgerbridge.gateway.repository.OAuthStateRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The single-use {@code state} of the authorization flows: 32 random bytes handed to the vendor's authorize page and
 * checked at the public callback, which it protects (only the admin who started the flow has it). Only its SHA-256 is
 * stored; consuming it is one atomic statement.
 */
@ApplicationScoped
public class OAuthStates {

    private final OAuthStateRepository states;
    private final GatewayConfig config;
    private final SecureRandom random = new SecureRandom();

    public OAuthStates(OAuthStateRepository states, GatewayConfig config) {
        this.states = states;
        this.config = config;
    }

    /** A state issued for an authorization and when it expires. */
    public record IssuedState(String state, Instant expiresAt) {
    }

    /** Issues a fresh state for an authorization that will come back to {@code redirectUri}. */
    public Uni<IssuedState> issue(ConnectionVendor vendor, String redirectUri) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiresAt = Instant.now().plus(config.connections().stateLifetime());
        return states.insert(hash(state), vendor, redirectUri, OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC))
                .replaceWith(new IssuedState(state, expiresAt));
    }

    /**
     * Consumes the state a callback brought and returns the redirect URI its authorize request used; a missing,
     * unknown, expired or already used state fails with {@link OAuthCallbackException} (400).
     */
    public Uni<String> consume(ConnectionVendor vendor, String state) {
        if (state == null || state.isBlank() || state.length() > 200) {
            return Uni.createFrom().failure(new OAuthCallbackException(400, "OAUTH_STATE_MISSING",
                    "The callback carries no valid state parameter; start the authorization again from the admin API."));
        }
        return states.consume(hash(state), vendor).map(consumption -> switch (consumption.outcome()) {
            case CONSUMED -> consumption.redirectUri();
            case UNKNOWN -> throw new OAuthCallbackException(400, "OAUTH_STATE_UNKNOWN",
                    "The callback's state was not issued by LedgerBridge for this vendor; nothing was connected.");
            case EXPIRED -> throw new OAuthCallbackException(400, "OAUTH_STATE_EXPIRED",
                    "The authorization took longer than " + config.connections().stateLifetime().toMinutes()
                            + " minutes; start it again from the admin API. Nothing was connected.");
            case ALREADY_USED -> throw new OAuthCallbackException(400, "OAUTH_STATE_USED",
                    "The callback's state was already used; start the authorization again. Nothing was connected.");
        });
    }

    /** Hex SHA-256 of a state, as stored. */
    public static String hash(String state) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(state.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
