package dev.ledgerbridge.contacts.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ledgerbridge.contacts.InvalidMatchingSettingsException;
import dev.ledgerbridge.contacts.MatchingMode;
import dev.ledgerbridge.contacts.SyncFilter;
import dev.ledgerbridge.contacts.SyncFilterGroup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Each kind of invalid sync filter is refused with a message naming the problem and its place. */
class SyncFilterValidationTest {

    private static final String OPERATORS = "EQUALS, NOT_EQUALS, IS_ANY_OF, IS_NONE_OF, CONTAINS, IS_KNOWN, IS_UNKNOWN,"
            + " GREATER_THAN, LESS_THAN";
    private static final SyncFilter CUSTOMER = filter("lifecyclestage", "EQUALS", "customer");

    static SyncFilter filter(String property, String operator, String... values) {
        return new SyncFilter(property, operator, Arrays.asList(values));
    }

    static SyncFilterGroup group(SyncFilter... filters) {
        return new SyncFilterGroup(Arrays.asList(filters));
    }

    private static String refusal(SyncFilterGroup... groups) {
        return assertThrows(InvalidMatchingSettingsException.class,
                () -> SyncFilterValidation.validate(Arrays.asList(groups))).getMessage();
    }

    @Test
    void shouldAcceptEveryOperatorWithTheRightValuesAndNormaliseThem() {
        List<SyncFilterGroup> valid = SyncFilterValidation.validate(List.of(
                group(filter(" lifecyclestage ", "equals", " customer "), filter("country", "NOT_EQUALS", "France"),
                        filter("hs_lead_status", "IS_ANY_OF", "OPEN", "IN_PROGRESS"),
                        filter("industry", "IS_NONE_OF", "GAMBLING"), filter("email", "CONTAINS", "@"),
                        filter("phone", "IS_KNOWN"), filter("hs_email_optout", "IS_UNKNOWN")),
                group(filter("annualrevenue", "GREATER_THAN", "1000.50"), filter("createdate", "LESS_THAN", "2026-11-01"),
                        filter("closedate", "GREATER_THAN", "2026-11-01T10:00:00Z"))));

        assertEquals(filter("lifecyclestage", "EQUALS", "customer"), valid.get(0).filters().get(0));
        assertEquals(7, valid.get(0).filters().size());
        assertEquals(3, valid.get(1).filters().size());
    }

    @Test
    void shouldRefuseAnUnknownOperatorNamingTheValidOnes() {
        assertEquals("filterGroups[0].filters[1]: unknown operator 'GT'; use one of " + OPERATORS,
                refusal(group(CUSTOMER, filter("annualrevenue", "GT", "10"))));
    }

    @Test
    void shouldRefuseAMissingOperator() {
        assertEquals("filterGroups[0].filters[0]: operator is empty; use one of " + OPERATORS,
                refusal(group(filter("lifecyclestage", null, "customer"))));
    }

    @Test
    void shouldRefuseAnEmptyPropertyName() {
        assertEquals("filterGroups[0].filters[0]: property name is empty", refusal(group(filter("  ", "IS_KNOWN"))));
    }

    @Test
    void shouldRefuseAPropertyNameHubSpotCannotHave() {
        assertEquals("filterGroups[0].filters[0]: property 'life cycle' is not a HubSpot property name (letters, digits,"
                + " '_', '.', '-'; at most 100)", refusal(group(filter("life cycle", "IS_KNOWN"))));
    }

    @Test
    void shouldRefuseAnEmptyGroup() {
        assertEquals("filterGroups[1]: a filter group needs at least one filter", refusal(group(CUSTOMER), group()));
    }

    @Test
    void shouldRefuseANullFilter() {
        assertEquals("filterGroups[0].filters[0]: a filter needs a property and an operator, got null",
                refusal(new SyncFilterGroup(Collections.singletonList(null))));
    }

    @Test
    void shouldRefuseTwoValuesForEquals() {
        assertEquals("filterGroups[0].filters[0]: operator EQUALS needs exactly one value, got 2",
                refusal(group(filter("lifecyclestage", "EQUALS", "customer", "lead"))));
    }

    @Test
    void shouldRefuseNoValueForContains() {
        assertEquals("filterGroups[0].filters[0]: operator CONTAINS needs exactly one value, got 0",
                refusal(group(filter("email", "CONTAINS"))));
    }

    @Test
    void shouldRefuseAValueForIsKnown() {
        assertEquals("filterGroups[0].filters[0]: operator IS_KNOWN takes no values, got 1",
                refusal(group(filter("phone", "IS_KNOWN", "yes"))));
    }

    @Test
    void shouldRefuseIsAnyOfWithoutValues() {
        assertEquals("filterGroups[0].filters[0]: operator IS_ANY_OF needs 1 to 100 values, got 0",
                refusal(group(filter("country", "IS_ANY_OF"))));
    }

    @Test
    void shouldRefuseIsNoneOfWithMoreValuesThanHubSpotAllows() {
        String[] values = IntStream.range(0, 101).mapToObj(i -> "v" + i).toArray(String[]::new);
        assertEquals("filterGroups[0].filters[0]: operator IS_NONE_OF needs 1 to 100 values, got 101",
                refusal(group(filter("country", "IS_NONE_OF", values))));
    }

    @Test
    void shouldRefuseGreaterThanWithSomethingThatIsNeitherNumberNorDate() {
        assertEquals("filterGroups[1].filters[0]: operator GREATER_THAN needs one number or date, got 'abc'",
                refusal(group(CUSTOMER), group(filter("annualrevenue", "GREATER_THAN", "abc"))));
    }

    @Test
    void shouldRefuseLessThanWithTwoValues() {
        assertEquals("filterGroups[0].filters[0]: operator LESS_THAN needs one number or date, got 2 values",
                refusal(group(filter("annualrevenue", "LESS_THAN", "1", "2"))));
    }

    @Test
    void shouldRefuseAnInvalidCalendarDate() {
        assertEquals("filterGroups[0].filters[0]: operator LESS_THAN needs one number or date, got '2026-02-30'",
                refusal(group(filter("createdate", "LESS_THAN", "2026-02-30"))));
    }

    @Test
    void shouldRefuseABlankValue() {
        assertEquals("filterGroups[0].filters[0].values[1]: a value must not be empty",
                refusal(group(filter("country", "IS_ANY_OF", "France", " "))));
    }

    @Test
    void shouldRefuseMoreThanFiveGroups() {
        SyncFilterGroup[] groups = IntStream.range(0, 6).mapToObj(i -> group(CUSTOMER)).toArray(SyncFilterGroup[]::new);
        assertEquals("filterGroups: at most 5 filter groups are allowed, got 6", refusal(groups));
    }

    @Test
    void shouldRefuseMoreThanTenFiltersInAGroup() {
        SyncFilter[] filters = IntStream.range(0, 11).mapToObj(i -> CUSTOMER).toArray(SyncFilter[]::new);
        assertEquals("filterGroups[0]: at most 10 filters are allowed in a group, got 11", refusal(group(filters)));
    }

    @Test
    void shouldRefuseMoreThanTwentyFiveFiltersInAll() {
        SyncFilter[] ten = IntStream.range(0, 9).mapToObj(i -> CUSTOMER).toArray(SyncFilter[]::new);
        assertEquals("filterGroups: at most 25 filters are allowed in all, got 27",
                refusal(group(ten), group(ten), group(ten)));
    }

    @Test
    void shouldNameEveryProblemAtOnce() {
        assertEquals("filterGroups[0].filters[0]: property name is empty; filterGroups[1]: a filter group needs at"
                + " least one filter", refusal(group(filter("", "IS_KNOWN")), group()));
    }

    @Test
    void shouldReadTheModeIgnoringCaseAndRefuseAnyOther() {
        assertEquals(MatchingMode.SYNC_FILTERS, SyncFilterValidation.mode(" sync_filters "));
        assertEquals("mode: must be LEGACY or SYNC_FILTERS, got 'FILTERS'", assertThrows(
                InvalidMatchingSettingsException.class, () -> SyncFilterValidation.mode("FILTERS")).getMessage());
        assertEquals("mode: must be LEGACY or SYNC_FILTERS, got nothing", assertThrows(
                InvalidMatchingSettingsException.class, () -> SyncFilterValidation.mode(null)).getMessage());
    }

    @Test
    void shouldAcceptNoGroupsAtAll() {
        assertEquals(List.of(), SyncFilterValidation.validate(new ArrayList<>()));
    }
}
