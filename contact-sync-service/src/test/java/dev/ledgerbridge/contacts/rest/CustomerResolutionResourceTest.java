package dev.ledgerbridge.contacts.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.ledgerbridge.contacts.Contact;
import dev.ledgerbridge.contacts.CustomerResolutionRefusal;
import dev.ledgerbridge.contacts.CustomerResolutionRefusal.Code;
import dev.ledgerbridge.contacts.Resolution;
import dev.ledgerbridge.contacts.ResolveCustomerCommand;
import dev.ledgerbridge.contacts.ResolvedCustomer;
import dev.ledgerbridge.contacts.client.AccessTokenUnavailableException;
import dev.ledgerbridge.contacts.service.CustomerResolutionService;
import dev.ledgerbridge.quickbooks.QboError;
import dev.ledgerbridge.quickbooks.QboFaultException;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import java.net.ConnectException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The resolve endpoint's wire contract, with the service mocked. */
@QuarkusTest
class CustomerResolutionResourceTest {

    private static final String REQUEST = """
            {"realmId": "9130350000000001", "portalId": 40213377, "contactChoice": "104",
             "contacts": [{"id": "101", "firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.com",
                           "company": "Analytical Engines", "phone": "+44 20 7946 0101"},
                          {"id": "104", "firstName": "John", "lastName": "Smith", "email": "john.smith@alpha.example"}]}""";

    @InjectMock
    CustomerResolutionService service;

    private static io.restassured.response.ValidatableResponse post(String body) {
        return given().contentType(ContentType.JSON).header("X-LedgerBridge-Correlation-Id", "ap-123").body(body)
                .when().post("/v1/customers/resolve").then();
    }

    @Test
    void shouldAnswerTheResolvedCustomerAndPassTheRequestOn() {
        when(service.resolve(any())).thenReturn(Uni.createFrom().item(
                new ResolvedCustomer("104", "59", "John Smith", Resolution.CREATED)));

        post(REQUEST).statusCode(200)
                .body("contactId", equalTo("104"))
                .body("customerId", equalTo("59"))
                .body("displayName", equalTo("John Smith"))
                .body("resolution", equalTo("CREATED"));

        ArgumentCaptor<ResolveCustomerCommand> captor = ArgumentCaptor.forClass(ResolveCustomerCommand.class);
        verify(service).resolve(captor.capture());
        ResolveCustomerCommand command = captor.getValue();
        assertEquals(new ResolveCustomerCommand("9130350000000001", 40213377L, "104", List.of(
                new Contact("101", "Ada", "Lovelace", "ada@example.com", "Analytical Engines", "+44 20 7946 0101"),
                new Contact("104", "John", "Smith", "john.smith@alpha.example", null, null)), "ap-123"), command);
    }

    @Test
    void shouldPassTheContactPropertiesOnForTheSyncFilters() {
        when(service.resolve(any())).thenReturn(Uni.createFrom().item(
                new ResolvedCustomer("101", "58", "Ada Lovelace", Resolution.MATCHED)));

        post("""
                {"realmId": "9130350000000001", "portalId": 40213377,
                 "contacts": [{"id": "101", "firstName": "Ada", "properties": {"lifecyclestage": "customer", "country": null}}]}""")
                .statusCode(200);

        ArgumentCaptor<ResolveCustomerCommand> captor = ArgumentCaptor.forClass(ResolveCustomerCommand.class);
        verify(service).resolve(captor.capture());
        Contact contact = captor.getValue().contacts().get(0);
        assertEquals("customer", contact.property("lifecyclestage"));
        assertEquals(true, contact.properties().containsKey("country"));
        assertEquals(null, contact.property("country"));
    }

    @Test
    void shouldRefuseABlankPropertyName() {
        post("""
                {"realmId": "9130350000000001", "portalId": 40213377,
                 "contacts": [{"id": "101", "firstName": "Ada", "properties": {" ": "customer"}}]}""")
                .statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"));
        verify(service, never()).resolve(any());
    }

    @ParameterizedTest
    @EnumSource(Code.class)
    void shouldAnswer422WithTheRefusalCodeAndMessage(Code code) {
        when(service.resolve(any())).thenReturn(Uni.createFrom().failure(
                new CustomerResolutionRefusal(code, "Explained for a finance user.")));

        post(REQUEST).statusCode(422)
                .body("code", equalTo(code.name()))
                .body("message", equalTo("Explained for a finance user."));
    }

    @Test
    void shouldRejectARequestWithoutRealmNamingTheField() {
        post("{\"portalId\": 40213377, \"contacts\": []}").statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"))
                .body("message", containsString("realmId"));
        verify(service, never()).resolve(any());
    }

    @Test
    void shouldNameTheInvalidContactField() {
        post(REQUEST.replace("\"id\": \"101\"", "\"id\": \"10|1\"")).statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"))
                .body("message", containsString("contacts[0].id"));
        verify(service, never()).resolve(any());
    }

    @Test
    void shouldRejectABodyThatIsNotJson() {
        post("{\"realmId\": ").statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"));
        verify(service, never()).resolve(any());
    }

    @Test
    void shouldAnswer502WhenQboFailsOnItsSide() {
        when(service.resolve(any())).thenReturn(Uni.createFrom().failure(new QboFaultException(500, "SystemFault",
                List.of(new QboError("Internal Server Error", "", "10000", "")), "tid-2")));

        post(REQUEST).statusCode(502)
                .body("code", equalTo("QBO_ERROR"))
                .body("qboCode", equalTo("10000"));
    }

    @Test
    void shouldRefuseWith422WhenQboRejectsTheRequest() {
        when(service.resolve(any())).thenReturn(Uni.createFrom().failure(new QboFaultException(400, "ValidationFault",
                List.of(new QboError("Invalid Reference Id", "detail with data", "2500", "")), "tid-1")));

        post(REQUEST).statusCode(422)
                .body("code", equalTo("QBO_REJECTED"))
                .body("qboCode", equalTo("2500"))
                .body("qboMessage", equalTo("Invalid Reference Id"))
                .body("message", containsString("Invalid Reference Id"));
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenQboIsThrottled() {
        when(service.resolve(any())).thenReturn(Uni.createFrom().failure(
                new QboFaultException(429, null, List.of(), "tid-2")));

        post(REQUEST).statusCode(503)
                .header("Retry-After", "60")
                .body("code", equalTo("QBO_THROTTLED"));
    }

    @Test
    void shouldAnswer503WhenQboOrTheGatewayCannotBeReached() {
        when(service.resolve(any()))
                .thenReturn(Uni.createFrom().failure(new ConnectException("Connection refused")))
                .thenReturn(Uni.createFrom().failure(new AccessTokenUnavailableException("1", new ConnectException("x"))));

        post(REQUEST).statusCode(503).body("code", equalTo("QBO_UNAVAILABLE"));
        post(REQUEST).statusCode(503).body("code", equalTo("QBO_TOKEN_UNAVAILABLE"));
    }
}
