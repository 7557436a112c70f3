package dev.ledgerbridge.sandbox.workflow;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class HubSpotDurationAndSignatureTest {

    @Test
    void shouldReadHubSpotExpirationDurations() {
        assertEquals(Duration.ofMinutes(30), WorkflowEngine.parseIsoDuration("PT30M"));
        assertEquals(Duration.ofDays(1), WorkflowEngine.parseIsoDuration("P1D"));
        assertEquals(Duration.ofDays(7).plusHours(1), WorkflowEngine.parseIsoDuration("P1WT1H"));
        assertEquals(Duration.ofMillis(300), WorkflowEngine.parseIsoDuration("PT0.3S"));
        assertNull(WorkflowEngine.parseIsoDuration("soon"));
        assertNull(WorkflowEngine.parseIsoDuration("30M"));
    }

    @Test
    void shouldDecodeOnlyTheEscapesHubSpotDecodesBeforeSigning() {
        assertEquals("https://x.example/a?b=c:d/e@f&g=%20h%3D", ActionRequestSigner.decodeUri("https://x.example/a?b=c%3ad%2Fe%40f&g=%20h%3D"));
    }

    @Test
    void shouldSignTheSameRequestAlikeAndADifferentOneDifferently() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        String a = ActionRequestSigner.v3("s", "post", "https://x.example/a", body, "1700000000000");
        assertEquals(a, ActionRequestSigner.v3("s", "POST", "https://x.example/a", body, "1700000000000"));
        assertEquals(a, ActionRequestSigner.v3("s", "POST", "https%3A%2F%2Fx.example%2Fa", body, "1700000000000"));
        assertNotEquals(a, ActionRequestSigner.v3("s", "POST", "https://x.example/a", body, "1700000000001"));
        assertNotEquals(a, ActionRequestSigner.v3("other", "POST", "https://x.example/a", body, "1700000000000"));
        assertEquals(64, ActionRequestSigner.v2("s", "POST", "https://x.example/a", body).length());
    }
}
