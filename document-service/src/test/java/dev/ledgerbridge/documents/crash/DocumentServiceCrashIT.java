package dev.ledgerbridge.documents.crash;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ledgerbridge.auth.testing.TestOidcProvider;
import dev.ledgerbridge.auth.testing.TestTokens;
import dev.ledgerbridge.quickbooks.RequestIds;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * R16, the crash between QBO's answer and our commit, with a real process kill (for a paid invoice after each of its two
 * writes): the packaged service is launched with
 * {@code ledgerbridge.documents.halt-after-qbo-write=true}, halts right after QBO (WireMock) confirmed the invoice,
 * and a second launch of the same jar gets the same request (HubSpot's retry through the gateway). The database is
 * the real PostgreSQL ({@code documents_test}, or the URL given as {@code %test.quarkus.datasource.jdbc.url}).
 */
class DocumentServiceCrashIT {

    private static final String REALM = "9130350000000001";
    private static final String INVOICE_PATH = "/v3/company/" + REALM + "/invoice";
    private static final String QUERY_PATH = "/v3/company/" + REALM + "/query";
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    // The launched jar runs the prod profile: it verifies callers against the test key, read from a file.
    private static final Path TEST_PUBLIC_KEY = Path.of("target", "crash-it-test-public-key.pem");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> launched = new ArrayList<>();
    private final Map<Process, Integer> ports = new HashMap<>();
    private WireMockServer wireMock;
    private String callbackId;
    private String key;

    @BeforeEach
    void startVendors() throws IOException {
        assertTrue(Files.exists(JAR), "package the service first: " + JAR.toAbsolutePath());
        try (InputStream key = getClass().getClassLoader().getResourceAsStream("ledgerbridge-test-auth/public-key.pem")) {
            Files.copy(key, TEST_PUBLIC_KEY, StandardCopyOption.REPLACE_EXISTING);
        }
        wireMock = new WireMockServer(wireMockConfig().dynamicPort());
        wireMock.start();
        callbackId = "ap-crash-" + UUID.randomUUID();
        key = "40213377:" + callbackId + ":invoice";
        wireMock.stubFor(get(urlPathMatching("/internal/v1/quickbooks/[0-9]+/access-token"))
                .willReturn(okJson("{\"accessToken\": \"sandbox-qbo-" + REALM + "\", \"expiresAt\": \""
                        + OffsetDateTime.now().plusHours(1) + "\"}")));
        wireMock.stubFor(get(urlPathEqualTo("/v3/company/" + REALM + "/preferences")).willReturn(okJson(
                "{\"Preferences\": {\"Id\": \"1\", \"SalesFormsPrefs\": {\"CustomTxnNumbers\": false}}}")));
        // QBO creates the invoice, and (as QBO does for a repeated requestid) answers the same for a repeat.
        wireMock.stubFor(post(urlPathEqualTo(INVOICE_PATH)).willReturn(okJson("""
                {"Invoice": %s, "time": "2026-11-26T10:00:00.000-08:00"}""".formatted(invoiceJson()))));
    }

    @AfterEach
    void stopEverything() {
        launched.forEach(Process::destroyForcibly);
        wireMock.stop();
    }

    @Test
    void shouldAdoptTheInvoiceByItsMarkerAfterACrashBetweenQboWriteAndCommit() throws Exception {
        Process first = launch(true);
        int port = portOf(first);

        // The service halts before answering: the caller sees the connection end, as the gateway would.
        assertThrows(IOException.class, () -> create(port));
        await().atMost(Duration.ofSeconds(30)).until(() -> !first.isAlive());
        assertEquals(137, first.exitValue());
        assertEquals("PENDING", state());
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(INVOICE_PATH)));

        // QBO now holds the invoice, with our marker; the marker search finds it.
        wireMock.stubFor(get(urlPathEqualTo(QUERY_PATH)).withQueryParam("query",
                containing("FROM Invoice WHERE CustomerRef = '58' AND TxnDate = '2026-11-26'"))
                .willReturn(okJson("{\"QueryResponse\": {\"Invoice\": [" + invoiceJson()
                        + "], \"startPosition\": 1, \"maxResults\": 1}}")));
        Process second = launch(false);
        HttpResponse<String> retried = create(portOf(second));

        assertEquals(201, retried.statusCode(), retried.body());
        assertTrue(retried.body().contains("\"documentId\":\"130\""), retried.body());
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(INVOICE_PATH)));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(QUERY_PATH)));
        assertEquals("CREATED", state());
        // The packaged service asks the gateway for QBO tokens with its own client-credentials token.
        wireMock.verify(getRequestedFor(urlPathMatching("/internal/v1/quickbooks/[0-9]+/access-token"))
                .withHeader("Authorization", matching("Bearer [A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+")));
    }

    @Test
    void shouldResendTheSameRequestIdAfterACrashWhenTheMarkerSearchFindsNothing() throws Exception {
        Process first = launch(true);
        assertThrows(IOException.class, () -> create(portOf(first)));
        await().atMost(Duration.ofSeconds(30)).until(() -> !first.isAlive());
        assertEquals("PENDING", state());

        // The search finds nothing (say the document's date moved); only the requestid protects us, and QBO replays.
        wireMock.stubFor(get(urlPathEqualTo(QUERY_PATH)).willReturn(okJson("{\"QueryResponse\": {}}")));
        Process second = launch(false);
        HttpResponse<String> retried = create(portOf(second));

        assertEquals(201, retried.statusCode(), retried.body());
        assertTrue(retried.body().contains("\"documentId\":\"130\""), retried.body());
        List<LoggedRequest> writes = wireMock.findAll(postRequestedFor(urlPathEqualTo(INVOICE_PATH)));
        assertEquals(2, writes.size());
        for (LoggedRequest write : writes) {
            assertEquals(RequestIds.derive(key), write.queryParameter("requestid").firstValue());
        }
        assertEquals("CREATED", state());
    }

    @Test
    void shouldLeaveOneInvoiceAndOnePaymentAfterACrashAfterEachStepOfAPaidInvoice() throws Exception {
        String paymentPath = "/v3/company/" + REALM + "/payment";
        String marker = "LedgerBridge portal=40213377 object=COMMERCE_PAYMENT/603 callback=" + callbackId;
        key = "40213377:603:PAID_INVOICE:" + callbackId;
        String invoice = """
                {"Id": "130", "SyncToken": "0", "DocNumber": "1001", "TxnDate": "2026-01-10",
                 "CustomerRef": {"value": "58"}, "TotalAmt": 1500.00, "Balance": 1500.00, "PrivateNote": "%s"}"""
                .formatted(marker);
        String payment = """
                {"Id": "140", "SyncToken": "0", "TxnDate": "2026-01-10", "CustomerRef": {"value": "58"},
                 "TotalAmt": 1500.00, "UnappliedAmt": 0.00, "PrivateNote": "%s",
                 "Line": [{"Amount": 1500.00, "LinkedTxn": [{"TxnId": "130", "TxnType": "Invoice"}]}]}"""
                .formatted(marker);
        wireMock.stubFor(post(urlPathEqualTo(INVOICE_PATH)).willReturn(okJson("{\"Invoice\": " + invoice + "}")));
        wireMock.stubFor(post(urlPathEqualTo(paymentPath)).willReturn(okJson("{\"Payment\": " + payment + "}")));
        String body = """
                {"idempotencyKey": "%s", "realmId": "%s", "type": "PAID_INVOICE", "customerId": "58",
                 "txnDate": "2026-01-10",
                 "source": {"portalId": 40213377, "objectType": "COMMERCE_PAYMENT", "objectId": "603", "callbackId": "%s"},
                 "lines": [{"itemId": "2", "description": "Annual Subscription", "quantity": 1, "unitPrice": 1500.00}],
                 "payment": {"amount": 1500.00, "referenceNumber": "603", "depositAccountId": "35"}}"""
                .formatted(key, REALM, callbackId);

        // 1. Halts after QBO created the invoice, before the row recorded it.
        Process first = launch(true);
        assertThrows(IOException.class, () -> send(portOf(first), body));
        await().atMost(Duration.ofSeconds(30)).until(() -> !first.isAlive());
        assertEquals("PENDING", state());
        assertEquals(null, column("qbo_id"));

        // 2. The retry adopts the invoice by its marker, commits it, writes the payment and halts before recording it.
        wireMock.stubFor(get(urlPathEqualTo(QUERY_PATH)).withQueryParam("query",
                containing("FROM Invoice WHERE CustomerRef = '58' AND TxnDate = '2026-01-10'"))
                .willReturn(okJson("{\"QueryResponse\": {\"Invoice\": [" + invoice + "]}}")));
        Process second = launch(true);
        assertThrows(IOException.class, () -> send(portOf(second), body));
        await().atMost(Duration.ofSeconds(30)).until(() -> !second.isAlive());
        assertEquals("PENDING", state());
        assertEquals("130", column("qbo_id"));
        assertEquals(null, column("payment_id"));

        // 3. The next retry finds the payment by its marker: nothing more is written.
        wireMock.stubFor(get(urlPathEqualTo(QUERY_PATH)).withQueryParam("query",
                containing("FROM Payment WHERE CustomerRef = '58' AND TxnDate = '2026-01-10'"))
                .willReturn(okJson("{\"QueryResponse\": {\"Payment\": [" + payment + "]}}")));
        Process third = launch(false);
        HttpResponse<String> retried = send(portOf(third), body);

        assertEquals(201, retried.statusCode(), retried.body());
        assertTrue(retried.body().contains("\"documentId\":\"130\""), retried.body());
        assertTrue(retried.body().contains("\"paymentId\":\"140\""), retried.body());
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(INVOICE_PATH)));
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(paymentPath)));
        assertEquals(RequestIds.derive(key, "payment"), wireMock.findAll(postRequestedFor(urlPathEqualTo(paymentPath)))
                .get(0).queryParameter("requestid").firstValue());
        assertEquals("CREATED", state());
        assertEquals("140", column("payment_id"));
    }

    private String invoiceJson() {
        return """
                {"Id": "130", "SyncToken": "0", "DocNumber": "1001", "TxnDate": "2026-11-26",
                 "CustomerRef": {"value": "58"}, "TotalAmt": 12000.00, "Balance": 12000.00,
                 "PrivateNote": "LedgerBridge portal=40213377 object=DEAL/301 callback=%s"}""".formatted(callbackId);
    }

    private HttpResponse<String> create(int port) throws IOException, InterruptedException {
        return send(port, """
                {"idempotencyKey": "%s", "realmId": "%s", "type": "INVOICE", "customerId": "58",
                 "txnDate": "2026-11-26",
                 "source": {"portalId": 40213377, "objectType": "DEAL", "objectId": "301", "callbackId": "%s"},
                 "lines": [{"itemId": "2", "description": "Annual Subscription", "quantity": 1, "unitPrice": 12000.00}]}"""
                .formatted(key, REALM, callbackId));
    }

    private HttpResponse<String> send(int port, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/documents"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestTokens.service("document-service"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Process launch(boolean haltAfterQboWrite) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Path.of("target", "crash-it-" + launched.size() + "-" + callbackId + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + jdbcUrl(),
                "-Dquarkus.datasource.reactive.url=" + jdbcUrl().substring("jdbc:".length()),
                "-Dledgerbridge.quickbooks.base-url=" + wireMock.baseUrl(),
                "-Dquarkus.rest-client.gateway.url=" + wireMock.baseUrl(),
                // Internal authentication as in the tests: callers' tokens from TestTokens, its own from the test
                // token endpoint.
                "-Dmp.jwt.verify.publickey.location=file:" + TEST_PUBLIC_KEY.toAbsolutePath(),
                "-Dmp.jwt.verify.issuer=" + TestTokens.ISSUER,
                "-Dquarkus.oidc-client.auth-server-url=" + TestOidcProvider.realmUrl(),
                // The halted attempt's claim must end soon for the restarted service to take the row over.
                "-Dledgerbridge.documents.pending-lease=1s",
                "-Dledgerbridge.documents.pending-wait=10s"));
        if (haltAfterQboWrite) {
            command.add("-Dledgerbridge.documents.halt-after-qbo-write=true");
        }
        command.addAll(List.of("-jar", JAR.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        launched.add(process);
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> process.isAlive()
                        && http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        ports.put(process, port);
        return process;
    }

    private int portOf(Process process) {
        return ports.get(process);
    }

    private String state() throws SQLException {
        return column("state");
    }

    private String column(String name) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl(), "postgres", "");
                PreparedStatement select = db.prepareStatement("SELECT " + name
                        + " FROM document WHERE idempotency_key = ?")) {
            select.setString(1, key);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private static String jdbcUrl() {
        return System.getProperty("%test.quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/documents_test");
    }
}
