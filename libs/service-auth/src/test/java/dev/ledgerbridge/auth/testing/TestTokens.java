package dev.ledgerbridge.auth.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Bearer tokens for the services' tests, shaped like the OIDC provider's (RS256, {@code iss}, {@code aud},
 * {@code exp}, roles in {@code realm_access.roles}) and signed with the test key whose public half the test profile
 * verifies against ({@code ledgerbridge-test-auth/public-key.pem}, set in this test-jar's
 * {@code META-INF/microprofile-config.properties}). The keys are test fixtures: nothing outside tests trusts them.
 */
public final class TestTokens {

    /** The issuer the test profile expects. */
    public static final String ISSUER = "https://oidc.ledgerbridge.test/realms/ledgerbridge";

    private static final PrivateKey KEY = load("ledgerbridge-test-auth/private-key.pem");
    private static final PrivateKey OTHER_KEY = load("ledgerbridge-test-auth/other-private-key.pem");

    private TestTokens() {
    }

    /** A valid token for the audiences, without roles: what a service's client-credentials token looks like. */
    public static String service(String... audiences) {
        return sign(KEY, ISSUER, List.of(audiences), List.of(), Duration.ofMinutes(5), "service-account-test");
    }

    /** A valid token for the audience carrying the admin role (the admin client's token). */
    public static String admin(String audience) {
        return sign(KEY, ISSUER, List.of(audience), List.of("admin"), Duration.ofMinutes(5),
                "service-account-ledgerbridge-admin");
    }

    /** A token that expired 10 minutes ago (well beyond the verifier's clock skew). */
    public static String expired(String audience) {
        return sign(KEY, ISSUER, List.of(audience), List.of("admin"), Duration.ofMinutes(-10), "service-account-test");
    }

    /** A token in the right shape signed by a key the verifier does not know. */
    public static String wronglySigned(String audience) {
        return sign(OTHER_KEY, ISSUER, List.of(audience), List.of("admin"), Duration.ofMinutes(5),
                "service-account-test");
    }

    /** A token signed with the right key but from another issuer. */
    public static String otherIssuer(String audience) {
        return sign(KEY, "https://elsewhere.example/realms/other", List.of(audience), List.of("admin"),
                Duration.ofMinutes(5), "service-account-test");
    }

    private static String sign(PrivateKey key, String issuer, List<String> audiences, List<String> roles,
            Duration lifetime, String subject) {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"ledgerbridge-test\"}";
        String payload = "{\"iss\":\"" + issuer + "\",\"sub\":\"" + subject + "\",\"aud\":" + array(audiences)
                + ",\"iat\":" + (now - 60) + ",\"exp\":" + (now + lifetime.toSeconds()) + ",\"jti\":\""
                + UUID.randomUUID() + "\",\"realm_access\":{\"roles\":" + array(roles) + "},\"groups\":"
                + array(roles) + "}";
        String signingInput = base64(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
    }

    private static String array(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static PrivateKey load(String resource) {
        try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test key " + resource);
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unreadable test key " + resource, e);
        }
    }
}
