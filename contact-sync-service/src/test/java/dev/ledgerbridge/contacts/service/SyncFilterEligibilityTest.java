package dev.ledgerbridge.contacts.service;

import static dev.ledgerbridge.contacts.service.SyncFilterValidationTest.filter;
import static dev.ledgerbridge.contacts.service.SyncFilterValidationTest.group;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ledgerbridge.contacts.Contact;
import dev.ledgerbridge.contacts.SyncFilter;
import dev.ledgerbridge.contacts.SyncFilterGroup;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Sync filter evaluation on a contact's properties: each operator, OR/AND, unknown values, numbers and dates. */
class SyncFilterEligibilityTest {

    private static Contact contact(String... keyValues) {
        Map<String, String> properties = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.put(keyValues[i], keyValues[i + 1]);
        }
        return new Contact("101", "Ada", "Lovelace", "ada@example.com", "Analytical Engines", null, properties);
    }

    private static Optional<String> failure(SyncFilter filter, Contact contact) {
        return SyncFilterEligibility.failure(List.of(group(filter)), contact);
    }

    private static void assertPasses(SyncFilter filter, Contact contact) {
        assertEquals(Optional.empty(), failure(filter, contact));
    }

    private static void assertFails(String reason, SyncFilter filter, Contact contact) {
        assertEquals(Optional.of("This contact does not pass the QuickBooks sync filters: " + reason + "."),
                failure(filter, contact));
    }

    @Test
    void shouldCompareEqualsIgnoringCaseAndExplainAMismatch() {
        SyncFilter customer = filter("lifecyclestage", "EQUALS", "customer");
        assertPasses(customer, contact("lifecyclestage", " Customer "));
        assertFails("lifecycle stage is lead, must be customer", customer, contact("lifecyclestage", "lead"));
        assertFails("lifecycle stage is unknown, must be customer", customer, contact());
    }

    @Test
    void shouldCompareNumbersByValue() {
        assertPasses(filter("numemployees", "EQUALS", "10"), contact("numemployees", "10.00"));
        assertFails("number of employees is 11, must be 10", filter("numemployees", "EQUALS", "10"),
                contact("numemployees", "11"));
    }

    @Test
    void shouldTreatAnUnknownValueAsNotEqual() {
        SyncFilter notLead = filter("lifecyclestage", "NOT_EQUALS", "lead");
        assertPasses(notLead, contact());
        assertPasses(notLead, contact("lifecyclestage", "customer"));
        assertFails("lifecycle stage is LEAD, must not be lead", notLead, contact("lifecyclestage", "LEAD"));
    }

    @Test
    void shouldAcceptAnyOfTheValues() {
        SyncFilter northAmerica = filter("country", "IS_ANY_OF", "United States", "Canada");
        assertPasses(northAmerica, contact("country", "canada"));
        assertFails("country is France, must be one of United States, Canada", northAmerica, contact("country", "France"));
        assertFails("country is unknown, must be one of United States, Canada", northAmerica, contact());
    }

    @Test
    void shouldRefuseEachOfNoneOfTheValues() {
        SyncFilter notEurope = filter("country", "IS_NONE_OF", "France", "Spain");
        assertPasses(notEurope, contact("country", "Canada"));
        assertPasses(notEurope, contact());
        assertFails("country is spain, must be none of France, Spain", notEurope, contact("country", "spain"));
    }

    @Test
    void shouldFindTheValueInsideTheProperty() {
        SyncFilter acme = filter("website", "CONTAINS", "ACME");
        assertPasses(acme, contact("website", "https://www.acme.example"));
        assertFails("website is https://globex.example, must contain ACME", acme, contact("website", "https://globex.example"));
        assertFails("website is unknown, must contain ACME", acme, contact());
    }

    @Test
    void shouldTreatABlankValueAsUnknown() {
        assertFails("phone is unknown, must be known", filter("phone", "IS_KNOWN"), contact("phone", "  "));
        assertPasses(filter("phone", "IS_KNOWN"), contact("phone", "+1 555 0101"));
        assertPasses(filter("hs_email_optout", "IS_UNKNOWN"), contact("hs_email_optout", null));
        assertFails("hs email optout is true, must be unknown", filter("hs_email_optout", "IS_UNKNOWN"),
                contact("hs_email_optout", "true"));
    }

    @Test
    void shouldCompareNumbersExactly() {
        SyncFilter revenue = filter("annualrevenue", "GREATER_THAN", "1000.10");
        assertPasses(revenue, contact("annualrevenue", "1000.11"));
        assertFails("annual revenue is 1000.10, must be greater than 1000.10", revenue, contact("annualrevenue", "1000.10"));
        assertFails("annual revenue is unknown, must be greater than 1000.10", revenue, contact());
        assertFails("annual revenue is lots, must be a number greater than 1000.10", revenue,
                contact("annualrevenue", "lots"));
        assertPasses(filter("annualrevenue", "LESS_THAN", "0.3"), contact("annualrevenue", "0.29999"));
        assertFails("annual revenue is 0.3, must be less than 0.3", filter("annualrevenue", "LESS_THAN", "0.3"),
                contact("annualrevenue", "0.3"));
    }

    @Test
    void shouldCompareDatesWrittenAsDaysMomentsOrEpochMilliseconds() {
        SyncFilter after = filter("createdate", "GREATER_THAN", "2026-11-01");
        assertPasses(after, contact("createdate", "2026-11-02"));
        assertPasses(after, contact("createdate", "2026-11-02T00:00:01Z"));
        // 1793577600000 = 2026-11-02T00:00:00Z
        assertPasses(after, contact("createdate", "1793577600000"));
        // A moment on the day itself is not "after" the day.
        assertFails("create date is 2026-11-01T23:59:59Z, must be later than 2026-11-01", after,
                contact("createdate", "2026-11-01T23:59:59Z"));
        assertFails("create date is yesterday, must be a date later than 2026-11-01", after,
                contact("createdate", "yesterday"));
        SyncFilter before = filter("closedate", "LESS_THAN", "2026-11-01T12:00:00Z");
        assertPasses(before, contact("closedate", "2026-11-01T11:59:59.999Z"));
        assertFails("close date is 2026-11-01T12:00:00+00:00, must be earlier than 2026-11-01T12:00:00Z", before,
                contact("closedate", "2026-11-01T12:00:00+00:00"));
    }

    @Test
    void shouldRequireEveryFilterOfAGroupAndNameEachFailure() {
        SyncFilterGroup group = group(filter("lifecyclestage", "EQUALS", "customer"), filter("country", "IS_KNOWN"),
                filter("annualrevenue", "GREATER_THAN", "0"));
        assertEquals(Optional.empty(), SyncFilterEligibility.failure(List.of(group),
                contact("lifecyclestage", "customer", "country", "US", "annualrevenue", "5")));
        assertEquals(Optional.of("This contact does not pass the QuickBooks sync filters: lifecycle stage is lead, must"
                        + " be customer and country is unknown, must be known."),
                SyncFilterEligibility.failure(List.of(group), contact("lifecyclestage", "lead", "annualrevenue", "5")));
    }

    @Test
    void shouldAcceptAContactThatPassesAnyGroup() {
        List<SyncFilterGroup> groups = List.of(group(filter("lifecyclestage", "EQUALS", "customer")),
                group(filter("hs_lead_status", "IS_ANY_OF", "OPEN")));
        assertEquals(Optional.empty(), SyncFilterEligibility.failure(groups,
                contact("lifecyclestage", "lead", "hs_lead_status", "OPEN")));
        assertEquals(Optional.of("This contact does not pass any of the 2 QuickBooks sync filter groups: (1) lifecycle"
                        + " stage is lead, must be customer; (2) lead status is unknown, must be OPEN."),
                SyncFilterEligibility.failure(groups, contact("lifecyclestage", "lead")));
    }

    @Test
    void shouldReadTheStandardFieldsWhenThePropertiesLeaveThemOut() {
        assertPasses(filter("email", "CONTAINS", "@example.com"), contact());
        assertFails("e-mail is ada@example.com, must contain @acme.example", filter("email", "CONTAINS", "@acme.example"),
                contact());
        // A property sent explicitly wins over the field.
        assertFails("first name is unknown, must be known", filter("firstname", "IS_KNOWN"), contact("firstname", null));
    }

    @Test
    void shouldLetEveryContactPassWhenThereAreNoGroups() {
        assertEquals(Optional.empty(), SyncFilterEligibility.failure(List.of(), contact()));
    }
}
