package dev.ledgerbridge.catalog.rest;

import dev.ledgerbridge.catalog.CatalogSyncState;
import dev.ledgerbridge.catalog.SyncInProgressException;
import dev.ledgerbridge.catalog.WireMockVendors;
import dev.ledgerbridge.catalog.client.CompanyNotConnectedException;
import dev.ledgerbridge.catalog.service.CatalogMirror;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The HTTP edge of the mirror, with the service mocked: status codes and bodies of both endpoints. */
@QuarkusTest
@QuarkusTestResource(WireMockVendors.class)
class CatalogResourceTest {

    private static final String REALM = "9130350000000001";
    private static final OffsetDateTime LOADED_AT = OffsetDateTime.parse("2026-11-26T10:00:00Z");
    private static final OffsetDateTime CDC_AT = OffsetDateTime.parse("2026-11-26T10:05:00Z");

    @InjectMock
    CatalogMirror mirror;

    @Test
    void shouldAnswer202WithTheStateWhenTheSyncStarts() {
        when(mirror.startSync(REALM)).thenReturn(Uni.createFrom().item(new CatalogSyncState(REALM, LOADED_AT, null,
                5400, 5100, null, null, "pod-1/run", OffsetDateTime.parse("2026-11-26T10:15:00Z"), true)));

        given().when().post("/v1/catalog/" + REALM + "/sync")
                .then().statusCode(202)
                .body("realmId", equalTo(REALM))
                .body("status", equalTo("SYNCING"))
                .body("lastFullLoadAt", equalTo("2026-11-26T10:00:00Z"))
                .body("itemCount", equalTo(5400))
                .body("activeItemCount", equalTo(5100))
                .body("leaseExpiresAt", equalTo("2026-11-26T10:15:00Z"))
                .body("leaseOwner", nullValue());
    }

    @Test
    void shouldAnswer409WhenAnotherReplicaHoldsTheLease() {
        when(mirror.startSync(REALM)).thenReturn(Uni.createFrom().failure(
                new SyncInProgressException(REALM, OffsetDateTime.parse("2026-11-26T10:15:00Z"))));

        given().when().post("/v1/catalog/" + REALM + "/sync")
                .then().statusCode(409)
                .body("code", equalTo("SYNC_IN_PROGRESS"))
                .body("message", containsString("is being synchronised right now"));
    }

    @Test
    void shouldAnswer422ForACompanyTheGatewayDoesNotKnow() {
        when(mirror.startSync(REALM)).thenReturn(Uni.createFrom().failure(new CompanyNotConnectedException(REALM)));

        given().when().post("/v1/catalog/" + REALM + "/sync")
                .then().statusCode(422)
                .body("code", equalTo("COMPANY_NOT_CONNECTED"));
    }

    @Test
    void shouldAnswer400ForARealmIdThatIsNotDigits() {
        given().when().post("/v1/catalog/abc/sync")
                .then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"));
        given().when().get("/v1/catalog/abc")
                .then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"));

        verify(mirror, never()).startSync(any());
        verify(mirror, never()).state(any());
    }

    @Test
    void shouldAnswerTheStateOfALoadedMirrorWithItsLastError() {
        when(mirror.state(REALM)).thenReturn(Uni.createFrom().item(new CatalogSyncState(REALM, LOADED_AT, CDC_AT,
                12, 10, "QboFaultException: throttled", CDC_AT.plusMinutes(5), null, null, false)));

        given().when().get("/v1/catalog/" + REALM)
                .then().statusCode(200)
                .body("status", equalTo("LOADED"))
                .body("lastFullLoadAt", equalTo("2026-11-26T10:00:00Z"))
                .body("lastCdcAt", equalTo("2026-11-26T10:05:00Z"))
                .body("itemCount", equalTo(12))
                .body("activeItemCount", equalTo(10))
                .body("lastError", equalTo("QboFaultException: throttled"))
                .body("leaseExpiresAt", nullValue());
    }

    @Test
    void shouldAnswerNotLoadedBeforeTheFirstSuccessfulLoad() {
        when(mirror.state(REALM)).thenReturn(Uni.createFrom().item(new CatalogSyncState(REALM, null, null,
                0, 0, "CompanyNotConnectedException", CDC_AT, null, null, false)));

        given().when().get("/v1/catalog/" + REALM)
                .then().statusCode(200)
                .body("status", equalTo("NOT_LOADED"));
    }

    @Test
    void shouldAnswer404ForACompanyNeverSynced() {
        when(mirror.state(REALM)).thenReturn(Uni.createFrom().nullItem());

        given().when().get("/v1/catalog/" + REALM)
                .then().statusCode(404)
                .body("code", equalTo("CATALOG_NOT_FOUND"))
                .body("message", containsString("POST /v1/catalog/" + REALM + "/sync"));
    }
}
