package dev.ledgerbridge.contacts.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.ledgerbridge.contacts.QboStubs.QBO_PATH;
import static dev.ledgerbridge.contacts.QboStubs.REALM;
import static dev.ledgerbridge.contacts.QboStubs.anyQboCall;
import static dev.ledgerbridge.contacts.QboStubs.customer;
import static dev.ledgerbridge.contacts.QboStubs.customerQuery;
import static dev.ledgerbridge.contacts.QboStubs.customerResponse;
import static dev.ledgerbridge.contacts.QboStubs.customerWrites;
import static dev.ledgerbridge.contacts.QboStubs.emailQuery;
import static dev.ledgerbridge.contacts.QboStubs.fault;
import static dev.ledgerbridge.contacts.QboStubs.queryResponse;
import static dev.ledgerbridge.contacts.QboStubs.throttled;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ledgerbridge.contacts.InjectWireMock;
import dev.ledgerbridge.contacts.QboStubs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The endpoint with the real service, QBO and the gateway in WireMock: failure statuses and concurrency. */
@QuarkusTest
class CustomerResolutionOverHttpTest {

    private static final String ADA_REQUEST = """
            {"realmId": "%s", "portalId": 40213377, "contactChoice": null,
             "contacts": [{"id": "101", "firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.com"}]}"""
            .formatted(REALM);

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    Pool pool;

    @BeforeEach
    void reset() {
        QboStubs.reset(wireMock);
        pool.query("DELETE FROM contact_link").execute().await().atMost(Duration.ofSeconds(10));
    }

    private static ExtractableResponse<Response> resolve(String body) {
        return given().contentType(ContentType.JSON).header("X-LedgerBridge-Correlation-Id", "ap-http-1").body(body)
                .when().post("/v1/customers/resolve").then().extract();
    }

    @Test
    void shouldRefuseWithTheQboCodeWhenQboRejectsTheQuery() {
        wireMock.stubFor(customerQuery(emailQuery("'ada@example.com'"))
                .willReturn(fault("6000", "A business validation error has occurred")));

        given().contentType(ContentType.JSON).body(ADA_REQUEST)
                .when().post("/v1/customers/resolve")
                .then().statusCode(422)
                .body("code", equalTo("QBO_REJECTED"))
                .body("qboCode", equalTo("6000"))
                .body("qboMessage", equalTo("A business validation error has occurred"));
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenQboStaysThrottled() {
        wireMock.stubFor(customerQuery(emailQuery("'ada@example.com'")).willReturn(throttled()));

        given().contentType(ContentType.JSON).body(ADA_REQUEST)
                .when().post("/v1/customers/resolve")
                .then().statusCode(503)
                .header("Retry-After", "60")
                .body("code", equalTo("QBO_THROTTLED"));
        // The first call plus the one retry the test profile allows.
        wireMock.verify(2, anyQboCall());
    }

    @Test
    void shouldRefuseWhenTheGatewaySaysTheCompanyIsNotConnected() {
        String realm = "9130350000000077";
        wireMock.stubFor(get(urlPathEqualTo("/internal/v1/quickbooks/" + realm + "/access-token"))
                .willReturn(WireMock.aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"COMPANY_NOT_CONNECTED\",\"message\":\"not connected\"}")));

        given().contentType(ContentType.JSON).body(ADA_REQUEST.replace(REALM, realm))
                .when().post("/v1/customers/resolve")
                .then().statusCode(422)
                .body("code", equalTo("COMPANY_NOT_CONNECTED"));
        wireMock.verify(0, WireMock.anyRequestedFor(WireMock.urlPathMatching("/v3/.*")));
    }

    @Test
    void shouldCreateOneCustomerWhenTheSameContactIsResolvedConcurrently() {
        wireMock.stubFor(customerQuery(emailQuery("'ada@example.com'")).willReturn(queryResponse()));
        // The delay keeps the first create in flight while the second resolution arrives: without the contact's
        // advisory lock both would query, find nothing and create.
        wireMock.stubFor(post(urlPathEqualTo(QBO_PATH + "/customer"))
                .willReturn(customerResponse(customer("58", "Ada Lovelace", "Ada", "Lovelace", "ada@example.com", true))
                        .withFixedDelay(400)));

        List<CompletableFuture<ExtractableResponse<Response>>> calls = List.of(
                CompletableFuture.supplyAsync(() -> resolve(ADA_REQUEST)),
                CompletableFuture.supplyAsync(() -> resolve(ADA_REQUEST)));
        List<ExtractableResponse<Response>> responses = calls.stream().map(CompletableFuture::join).toList();

        for (ExtractableResponse<Response> response : responses) {
            assertEquals(200, response.statusCode(), response.asString());
            assertEquals("58", response.path("customerId"));
        }
        // One resolution created; the other waited for the lock and found its link (no QBO call at all).
        assertEquals(Set.of("CREATED", "LINKED"), responses.stream().map(r -> r.<String>path("resolution"))
                .collect(Collectors.toSet()));
        List<LoggedRequest> creates = wireMock.findAll(customerWrites());
        assertEquals(1, creates.size(), "exactly one QBO create");
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(QBO_PATH + "/query")));
        wireMock.verify(getRequestedFor(urlPathEqualTo(QBO_PATH + "/query"))
                .withHeader("X-LedgerBridge-Correlation-Id", WireMock.equalTo("ap-http-1")));
        long links = pool.query("SELECT count(*) AS n FROM contact_link").execute()
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong("n");
        assertEquals(1, links);

        ExtractableResponse<Response> again = resolve(ADA_REQUEST);
        assertEquals("LINKED", again.path("resolution"));
        assertEquals("58", again.path("customerId"));
    }

    @Test
    void shouldWaitForAnotherReplicaHoldingTheContactsLockAndUseItsLinkWithoutCallingQbo() {
        // "Another replica": its own connection, the same advisory lock key, a link written before it commits.
        SqlConnection replica = pool.getConnection().await().atMost(Duration.ofSeconds(10));
        Transaction transaction = replica.begin().await().atMost(Duration.ofSeconds(10));
        replica.preparedQuery("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))::text")
                .execute(Tuple.of("contact|" + REALM + "|40213377|101")).await().atMost(Duration.ofSeconds(10));
        replica.preparedQuery("INSERT INTO contact_link (realm_id, portal_id, contact_id, customer_id, display_name,"
                        + " resolution) VALUES ($1, 40213377, '101', '77', 'Ada Lovelace', 'CREATED')")
                .execute(Tuple.of(REALM)).await().atMost(Duration.ofSeconds(10));

        CompletableFuture<ExtractableResponse<Response>> waiting = CompletableFuture.supplyAsync(() -> resolve(ADA_REQUEST));
        // While the other replica holds the lock, this resolution neither answers nor asks QBO anything.
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2)).until(() -> !waiting.isDone());
        wireMock.verify(0, anyQboCall());
        transaction.commit().await().atMost(Duration.ofSeconds(10));
        replica.close().await().atMost(Duration.ofSeconds(10));

        ExtractableResponse<Response> answer = waiting.join();
        assertEquals(200, answer.statusCode(), answer.asString());
        assertEquals("LINKED", answer.path("resolution"));
        assertEquals("77", answer.path("customerId"));
        wireMock.verify(0, anyQboCall());
    }
}
