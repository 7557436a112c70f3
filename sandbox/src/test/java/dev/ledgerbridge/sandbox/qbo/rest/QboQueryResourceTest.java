package dev.ledgerbridge.sandbox.qbo.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class QboQueryResourceTest extends QboTestSupport {

    @Test
    void shouldFindSeededItemBySku() {
        query(US, "select * from Item where Sku = 'ONB-001'")
                .statusCode(200)
                .body("QueryResponse.Item", hasSize(1))
                .body("QueryResponse.Item[0].Name", equalTo("Onboarding Package"))
                .body("QueryResponse.Item[0].UnitPrice", equalTo(new java.math.BigDecimal("1500.00")))
                .body("QueryResponse.startPosition", equalTo(1))
                .body("QueryResponse.maxResults", equalTo(1))
                .body("time", notNullValue());
    }

    @Test
    void shouldMatchEscapedApostropheAndBackslash() {
        create(US, "customer", """
                {"DisplayName":"O'Brien \\\\ Sons","PrimaryEmailAddr":{"Address":"obs@example.com"}}
                """).statusCode(200);

        query(US, "select * from Customer where DisplayName = 'O\\'Brien \\\\ Sons'")
                .statusCode(200)
                .body("QueryResponse.Customer", hasSize(1))
                .body("QueryResponse.Customer[0].DisplayName", equalTo("O'Brien \\ Sons"));
        query(US, "select * from Customer where DisplayName = 'Patrick O\\'Brien'")
                .statusCode(200)
                .body("QueryResponse.Customer[0].PrimaryEmailAddr.Address", equalTo("pobrien@example.com"));
    }

    @Test
    void shouldMatchDoubleQuotesAndAccentsLiterally() {
        create(US, "customer", """
                {"DisplayName":"Zoë \\"Z\\" Ånd","GivenName":"Zoë","FamilyName":"Ånd"}
                """).statusCode(200);

        query(US, "select * from Customer where DisplayName = 'Zoë \"Z\" Ånd'")
                .statusCode(200)
                .body("QueryResponse.Customer", hasSize(1))
                .body("QueryResponse.Customer[0].GivenName", equalTo("Zoë"));
        query(US, "select * from Customer where FamilyName = 'A\u030And'")
                .statusCode(200)
                .body("QueryResponse.Customer", nullValue());
    }

    @Test
    void shouldIgnoreCaseForStringEqualityAndLike() {
        query(US, "select * from Customer where DisplayName = 'ada LOVELACE'")
                .statusCode(200)
                .body("QueryResponse.Customer[0].Id", equalTo("1"));
        query(US, "select * from Item where Name LIKE '%package'")
                .statusCode(200)
                .body("QueryResponse.Item.Name", contains("Onboarding Package"));
    }

    @Test
    void shouldHideInactiveRowsUnlessActiveIsFiltered() {
        query(US, "select * from Customer where DisplayName = 'Old Customer'")
                .statusCode(200)
                .body("QueryResponse.Customer", nullValue());
        query(US, "select * from Customer where DisplayName = 'Old Customer' and Active = false")
                .statusCode(200)
                .body("QueryResponse.Customer[0].Active", equalTo(false));
        query(US, "select * from Item where Active IN (true, false)")
                .statusCode(200)
                .body("QueryResponse.Item", hasSize(6));
        query(US, "select * from Item")
                .statusCode(200)
                .body("QueryResponse.Item", hasSize(5));
    }

    @Test
    void shouldAnswerEmptyQueryResponseWhenNothingMatches() {
        query(US, "select * from Invoice where DocNumber = 'nope'")
                .statusCode(200)
                .body("QueryResponse.size()", equalTo(0));
    }

    @Test
    void shouldPageWithStartPositionAndMaxResults() {
        query(US, "select * from Item ORDERBY Name STARTPOSITION 2 MAXRESULTS 2")
                .statusCode(200)
                .body("QueryResponse.Item.Name", contains("Hardware Kit", "Onboarding Package"))
                .body("QueryResponse.startPosition", equalTo(2))
                .body("QueryResponse.maxResults", equalTo(2));
        query(US, "select * from Item ORDERBY Name DESC MAXRESULTS 1")
                .statusCode(200)
                .body("QueryResponse.Item.Name", contains("Training Day"));
        query(US, "select * from Item STARTPOSITION 99")
                .statusCode(200)
                .body("QueryResponse.size()", equalTo(0));
    }

    @Test
    void shouldDefaultToOneHundredRowsAndCapAtOneThousand() {
        for (int i = 0; i < 101; i++) {
            create(US, "term", "{\"Name\":\"Term " + i + "\",\"DueDays\":" + i + "}").statusCode(200);
        }

        query(US, "select * from Term").statusCode(200).body("QueryResponse.maxResults", equalTo(100));
        query(US, "select * from Term MAXRESULTS 5000").statusCode(200).body("QueryResponse.maxResults", equalTo(105));
        query(US, "select count(*) from Term").statusCode(200).body("QueryResponse.totalCount", equalTo(105));
    }

    @Test
    void shouldCountWithoutRows() {
        query(US, "select count(*) from Customer")
                .statusCode(200)
                .body("QueryResponse.totalCount", equalTo(4))
                .body("QueryResponse.Customer", nullValue());
    }

    @Test
    void shouldAcceptStatementAsApplicationTextPost() {
        us().contentType("application/text")
                .body("select * from Term where Name = 'Net 30'".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post(path(US, "query"))
                .then()
                .statusCode(200)
                .body("QueryResponse.Term[0].DueDays", equalTo(30));
    }

    @Test
    void shouldFilterOnMetaDataTimestamps() {
        create(US, "customer", "{\"DisplayName\":\"Fresh Customer\"}").statusCode(200);

        query(US, "select * from Customer where MetaData.LastUpdatedTime > '" + java.time.OffsetDateTime.now()
                .minusDays(1) + "'")
                .statusCode(200)
                .body("QueryResponse.Customer.DisplayName", contains("Fresh Customer"));
    }

    @Test
    void shouldRejectLowerCaseEntityAsParseError() {
        query(US, "select * from customer")
                .statusCode(400)
                .body("Fault.type", equalTo("ValidationFault"))
                .body("Fault.Error[0].code", equalTo("4000"))
                .body("Fault.Error[0].Message", equalTo("Error parsing query"));
    }

    @Test
    void shouldRejectNonFilterableProperty() {
        query(US, "select * from Invoice where PrivateNote LIKE '%hubspot%'")
                .statusCode(400)
                .body("Fault.Error[0].code", equalTo("4001"))
                .body("Fault.Error[0].Detail", containsString("PrivateNote"));
    }

    @Test
    void shouldKeepRealmsApart() {
        query(CA, "select * from Item")
                .statusCode(200)
                .body("QueryResponse.Item.Sku", containsInAnyOrder("ONB-001", "SUP-HR"));
        query(CA, "select * from CompanyInfo")
                .statusCode(200)
                .body("QueryResponse.CompanyInfo[0].Country", equalTo("CA"));
    }
}
