package dev.ledgerbridge.hubspot;

import java.util.Objects;

/**
 * The HubSpot app's OAuth client id and secret; {@code toString} hides the secret.
 */
public record OAuthAppCredentials(String clientId, String clientSecret) {

    public OAuthAppCredentials {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
    }

    @Override
    public String toString() {
        return "OAuthAppCredentials[clientId=" + clientId + ", clientSecret=***]";
    }
}
