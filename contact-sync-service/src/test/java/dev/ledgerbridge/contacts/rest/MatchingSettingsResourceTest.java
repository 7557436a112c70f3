package dev.ledgerbridge.contacts.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.ledgerbridge.contacts.InvalidMatchingSettingsException;
import dev.ledgerbridge.contacts.MatchingMode;
import dev.ledgerbridge.contacts.MatchingSettings;
import dev.ledgerbridge.contacts.MatchingSettingsChange;
import dev.ledgerbridge.contacts.MatchingSettingsConflictException;
import dev.ledgerbridge.contacts.SettingsSnapshot;
import dev.ledgerbridge.contacts.SyncFilter;
import dev.ledgerbridge.contacts.SyncFilterGroup;
import dev.ledgerbridge.contacts.UpdateMatchingSettingsCommand;
import dev.ledgerbridge.contacts.service.MatchingSettingsService;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The matching-settings endpoints' wire contract, with the service mocked. */
@QuarkusTest
class MatchingSettingsResourceTest {

    private static final String PATH = "/v1/companies/9130350000000001/matching-settings";
    private static final List<SyncFilterGroup> CUSTOMERS_ONLY = List.of(new SyncFilterGroup(List.of(
            new SyncFilter("lifecyclestage", "EQUALS", List.of("customer")))));
    private static final MatchingSettings STORED = new MatchingSettings("9130350000000001", MatchingMode.SYNC_FILTERS,
            CUSTOMERS_ONLY, 4, OffsetDateTime.parse("2026-11-26T10:00:00Z"), "ops@example.com");

    @InjectMock
    MatchingSettingsService service;

    @Test
    void shouldPassTheChangeWithItsActorOnAndAnswerTheStoredSettings() {
        when(service.update(any())).thenReturn(Uni.createFrom().item(STORED));

        given().contentType(ContentType.JSON).header("X-LedgerBridge-Actor", " ops@example.com ").body("""
                        {"mode": "sync_filters", "expectedVersion": 3,
                         "filterGroups": [{"filters": [{"property": "lifecyclestage", "operator": "EQUALS", "values": ["customer"]}]}]}""")
                .when().put(PATH)
                .then().statusCode(200)
                .body("realmId", equalTo("9130350000000001"))
                .body("mode", equalTo("SYNC_FILTERS"))
                .body("version", equalTo(4))
                .body("updatedBy", equalTo("ops@example.com"))
                .body("updatedAt", equalTo("2026-11-26T10:00:00Z"))
                .body("filterGroups[0].filters[0].operator", equalTo("EQUALS"));

        ArgumentCaptor<UpdateMatchingSettingsCommand> captor = ArgumentCaptor.forClass(UpdateMatchingSettingsCommand.class);
        verify(service).update(captor.capture());
        assertEquals(new UpdateMatchingSettingsCommand("9130350000000001", "sync_filters", CUSTOMERS_ONLY, 3,
                "ops@example.com"), captor.getValue());
    }

    @Test
    void shouldAnswer409ForAStaleVersion() {
        when(service.update(any())).thenReturn(Uni.createFrom().failure(
                new MatchingSettingsConflictException("9130350000000001", 3, 4)));

        given().contentType(ContentType.JSON).header("X-LedgerBridge-Actor", "ops").body("""
                        {"mode": "LEGACY", "expectedVersion": 3}""")
                .when().put(PATH)
                .then().statusCode(409)
                .body("code", equalTo("VERSION_CONFLICT"))
                .body("message", equalTo("The matching settings of company 9130350000000001 are at version 4, not 3:"
                        + " someone changed them in the meantime. Reload them and apply your change again."));
    }

    @Test
    void shouldAnswer400WithTheValidationMessage() {
        when(service.update(any())).thenReturn(Uni.createFrom().failure(
                new InvalidMatchingSettingsException("filterGroups[0]: a filter group needs at least one filter")));

        given().contentType(ContentType.JSON).header("X-LedgerBridge-Actor", "ops").body("""
                        {"mode": "SYNC_FILTERS", "expectedVersion": 0, "filterGroups": [{"filters": []}]}""")
                .when().put(PATH)
                .then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"))
                .body("message", equalTo("filterGroups[0]: a filter group needs at least one filter"));
    }

    @Test
    void shouldRefuseANegativeExpectedVersionWithoutCallingTheService() {
        given().contentType(ContentType.JSON).header("X-LedgerBridge-Actor", "ops").body("""
                        {"mode": "LEGACY", "expectedVersion": -1}""")
                .when().put(PATH)
                .then().statusCode(400)
                .body("message", equalTo("expectedVersion must be greater than or equal to 0"));
        verify(service, never()).update(any());
    }

    @Test
    void shouldListTheFilterPropertiesOfTheCurrentSettings() {
        when(service.settings("9130350000000001")).thenReturn(Uni.createFrom().item(STORED));

        given().when().get(PATH + "/properties")
                .then().statusCode(200)
                .body("mode", equalTo("SYNC_FILTERS"))
                .body("version", equalTo(4))
                .body("properties", contains("lifecyclestage"));
    }

    @Test
    void shouldAnswerTheHistoryWithTheRequestedLimit() {
        when(service.history(eq("9130350000000001"), anyInt())).thenReturn(Uni.createFrom().item(List.of(
                new MatchingSettingsChange("9130350000000001", 4, "ops@example.com",
                        OffsetDateTime.parse("2026-11-26T10:00:00Z"),
                        new SettingsSnapshot(MatchingMode.LEGACY, List.of()),
                        new SettingsSnapshot(MatchingMode.SYNC_FILTERS, CUSTOMERS_ONLY)))));

        given().queryParam("limit", 7).when().get(PATH + "/history")
                .then().statusCode(200)
                .body("[0].version", equalTo(4))
                .body("[0].actor", equalTo("ops@example.com"))
                .body("[0].before.mode", equalTo("LEGACY"))
                .body("[0].after.filterGroups[0].filters[0].property", equalTo("lifecyclestage"));
        verify(service).history("9130350000000001", 7);
    }

    @Test
    void shouldRefuseAHistoryLimitAbove500() {
        given().queryParam("limit", 501).when().get(PATH + "/history")
                .then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"))
                .body("message", equalTo("limit must be less than or equal to 500"));
    }
}
