package dev.ledgerbridge.gateway.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ledgerbridge.gateway.ActionRequest;
import dev.ledgerbridge.gateway.DealContext;
import dev.ledgerbridge.gateway.DocumentType;
import dev.ledgerbridge.gateway.client.CreatedDocument;
import dev.ledgerbridge.gateway.client.DocumentRequest;
import dev.ledgerbridge.gateway.client.ResolvedCustomer;
import dev.ledgerbridge.gateway.client.ResolvedLineItems;
import dev.ledgerbridge.gateway.service.ActionRefusal;
import java.math.BigDecimal;
import java.time.LocalDate;
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
    void shouldKeyEachDocumentTypeApartForTheSameExecution() {
        ActionRequest request = new ActionRequest("ap-1-2-3", 40213377L, "QUOTE", "501", Map.of());

        assertEquals("40213377:ap-1-2-3:estimate", InvoiceRequests.idempotencyKey(request, DocumentType.ESTIMATE));
        assertEquals("40213377:ap-1-2-3:sales-receipt",
                InvoiceRequests.idempotencyKey(request, DocumentType.SALES_RECEIPT));
    }

    @Test
    void shouldNameTheTypeAndLinkInTheNote() {
        CreatedDocument document = new CreatedDocument("131", "1002", "SALES_RECEIPT", new BigDecimal("3000"), "58",
                false);

        assertEquals("QuickBooks sales receipt 1002 created (QBO id 131, total 3,000.00 USD): "
                + "https://app.sandbox.qbo.intuit.com/app/salesreceipt?txnId=131",
                InvoiceRequests.noteText(DocumentType.SALES_RECEIPT, document, DEAL,
                        OutputFields.link("https://app.sandbox.qbo.intuit.com/", DocumentType.SALES_RECEIPT, "131")));
    }

    @Test
    void shouldReadQuoteExpiryWrittenAsDateInstantOrEpochMillis() {
        assertEquals(LocalDate.of(2026, 12, 27), DealContextMapper.date("2026-12-27"));
        assertEquals(LocalDate.of(2026, 12, 27), DealContextMapper.date("2026-12-27T00:00:00.000Z"));
        assertEquals(LocalDate.of(2026, 12, 27), DealContextMapper.date("1798329600000"));
        assertNull(DealContextMapper.date("next week"));
        assertNull(DealContextMapper.date(null));
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

    private static final DealContext THREE_LINES = new DealContext("302", "Beta", null, List.of(), List.of(
            new DealContext.LineItem("401", "Annual Subscription", "SUB-ANNUAL", "202", BigDecimal.ONE,
                    new BigDecimal("12000"), null),
            new DealContext.LineItem("402", "Onboarding Package", "ONB-001", "201", new BigDecimal("2"),
                    new BigDecimal("1500"), "Kick-off", "1", null, new BigDecimal("10")),
            new DealContext.LineItem("403", "Support Hours", null, null, new BigDecimal("3"),
                    new BigDecimal("2.125"), null)));

    @Test
    void shouldUseEveryLineItemWhenTheActionNamesNone() {
        assertEquals(List.of("401", "402", "403"), ids(InvoiceRequests.selectedLineItems(request(Map.of()),
                THREE_LINES)));
        assertEquals(List.of("401", "402", "403"), ids(InvoiceRequests.selectedLineItems(
                request(Map.of("line_items", " , ")), THREE_LINES)));
    }

    @Test
    void shouldUseTheNamedLineItemsInTheOrderNamedOnce() {
        assertEquals(List.of("403", "401"), ids(InvoiceRequests.selectedLineItems(
                request(Map.of("line_items", "403, 401,403")), THREE_LINES)));
    }

    @Test
    void shouldRefuseALineItemThatIsNotOnTheDeal() {
        ActionRefusal refusal = assertThrows(ActionRefusal.class, () -> InvoiceRequests.selectedLineItems(
                request(Map.of("line_items", "401,999,998")), THREE_LINES));

        assertEquals("LINE_ITEM_NOT_ON_RECORD", refusal.code());
        assertEquals("Line items 999, 998 are not associated with deal 302 (it has line items 401, 402, 403)."
                + " Correct the action's 'Line items' field.", refusal.getMessage());
    }

    @Test
    void shouldSendTheProductLinkDiscountAndTheCreateMissingChoice() {
        var body = InvoiceRequests.lineItemRequest(request(Map.of("create_missing_products", "Yes")), "9130350000000001",
                THREE_LINES.lineItems().subList(1, 2));

        assertTrue(body.createMissing());
        assertEquals(new dev.ledgerbridge.gateway.client.LineItemResolveRequest.LineItem("402", "Onboarding Package",
                "ONB-001", "201", new BigDecimal("2"), new BigDecimal("1500"), "1", "Kick-off", null,
                new BigDecimal("10")), body.lineItems().get(0));
        assertFalse(InvoiceRequests.lineItemRequest(request(Map.of("create_missing_products", "no")), "1",
                THREE_LINES).createMissing());
        assertFalse(InvoiceRequests.lineItemRequest(request(Map.of()), "1", THREE_LINES).createMissing());
    }

    @Test
    void shouldSendTheActionsIncomeAccountOnlyWhileMissingProductsAreCreated() {
        assertEquals("80", InvoiceRequests.lineItemRequest(request(Map.of("create_missing_products", "true",
                "income_account", " 80 ")), "1", THREE_LINES).incomeAccountId());
        assertNull(InvoiceRequests.lineItemRequest(request(Map.of("create_missing_products", "true")), "1",
                THREE_LINES).incomeAccountId());
        assertNull(InvoiceRequests.lineItemRequest(request(Map.of("income_account", "80")), "1", THREE_LINES)
                .incomeAccountId(), "no item is created, so the account is not sent");
    }

    @Test
    void shouldPutTheCatalogsExactAmountsOnTheInvoiceLines() {
        ResolvedLineItems resolved = new ResolvedLineItems(List.of(
                new ResolvedLineItems.Line("402", "1", "Onboarding Package", "PRODUCT_LINK", new BigDecimal("2"),
                        new BigDecimal("1350"), new BigDecimal("2700.00"), null),
                new ResolvedLineItems.Line("403", "3", "Support Hours", "NAME", BigDecimal.ONE,
                        new BigDecimal("6.38"), new BigDecimal("6.38"), "3 x 2.125")));

        DocumentRequest invoice = InvoiceRequests.invoiceRequest(request(Map.of()), "9130350000000001", THREE_LINES,
                new ResolvedCustomer("9001", "58", "Ada Lovelace", "LINKED"), resolved);

        assertEquals(List.of(
                new DocumentRequest.Line("1", "Kick-off", new BigDecimal("2"), new BigDecimal("1350")),
                new DocumentRequest.Line("3", "Support Hours (3 x 2.125)", BigDecimal.ONE, new BigDecimal("6.38"))),
                invoice.lines());
    }

    private static ActionRequest request(Map<String, String> inputs) {
        return new ActionRequest("ap-1-2-3", 40213377L, "DEAL", "302", inputs);
    }

    private static List<String> ids(List<DealContext.LineItem> lines) {
        return lines.stream().map(DealContext.LineItem::id).toList();
    }
}
