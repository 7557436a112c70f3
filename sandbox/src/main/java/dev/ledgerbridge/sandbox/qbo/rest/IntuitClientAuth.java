package dev.ledgerbridge.sandbox.qbo.rest;

import dev.ledgerbridge.sandbox.qbo.service.IntuitTokenService;
import dev.ledgerbridge.sandbox.qbo.service.IntuitTokenService.OAuthException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** HTTP Basic client authentication of Intuit's token and revoke endpoints. */
final class IntuitClientAuth {

    private IntuitClientAuth() {
    }

    /** Throws 401 invalid_client unless the header carries the registered app's id and secret. */
    static void require(IntuitTokenService tokens, String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new OAuthException(401, "invalid_client");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new OAuthException(401, "invalid_client");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0 || !tokens.isClient(decoded.substring(0, colon), decoded.substring(colon + 1))) {
            throw new OAuthException(401, "invalid_client");
        }
    }
}
