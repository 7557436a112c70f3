package dev.ledgerbridge.catalog.service;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ledgerbridge.catalog.LineItem;
import dev.ledgerbridge.catalog.LineItemRefusal;
import dev.ledgerbridge.catalog.MatchedBy;
import dev.ledgerbridge.catalog.QboStubs;
import dev.ledgerbridge.catalog.QboStubs.StubItem;
import dev.ledgerbridge.catalog.ResolveLineItemsCommand;
import dev.ledgerbridge.catalog.ResolvedLine;
import dev.ledgerbridge.catalog.WireMockVendors;
import dev.ledgerbridge.catalog.WireMockVendors.InjectWireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.ledgerbridge.catalog.client.AccessTokenUnavailableException;
import dev.ledgerbridge.catalog.client.CompanyNotConnectedException;
import dev.ledgerbridge.quickbooks.QboFaultException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The resolver against QBO and the gateway's token endpoint in WireMock. */
@QuarkusTest
@QuarkusTestResource(WireMockVendors.class)
class LineItemResolverTest {

    private static final String REALM = "9130350000000001";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    LineItemResolver resolver;

    private QboStubs qbo;

    @AfterEach
    void resetBreakers() {
        CircuitBreakerMaintenance.get().resetAll();
    }

    @BeforeEach
    void resetVendors() {
        wireMock.resetAll();
        qbo = new QboStubs(wireMock);
        qbo.token(REALM);
        // Any item query not stubbed more precisely by a test finds nothing; later stubs take precedence.
        qbo.items(REALM, "FROM Item");
    }

    @Test
    void shouldMatchEveryLineBySkuWithOneQboQuery() {
        qbo.items(REALM, "Sku IN", StubItem.service("2", "Annual Subscription", "SUB-ANNUAL"),
                StubItem.service("1", "Onboarding Package", "ONB-001"));

        List<ResolvedLine> lines = resolve(line("401", "Annual Subscription", "SUB-ANNUAL", "1"),
                line("402", "Onboarding Package", "ONB-001", "2"));

        assertEquals(List.of(new ResolvedLine("401", "2", "Annual Subscription", MatchedBy.SKU),
                new ResolvedLine("402", "1", "Onboarding Package", MatchedBy.SKU)), lines);
        assertEquals(List.of("SELECT * FROM Item WHERE Sku IN ('SUB-ANNUAL', 'ONB-001') AND Active = true"
                + " STARTPOSITION 1 MAXRESULTS 1000"), qbo.statements(REALM));
    }

    @Test
    void shouldMatchByNameDespiteCaseSpacesAndDecomposedAccents() {
        qbo.items(REALM, "Name IN", StubItem.service("2", "Annual Subscription", "SUB-ANNUAL"),
                StubItem.service("7", "Zoë Ånd Hardware", null));
        String decomposed = Normalizer.normalize("Zoë Ånd hardware", Normalizer.Form.NFD);

        List<ResolvedLine> lines = resolve(line("401", "  annual SUBSCRIPTION ", "UNKNOWN-SKU", "1"),
                line("402", decomposed, null, "3"));

        assertEquals(List.of(new ResolvedLine("401", "2", "Annual Subscription", MatchedBy.NAME),
                new ResolvedLine("402", "7", "Zoë Ånd Hardware", MatchedBy.NAME)), lines);
        List<String> statements = qbo.statements(REALM);
        assertEquals(2, statements.size(), "one SKU query and one name query: " + statements);
        assertTrue(statements.get(0).contains("Sku IN ('UNKNOWN-SKU')"), statements.get(0));
        // Both spellings are asked for: QBO does not normalise Unicode, so an NFD name is found only by its NFD form.
        assertTrue(statements.get(1).contains("Name IN ('annual SUBSCRIPTION', '"
                + Normalizer.normalize("Zoë Ånd hardware", Normalizer.Form.NFC) + "', '" + decomposed + "')"),
                statements.get(1));
    }

    @Test
    void shouldRefuseUnmatchedLineItemsNamingEachWithSkuAndQuantity() {
        qbo.items(REALM, "Sku IN", StubItem.service("3", "Support Hours", "SUP-HR"));

        LineItemRefusal refusal = refusal(line("501", "Custom Integration", "CUS-INT", "1"),
                line("502", "Support Hours", "SUP-HR", "4"), line("503", "Travel", null, "2.50"));

        assertEquals(LineItemRefusal.UNMATCHED_LINE_ITEMS, refusal.code());
        assertEquals("No QuickBooks product matches 2 line items: Custom Integration (SKU CUS-INT, quantity 1),"
                + " Travel (no SKU, quantity 2.5). Create them in QuickBooks or turn on 'Create missing products'.",
                refusal.getMessage());
        assertEquals(List.of("501", "503"), refusal.unmatched().stream().map(LineItem::lineItemId).toList());
        assertEquals(2, qbo.statements(REALM).size());
    }

    @Test
    void shouldWordTheRefusalOfASingleUnmatchedLineItemAsTheContractShows() {
        LineItemRefusal refusal = refusal(line("501", "Custom Integration", "CUS-INT", "1"));

        assertEquals("No QuickBooks product matches 1 line item: Custom Integration (SKU CUS-INT, quantity 1)."
                + " Create it in QuickBooks or turn on 'Create missing products'.", refusal.getMessage());
    }

    @Test
    void shouldRefuseASkuSharedByTwoActiveItemsNamingBoth() {
        qbo.items(REALM, "Sku IN", StubItem.service("12", "Annual Plan", "SUB-ANNUAL"),
                StubItem.service("2", "Annual Subscription", "SUB-ANNUAL"));

        LineItemRefusal refusal = refusal(line("401", "Annual Subscription", "SUB-ANNUAL", "1"));

        assertEquals(LineItemRefusal.AMBIGUOUS_LINE_ITEMS, refusal.code());
        assertEquals("1 line item matches more than one active QuickBooks product: Annual Subscription"
                + " (SKU SUB-ANNUAL) matches \"Annual Subscription\" (id 2) and \"Annual Plan\" (id 12) by SKU."
                + " Give each QuickBooks product its own SKU and name, or make the duplicate inactive.",
                refusal.getMessage());
        assertEquals(List.of("2", "12"), refusal.ambiguous().get(0).candidates().stream()
                .map(c -> c.itemId()).toList());
        // An ambiguous SKU is not settled by the name: no name query follows.
        assertEquals(1, qbo.statements(REALM).size());
    }

    @Test
    void shouldEscapeQuotesAndBackslashesAndKeepDoubleQuotesLiteral() {
        String name = "Renée D'Arcy \\ Sons \"Gold\" Training";
        String sku = "TRN'\\\"1";
        qbo.items(REALM, "Name IN", StubItem.service("9", name, null));

        List<ResolvedLine> lines = resolve(line("601", name, sku, "2"));

        assertEquals(List.of(new ResolvedLine("601", "9", name, MatchedBy.NAME)), lines);
        List<String> statements = qbo.statements(REALM);
        assertTrue(statements.get(0).contains("Sku IN ('TRN\\'\\\\\"1')"), statements.get(0));
        // The accent makes the NFD spelling a second value of the list.
        String escaped = "Renée D\\'Arcy \\\\ Sons \"Gold\" Training";
        assertTrue(statements.get(1).contains("Name IN ('" + escaped + "', '"
                + Normalizer.normalize(escaped, Normalizer.Form.NFD) + "')"), statements.get(1));
    }

    @Test
    void shouldKeepRequestOrderAndLetOneItemServeSeveralLines() {
        qbo.items(REALM, "Sku IN", StubItem.service("1", "Onboarding Package", "ONB-001"));
        qbo.items(REALM, "Name IN", StubItem.service("3", "Support Hours", "SUP-HR"));

        List<ResolvedLine> lines = resolve(line("701", "Support Hours", null, "4"),
                line("702", "Onboarding Package", "ONB-001", "1"), line("703", "Onboarding (2nd)", "ONB-001", "1"),
                line("704", "support hours", null, "1"));

        assertEquals(List.of("701", "702", "703", "704"), lines.stream().map(ResolvedLine::lineItemId).toList());
        assertEquals(List.of("3", "1", "1", "3"), lines.stream().map(ResolvedLine::itemId).toList());
        assertEquals(List.of(MatchedBy.NAME, MatchedBy.SKU, MatchedBy.SKU, MatchedBy.NAME),
                lines.stream().map(ResolvedLine::matchedBy).toList());
        assertEquals(2, qbo.statements(REALM).size());
    }

    @Test
    void shouldIgnoreInactiveItemsAndCategoriesEvenIfQboReturnsThem() {
        qbo.items(REALM, "Sku IN", new StubItem("20", "Legacy Plan", "LEG-001", "Service", false));
        qbo.items(REALM, "Name IN", new StubItem("21", "Legacy Plan", null, "Category", true));

        LineItemRefusal refusal = refusal(line("801", "Legacy Plan", "LEG-001", "1"));

        assertEquals(LineItemRefusal.UNMATCHED_LINE_ITEMS, refusal.code());
    }

    @Test
    void shouldSplitAnInListLongerThanTheLimitIntoSeveralQueries() {
        List<LineItem> lines = new ArrayList<>();
        List<StubItem> items = new ArrayList<>();
        for (int i = 1; i <= 101; i++) {
            lines.add(line(String.valueOf(1000 + i), "Product " + i, "SKU-" + i, "1"));
            items.add(StubItem.service(String.valueOf(i), "Product " + i, "SKU-" + i));
        }
        qbo.items(REALM, "Sku IN", items.toArray(StubItem[]::new));

        List<ResolvedLine> resolved = resolve(lines.toArray(LineItem[]::new));

        assertEquals(101, resolved.size());
        List<String> statements = qbo.statements(REALM);
        assertEquals(2, statements.size(), "101 SKUs at 100 per IN list");
        assertTrue(statements.get(1).contains("Sku IN ('SKU-101')"), statements.get(1));
    }

    @Test
    void shouldNotSendQboAValueLongerThanAnItemNameCanBe() {
        String longName = "Consulting ".repeat(10) + "extra";

        LineItemRefusal refusal = refusal(line("901", longName, null, "1"));

        assertEquals(LineItemRefusal.UNMATCHED_LINE_ITEMS, refusal.code());
        assertEquals(0, qbo.statements(REALM).size());
    }

    @Test
    void shouldRefuseAnEmptyListWithoutCallingQbo() {
        LineItemRefusal refusal = refusal();

        assertEquals(LineItemRefusal.NO_LINE_ITEMS, refusal.code());
        assertEquals(0, qbo.statements(REALM).size());
    }

    @Test
    void shouldFailWithTheQboFaultWhenQboRejectsTheQuery() {
        qbo.fault(REALM, "Sku IN", 400, "4000", "Error parsing query");

        Throwable failure = failure(line("401", "Annual Subscription", "SUB-ANNUAL", "1"));

        QboFaultException fault = assertInstanceOf(QboFaultException.class, failure);
        assertEquals("4000", fault.firstCode());
    }

    @Test
    void shouldFailThrottledAfterTheClientsSingleRetry() {
        qbo.throttled(REALM);

        Throwable failure = failure(line("401", "Annual Subscription", "SUB-ANNUAL", "1"));

        assertTrue(assertInstanceOf(QboFaultException.class, failure).isThrottled());
        assertEquals(2, qbo.statements(REALM).size(), "the first attempt and one retry (test config)");
    }

    @Test
    void shouldSendTheGatewayTokenAndTheCorrelationIdToQbo() {
        String realm = "9130350000000021";
        qbo.token(realm, "tok-correlated", OffsetDateTime.now().plusHours(1));
        qbo.items(realm, "Sku IN", StubItem.service("2", "Annual Subscription", "SUB-ANNUAL"));

        resolver.resolve(new ResolveLineItemsCommand(realm, 40213377L,
                List.of(line("401", "Annual Subscription", "SUB-ANNUAL", "1")), "ap-12345")).await().atMost(WAIT);

        var request = qbo.queries(realm).get(0);
        assertEquals("Bearer tok-correlated", request.getHeader("Authorization"));
        assertEquals("ap-12345", request.getHeader("X-LedgerBridge-Correlation-Id"));
        assertEquals("75", request.queryParameter("minorversion").firstValue());
    }

    @Test
    void shouldAskTheGatewayForATokenOncePerRealmWhileItIsValid() {
        String realm = "9130350000000022";
        qbo.token(realm);
        qbo.items(realm, "Sku IN", StubItem.service("2", "Annual Subscription", "SUB-ANNUAL"));

        for (int i = 0; i < 3; i++) {
            resolveIn(realm, line("401", "Annual Subscription", "SUB-ANNUAL", "1"));
        }

        assertEquals(1, qbo.tokenCalls(realm));
        assertEquals(3, qbo.statements(realm).size());
    }

    @Test
    void shouldFetchANewTokenWhenTheCachedOneExpiresWithinAMinute() {
        String realm = "9130350000000023";
        qbo.token(realm, "tok-short", OffsetDateTime.now().plusSeconds(30));
        qbo.items(realm, "Sku IN", StubItem.service("2", "Annual Subscription", "SUB-ANNUAL"));

        resolveIn(realm, line("401", "Annual Subscription", "SUB-ANNUAL", "1"));
        resolveIn(realm, line("401", "Annual Subscription", "SUB-ANNUAL", "1"));

        assertEquals(2, qbo.tokenCalls(realm));
    }

    @Test
    void shouldForgetATokenQboRejected() {
        String realm = "9130350000000024";
        qbo.token(realm);
        qbo.fault(realm, "Sku IN", 401, "3200", "AuthenticationFailed");

        assertThrows(QboFaultException.class,
                () -> resolveIn(realm, line("401", "Annual Subscription", "SUB-ANNUAL", "1")));
        assertThrows(QboFaultException.class,
                () -> resolveIn(realm, line("401", "Annual Subscription", "SUB-ANNUAL", "1")));

        assertEquals(2, qbo.tokenCalls(realm));
    }

    @Test
    void shouldRefuseACompanyTheGatewayDoesNotKnowWithoutCallingQbo() {
        String realm = "9130350000000025";
        wireMock.stubFor(get(urlPathEqualTo(QboStubs.tokenPath(realm))).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"COMPANY_NOT_CONNECTED\",\"message\":\"not connected\"}")));

        Throwable failure = assertThrows(RuntimeException.class,
                () -> resolveIn(realm, line("401", "Annual Subscription", "SUB-ANNUAL", "1")));

        assertInstanceOf(CompanyNotConnectedException.class, failure);
        assertEquals(0, qbo.statements(realm).size());
    }

    @Test
    void shouldRetryTheGatewayTokenCallAfterATransientFailure() {
        String realm = "9130350000000026";
        wireMock.stubFor(get(urlPathEqualTo(QboStubs.tokenPath(realm))).inScenario("flaky gateway")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(503)));
        wireMock.stubFor(get(urlPathEqualTo(QboStubs.tokenPath(realm))).inScenario("flaky gateway")
                .whenScenarioStateIs("recovered")
                .willReturn(okJson("{\"accessToken\":\"tok-retried\",\"expiresAt\":\""
                        + OffsetDateTime.now().plusHours(1) + "\"}")));
        qbo.items(realm, "Sku IN", StubItem.service("2", "Annual Subscription", "SUB-ANNUAL"));

        List<ResolvedLine> lines = resolveIn(realm, line("401", "Annual Subscription", "SUB-ANNUAL", "1"));

        assertEquals("2", lines.get(0).itemId());
        assertEquals(2, qbo.tokenCalls(realm));
        assertEquals("Bearer tok-retried", qbo.queries(realm).get(0).getHeader("Authorization"));
    }

    @Test
    void shouldGiveUpOnTheGatewayAfterTwoRetries() {
        String realm = "9130350000000027";
        wireMock.stubFor(get(urlPathEqualTo(QboStubs.tokenPath(realm))).willReturn(aResponse().withStatus(500)));

        Throwable failure = assertThrows(RuntimeException.class,
                () -> resolveIn(realm, line("401", "Annual Subscription", "SUB-ANNUAL", "1")));

        assertInstanceOf(AccessTokenUnavailableException.class, failure);
        assertEquals(3, qbo.tokenCalls(realm));
        assertEquals(0, qbo.statements(realm).size());
    }

    private List<ResolvedLine> resolve(LineItem... lines) {
        return resolveIn(REALM, lines);
    }

    private List<ResolvedLine> resolveIn(String realm, LineItem... lines) {
        return resolver.resolve(new ResolveLineItemsCommand(realm, 40213377L, List.of(lines), null))
                .await().atMost(WAIT);
    }

    private LineItemRefusal refusal(LineItem... lines) {
        return assertInstanceOf(LineItemRefusal.class, failure(lines));
    }

    private Throwable failure(LineItem... lines) {
        return assertThrows(RuntimeException.class, () -> resolve(lines));
    }

    private static LineItem line(String id, String name, String sku, String quantity) {
        return new LineItem(id, name, sku, null, new BigDecimal(quantity), new BigDecimal("100.00"));
    }
}
