package dev.ledgerbridge.auth.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Before each {@code @QuarkusTest} method, RestAssured's default authentication becomes a valid admin token for the
 * service under test (its {@code ledgerbridge.auth.audience}), so tests about behaviour behind the internal API need
 * not repeat it. Tests about authentication itself override it per request ({@code .auth().none()},
 * {@code .auth().oauth2(TestTokens.expired(...))}). Registered in this test-jar's META-INF/services.
 */
public class DefaultTestToken implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        String audience = ConfigProvider.getConfig().getValue("ledgerbridge.auth.audience", String.class);
        RestAssured.authentication = RestAssured.oauth2(TestTokens.admin(audience));
    }
}
