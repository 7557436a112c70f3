package dev.ledgerbridge.hubspot;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Token response of {@code POST /oauth/v1/token} ({@code AccessTokenResponse}); {@code toString} hides the tokens.
 *
 * @param expiresIn access-token lifetime in seconds (1800 on HubSpot)
 * @param hubId     portal id the token belongs to, when HubSpot sends it
 */
@RegisterForReflection // Jackson (de)serialises it inside this library, outside Quarkus REST.
public record OAuthTokens(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("hub_id") Long hubId,
        @JsonProperty("scopes") List<String> scopes,
        @JsonProperty("token_use") String tokenUse) {

    @Override
    public String toString() {
        return "OAuthTokens[accessToken=***, refreshToken=***, expiresIn=" + expiresIn + ", tokenType=" + tokenType
                + ", hubId=" + hubId + ", scopes=" + scopes + ", tokenUse=" + tokenUse + "]";
    }
}
