package dev.ledgerbridge.sandbox.oidc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * The provider's signing key: one RSA 2048 key pair made at start (kept across a sandbox reset, so issued tokens stay
 * valid), published as a JWKS; tokens are RS256 JWTs.
 */
@ApplicationScoped
public class OidcKeys {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final ObjectMapper json;
    private final KeyPair keys;
    private final String keyId;

    public OidcKeys(ObjectMapper json) {
        this.json = json;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no RSA key pair generator", e);
        }
        this.keyId = UUID.randomUUID().toString();
    }

    /** The JWKS document: the public key with its id, use and algorithm. */
    public Map<String, Object> jwks() {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        return Map.of("keys", java.util.List.of(Map.of("kty", "RSA", "kid", keyId, "use", "sig", "alg", "RS256",
                "n", unsigned(key.getModulus()), "e", unsigned(key.getPublicExponent()))));
    }

    /** The claims as a signed compact JWT. */
    public String sign(ObjectNode claims) {
        try {
            ObjectNode header = json.createObjectNode().put("alg", "RS256").put("typ", "JWT").put("kid", keyId);
            String input = B64URL.encodeToString(json.writeValueAsBytes(header)) + "."
                    + B64URL.encodeToString(json.writeValueAsBytes(claims));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
    }

    /** Base64url of the big-endian magnitude without a sign byte (RFC 7518 6.3.1). */
    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return B64URL.encodeToString(bytes);
    }
}
