package dev.ledgerbridge.gateway.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ledgerbridge.gateway.ActionRequest;
import dev.ledgerbridge.gateway.DealContext;
import dev.ledgerbridge.gateway.client.CreatedDocument;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plain unit tests of the request and note mapping (no Quarkus). */
class InvoiceRequestsTest {

    private static final DealContext DEAL = new DealContext("301", "Acme", null, List.of(), List.of());

    @Test
    void shouldDeriveIdempotencyKeyFromPortalAndCallbackId() {
        ActionRequest request = new ActionRequest("ap-1-2-3", 40213377L, "DEAL", "301", Map.of());

        assertEquals("40213377:ap-1-2-3:invoice", InvoiceRequests.idempotencyKey(request));
    }

    @Test
    void shouldWriteNoteWithUsGroupingAndTwoDecimals() {
        CreatedDocument document = new CreatedDocument("130", "1001", "INVOICE", new BigDecimal("1049.97"), "58", false);

        assertEquals("QuickBooks invoice 1001 created (QBO id 130, total 1,049.97 USD)",
                InvoiceRequests.noteText(document, DEAL));
    }

    @Test
    void shouldKeepExactAmountsInTheNote() {
        CreatedDocument document = new CreatedDocument("131", "1002", "INVOICE", new BigDecimal("1234567.8"), "58",
                false);

        assertEquals("QuickBooks invoice 1002 created (QBO id 131, total 1,234,567.80 USD)",
                InvoiceRequests.noteText(document, DEAL));
    }

    @Test
    void shouldReadHubSpotNumbersAsBigDecimalAndUnreadableAsNull() {
        assertEquals(new BigDecimal("349.99"), DealContextMapper.decimal(" 349.99 "));
        assertEquals(null, DealContextMapper.decimal("abc"));
        assertEquals(null, DealContextMapper.decimal(""));
    }
}
