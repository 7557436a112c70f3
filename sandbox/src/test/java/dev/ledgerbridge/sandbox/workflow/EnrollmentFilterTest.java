package dev.ledgerbridge.sandbox.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ledgerbridge.sandbox.hubspot.HubSpotApiException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnrollmentFilterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static EnrollmentFilter filter(String json) throws Exception {
        return EnrollmentFilter.parse(JSON.readTree(json));
    }

    private static Map<String, String> props(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void shouldCompareTwoPropertiesOfTheRecordAsNumbers() throws Exception {
        EnrollmentFilter signed = filter("""
                {"filterGroups": [{"filters": [
                  {"propertyName": "hs_esign_num_signers_required", "operator": "GTE", "value": "1"},
                  {"propertyName": "hs_esign_num_signers_completed", "operator": "EQ", "valueProperty": "hs_esign_num_signers_required"}]}]}""");

        assertTrue(signed.matches(props("hs_esign_num_signers_required", "2", "hs_esign_num_signers_completed", "2.0")));
        assertFalse(signed.matches(props("hs_esign_num_signers_required", "2", "hs_esign_num_signers_completed", "1")));
        assertFalse(signed.matches(props("hs_esign_num_signers_required", "0", "hs_esign_num_signers_completed", "0")),
                "no signature needed is not 'all signed'");
        assertFalse(signed.matches(props("hs_esign_num_signers_completed", "2")), "nothing to compare with");
        assertFalse(signed.matches(props("hs_esign_num_signers_required", "", "hs_esign_num_signers_completed", "")));
    }

    @Test
    void shouldTellContainsFromContainsTokenAndOrTheGroups() throws Exception {
        EnrollmentFilter contains = filter("""
                {"filterGroups": [{"filters": [{"propertyName": "dealname", "operator": "CONTAINS", "value": "Payment Link"}]},
                                  {"filters": [{"propertyName": "amount", "operator": "GTE", "value": "1000"}]}]}""");
        EnrollmentFilter token = filter("""
                {"filterGroups": [{"filters": [{"propertyName": "dealname", "operator": "CONTAINS_TOKEN", "value": "payment link"}]}]}""");

        assertTrue(contains.matches(props("dealname", "O'Brien payment link")));
        assertTrue(contains.matches(props("dealname", "O'Brien payment links")));
        assertFalse(token.matches(props("dealname", "O'Brien payment links")));
        assertTrue(token.matches(props("dealname", "O'Brien PAYMENT link")));
        assertTrue(contains.matches(props("dealname", "x", "amount", "1000.00")), "second group");
        assertFalse(contains.matches(props("dealname", "x", "amount", "999.99")));
        assertFalse(contains.matches(props()));
    }

    @Test
    void shouldRefuseMoreFiltersThanHubSpotAllows() {
        String filter = "{\"propertyName\": \"a\", \"operator\": \"HAS_PROPERTY\"}";
        String group = "{\"filters\": [" + String.join(",", java.util.Collections.nCopies(11, filter)) + "]}";

        HubSpotApiException e = assertThrows(HubSpotApiException.class, () -> filter("{\"filterGroups\": [" + group + "]}"));

        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("maximum 10"), e.getMessage());
    }
}
