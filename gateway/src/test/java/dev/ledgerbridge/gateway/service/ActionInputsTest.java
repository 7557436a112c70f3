package dev.ledgerbridge.gateway.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ledgerbridge.gateway.ActionRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shape checks of the create-document actions' inputs. */
class ActionInputsTest {

    @Test
    void shouldAcceptWhatTheDropdownsAndDefaultsSend() {
        assertDoesNotThrow(() -> ActionInputs.requireWellFormed(request(Map.of(
                "quickbooks_company", "9130350000000001", "customer_contact", "PRIMARY", "line_items", "401, 402,",
                "deposit_account", "35", "create_missing_products", "Yes", "payment_terms", "1% 10 Net 30"))));
        assertDoesNotThrow(() -> ActionInputs.requireWellFormed(request(Map.of("customer_contact", "first",
                "line_items", " , ", "create_missing_products", "false", "payment_terms", "Café 😀"))));
        assertDoesNotThrow(() -> ActionInputs.requireWellFormed(request(Map.of("customer_contact", "104",
                "unknown_field", "' OR 1=1 --\u0000"))));
    }

    @Test
    void shouldRefuseMetacharactersNamingTheFieldNotTheValue() {
        ActionRefusal refusal = assertThrows(ActionRefusal.class, () -> ActionInputs.requireWellFormed(
                request(Map.of("quickbooks_company", "9130350000000001' OR '1'='1"))));
        assertEquals(ActionInputs.INVALID_INPUT, refusal.code());
        assertTrue(refusal.getMessage().contains("QuickBooks company"), refusal.getMessage());
        assertFalse(refusal.getMessage().contains("OR"), refusal.getMessage());
        for (Map<String, String> inputs : java.util.List.of(Map.of("customer_contact", "first%"),
                Map.of("line_items", "401,_"), Map.of("deposit_account", "35\\"),
                Map.of("create_missing_products", "maybe"), Map.of("payment_terms", "Net\r\n30"),
                Map.of("payment_terms", "Net \ud800"), Map.of("payment_terms", "x".repeat(101)))) {
            assertThrows(ActionRefusal.class, () -> ActionInputs.requireWellFormed(request(inputs)), inputs::toString);
        }
    }

    @Test
    void shouldCheckALongIdListInLinearTime() {
        String hostile = "1".repeat(5_000) + ",x";
        long started = System.nanoTime();
        assertThrows(ActionRefusal.class, () -> ActionInputs.requireWellFormed(request(Map.of("line_items",
                hostile))));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 1_000, "regex backtracking");
    }

    private static ActionRequest request(Map<String, String> inputs) {
        return new ActionRequest("ap-1", 40213377L, "DEAL", "301", inputs);
    }
}
