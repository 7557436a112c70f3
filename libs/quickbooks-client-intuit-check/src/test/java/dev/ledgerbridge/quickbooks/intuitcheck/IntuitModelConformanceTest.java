package dev.ledgerbridge.quickbooks.intuitcheck;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.module.jaxb.JaxbAnnotationModule;
import dev.ledgerbridge.quickbooks.QboJson;
import dev.ledgerbridge.quickbooks.model.Account;
import dev.ledgerbridge.quickbooks.model.CompanyInfo;
import dev.ledgerbridge.quickbooks.model.Customer;
import dev.ledgerbridge.quickbooks.model.EmailAddress;
import dev.ledgerbridge.quickbooks.model.Estimate;
import dev.ledgerbridge.quickbooks.model.Invoice;
import dev.ledgerbridge.quickbooks.model.Item;
import dev.ledgerbridge.quickbooks.model.Line;
import dev.ledgerbridge.quickbooks.model.LinkedTxn;
import dev.ledgerbridge.quickbooks.model.MemoRef;
import dev.ledgerbridge.quickbooks.model.Payment;
import dev.ledgerbridge.quickbooks.model.PhysicalAddress;
import dev.ledgerbridge.quickbooks.model.Preferences;
import dev.ledgerbridge.quickbooks.model.Purchase;
import dev.ledgerbridge.quickbooks.model.QboEntity;
import dev.ledgerbridge.quickbooks.model.Ref;
import dev.ledgerbridge.quickbooks.model.RefundReceipt;
import dev.ledgerbridge.quickbooks.model.SalesReceipt;
import dev.ledgerbridge.quickbooks.model.TelephoneNumber;
import dev.ledgerbridge.quickbooks.model.Term;
import dev.ledgerbridge.quickbooks.model.Vendor;
import com.intuit.ipp.data.LineDetailTypeEnum;
import com.intuit.ipp.data.PaymentTypeEnum;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every body the QuickBooks client sends must deserialize STRICTLY (unknown property = failure) into Intuit's
 * official data model, read through its JAXB annotations the way Intuit's XSD names the fields.
 */
class IntuitModelConformanceTest {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .addModule(new JaxbAnnotationModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static <T> T strictlyRead(String body, Class<T> intuitType) throws Exception {
        return STRICT.readValue(body, intuitType);
    }

    // ---- every field the client can send ------------------------------------------------------------------------

    @Test
    void shouldAcceptAFullyPopulatedInvoice() throws Exception {
        com.intuit.ipp.data.Invoice parsed = strictlyRead(QboJson.createBody(RecordFiller.filled(Invoice.class)),
                com.intuit.ipp.data.Invoice.class);
        assertEquals("sample-docNumber", parsed.getDocNumber());
        assertEquals(new BigDecimal("1234.50"), parsed.getLine().get(0).getSalesItemLineDetail().getQty());
    }

    @Test
    void shouldAcceptAFullyPopulatedEstimate() throws Exception {
        com.intuit.ipp.data.Estimate parsed = strictlyRead(QboJson.createBody(RecordFiller.filled(Estimate.class)),
                com.intuit.ipp.data.Estimate.class);
        assertEquals("sample-acceptedBy", parsed.getAcceptedBy());
    }

    @Test
    void shouldAcceptAFullyPopulatedSalesReceipt() throws Exception {
        com.intuit.ipp.data.SalesReceipt parsed = strictlyRead(
                QboJson.createBody(RecordFiller.filled(SalesReceipt.class)), com.intuit.ipp.data.SalesReceipt.class);
        assertEquals("sample-value", parsed.getDepositToAccountRef().getValue());
    }

    @Test
    void shouldAcceptAFullyPopulatedRefundReceipt() throws Exception {
        com.intuit.ipp.data.RefundReceipt parsed = strictlyRead(
                QboJson.createBody(RecordFiller.filled(RefundReceipt.class)), com.intuit.ipp.data.RefundReceipt.class);
        assertEquals("sample-paymentRefNum", parsed.getPaymentRefNum());
    }

    @Test
    void shouldAcceptAFullyPopulatedPayment() throws Exception {
        com.intuit.ipp.data.Payment parsed = strictlyRead(QboJson.createBody(RecordFiller.filled(Payment.class)),
                com.intuit.ipp.data.Payment.class);
        assertEquals("sample-txnId", parsed.getLine().get(0).getLinkedTxn().get(0).getTxnId());
    }

    @Test
    void shouldAcceptAFullyPopulatedPurchase() throws Exception {
        com.intuit.ipp.data.Purchase parsed = strictlyRead(QboJson.createBody(RecordFiller.filled(Purchase.class)),
                com.intuit.ipp.data.Purchase.class);
        assertEquals(PaymentTypeEnum.CASH, parsed.getPaymentType());
        assertEquals("Vendor", parsed.getEntityRef().getType());
    }

    @Test
    void shouldAcceptAFullyPopulatedCustomer() throws Exception {
        com.intuit.ipp.data.Customer parsed = strictlyRead(QboJson.createBody(RecordFiller.filled(Customer.class)),
                com.intuit.ipp.data.Customer.class);
        assertEquals("sample-address", parsed.getPrimaryEmailAddr().getAddress());
        assertEquals("sample-freeFormNumber", parsed.getMobile().getFreeFormNumber());
    }

    @Test
    void shouldAcceptAFullyPopulatedItem() throws Exception {
        com.intuit.ipp.data.Item parsed = strictlyRead(QboJson.createBody(RecordFiller.filled(Item.class)),
                com.intuit.ipp.data.Item.class);
        assertEquals("sample-sku", parsed.getSku());
    }

    @Test
    void shouldAcceptFullyPopulatedVendorTermAndAccount() throws Exception {
        strictlyRead(QboJson.createBody(RecordFiller.filled(Vendor.class)), com.intuit.ipp.data.Vendor.class);
        strictlyRead(QboJson.createBody(RecordFiller.filled(Term.class)), com.intuit.ipp.data.Term.class);
        strictlyRead(QboJson.createBody(RecordFiller.filled(Account.class)), com.intuit.ipp.data.Account.class);
    }

    @Test
    void shouldAcceptAFullyPopulatedSparseUpdate() throws Exception {
        com.intuit.ipp.data.Customer parsed = strictlyRead(
                QboJson.sparseUpdateBody(RecordFiller.filled(Customer.class)), com.intuit.ipp.data.Customer.class);
        assertEquals(Boolean.TRUE, parsed.isSparse());
        assertEquals("sample-syncToken", parsed.getSyncToken());

        com.intuit.ipp.data.Invoice invoice = strictlyRead(
                QboJson.sparseUpdateBody(RecordFiller.filled(Invoice.class)), com.intuit.ipp.data.Invoice.class);
        assertEquals(Boolean.TRUE, invoice.isSparse());
    }

    @Test
    void shouldReadOnlyFieldNamesIntuitDefinesForCompanyInfoAndPreferences() throws Exception {
        // The client never sends these two, it reads them; the check proves each name it reads exists in Intuit's
        // model, which confirms the brief's UNCONFIRMED path Preferences.SalesFormsPrefs.CustomTxnNumbers.
        com.intuit.ipp.data.Preferences preferences = strictlyRead(
                QboJson.createBody(RecordFiller.filled(Preferences.class)), com.intuit.ipp.data.Preferences.class);
        com.intuit.ipp.data.CompanyInfo info = strictlyRead(
                QboJson.createBody(RecordFiller.filled(CompanyInfo.class)), com.intuit.ipp.data.CompanyInfo.class);

        assertEquals(Boolean.TRUE, preferences.getSalesFormsPrefs().isCustomTxnNumbers());
        assertEquals(Boolean.TRUE, preferences.getTaxPrefs().isPartnerTaxEnabled());
        assertEquals("sample-country", info.getCountry());
    }

    // ---- realistic bodies of the bridge's flows -------------------------------------------------------------------

    @Test
    void shouldAcceptTheInvoiceTheBridgeCreates() throws Exception {
        Invoice invoice = Invoice.builder()
                .customerRef(Ref.of("58", "Ada Lovelace"))
                .txnDate(LocalDate.of(2026, 3, 2))
                .dueDate(LocalDate.of(2026, 4, 1))
                .salesTermRef(Ref.of("3"))
                .docNumber("HS-18820")
                .billEmail(EmailAddress.of("ada@example.com"))
                .privateNote("hubspot:deal:18820;callback:ap-1-2-3-0")
                .customerMemo(MemoRef.of("Thank you for your business."))
                .lines(List.of(
                        Line.salesItem(Ref.of("21"), new BigDecimal("2"), new BigDecimal("1500.00"), "Onboarding Package",
                                Ref.of("NON")),
                        Line.discountPercent(new BigDecimal("10"), Ref.of("86"))))
                .build();

        com.intuit.ipp.data.Invoice parsed = strictlyRead(QboJson.createBody(invoice), com.intuit.ipp.data.Invoice.class);

        com.intuit.ipp.data.Line line = parsed.getLine().get(0);
        assertEquals(LineDetailTypeEnum.SALES_ITEM_LINE_DETAIL, line.getDetailType());
        assertEquals(new BigDecimal("3000.00"), line.getAmount());
        assertEquals(new BigDecimal("1500.00"), line.getSalesItemLineDetail().getUnitPrice());
        assertEquals("NON", line.getSalesItemLineDetail().getTaxCodeRef().getValue());
        assertEquals(LineDetailTypeEnum.DISCOUNT_LINE_DETAIL, parsed.getLine().get(1).getDetailType());
        assertEquals(Boolean.TRUE, parsed.getLine().get(1).getDiscountLineDetail().isPercentBased());
        assertEquals("Ada Lovelace", parsed.getCustomerRef().getName());
        assertEquals("Thank you for your business.", parsed.getCustomerMemo().getValue());
        assertEquals("HS-18820", parsed.getDocNumber());
    }

    @Test
    void shouldAcceptTheCustomerTheBridgeCreates() throws Exception {
        Customer customer = Customer.builder()
                .displayName("Ada Lovelace").givenName("Ada").familyName("Lovelace")
                .companyName("Analytical Engines LLC")
                .primaryEmailAddr(EmailAddress.of("ada@example.com"))
                .primaryPhone(TelephoneNumber.of("(555) 010-0000"))
                .billAddr(PhysicalAddress.builder().line1("1 Main St").city("Boston").countrySubDivisionCode("MA")
                        .postalCode("02110").country("USA").build())
                .notes("Created by HubSpot bridge from contact 9011")
                .build();

        com.intuit.ipp.data.Customer parsed = strictlyRead(QboJson.createBody(customer), com.intuit.ipp.data.Customer.class);

        assertEquals("Ada Lovelace", parsed.getDisplayName());
        assertEquals("MA", parsed.getBillAddr().getCountrySubDivisionCode());
        assertEquals("(555) 010-0000", parsed.getPrimaryPhone().getFreeFormNumber());
    }

    @Test
    void shouldAcceptTheServiceItemTheBridgeCreates() throws Exception {
        Item item = Item.builder().name("Onboarding Package").type(Item.TYPE_SERVICE).sku("ONB-001")
                .unitPrice(new BigDecimal("1500.00")).description("Synced from HubSpot product 4412")
                .incomeAccountRef(Ref.of("79")).taxable(false).build();

        com.intuit.ipp.data.Item parsed = strictlyRead(QboJson.createBody(item), com.intuit.ipp.data.Item.class);

        assertEquals(com.intuit.ipp.data.ItemTypeEnum.SERVICE, parsed.getType());
        assertEquals(new BigDecimal("1500.00"), parsed.getUnitPrice());
    }

    @Test
    void shouldAcceptThePaymentExpenseAndRefundOfThePaymentFlows() throws Exception {
        Payment payment = Payment.builder().customerRef(Ref.of("58")).totalAmt(new BigDecimal("3000.00"))
                .txnDate(LocalDate.of(2026, 3, 2)).paymentRefNum("hs-pay-553").depositToAccountRef(Ref.of("4"))
                .lines(List.of(Line.payment(new BigDecimal("3000.00"), LinkedTxn.invoice("1207")))).build();
        Purchase fee = Purchase.builder().paymentType(Purchase.PAYMENT_TYPE_CASH).accountRef(Ref.of("35"))
                .entityRef(Ref.typed("61", "Vendor")).txnDate(LocalDate.of(2026, 3, 2))
                .privateNote("Processing fee for HubSpot payment 553")
                .lines(List.of(Line.accountBasedExpense(Ref.of("91"), new BigDecimal("87.30"), null))).build();
        RefundReceipt refund = RefundReceipt.builder().customerRef(Ref.of("58")).depositToAccountRef(Ref.of("35"))
                .txnDate(LocalDate.of(2026, 3, 9)).paymentRefNum("hs-refund-553")
                .lines(List.of(Line.salesItem(Ref.of("21"), new BigDecimal("2"), new BigDecimal("1500.00"), null,
                        Ref.of("NON")))).build();
        SalesReceipt receipt = SalesReceipt.builder().customerRef(Ref.of("58")).txnDate(LocalDate.of(2026, 3, 2))
                .paymentRefNum("hs-pay-554")
                .lines(List.of(Line.salesItem(Ref.of("21"), BigDecimal.ONE, new BigDecimal("99.99"), "Widget"))).build();
        Estimate estimate = Estimate.builder().customerRef(Ref.of("58")).expirationDate(LocalDate.of(2026, 4, 1))
                .lines(List.of(Line.salesItem(Ref.of("21"), BigDecimal.ONE, new BigDecimal("99.99"), "Widget"))).build();

        com.intuit.ipp.data.Payment p = strictlyRead(QboJson.createBody(payment), com.intuit.ipp.data.Payment.class);
        com.intuit.ipp.data.Purchase f = strictlyRead(QboJson.createBody(fee), com.intuit.ipp.data.Purchase.class);
        com.intuit.ipp.data.RefundReceipt r = strictlyRead(QboJson.createBody(refund), com.intuit.ipp.data.RefundReceipt.class);
        strictlyRead(QboJson.createBody(receipt), com.intuit.ipp.data.SalesReceipt.class);
        strictlyRead(QboJson.createBody(estimate), com.intuit.ipp.data.Estimate.class);

        assertEquals("Invoice", p.getLine().get(0).getLinkedTxn().get(0).getTxnType());
        assertEquals(new BigDecimal("3000.00"), p.getTotalAmt());
        assertEquals(LineDetailTypeEnum.ACCOUNT_BASED_EXPENSE_LINE_DETAIL, f.getLine().get(0).getDetailType());
        assertEquals("91", f.getLine().get(0).getAccountBasedExpenseLineDetail().getAccountRef().getValue());
        assertEquals("35", r.getDepositToAccountRef().getValue());
    }

    @Test
    void shouldAcceptTheSparseCustomerUpdate() throws Exception {
        Customer change = Customer.builder().id("58").syncToken("3").notes("HubSpot contact 9011").build();

        com.intuit.ipp.data.Customer parsed = strictlyRead(QboJson.sparseUpdateBody(change), com.intuit.ipp.data.Customer.class);

        assertEquals(Boolean.TRUE, parsed.isSparse());
        assertEquals("58", parsed.getId());
        assertEquals("3", parsed.getSyncToken());
    }

    // ---- the check itself can fail ----------------------------------------------------------------------------------

    @Test
    void shouldRejectABodyWithAMisspelledTopLevelProperty() {
        String body = QboJson.createBody(Invoice.builder().customerRef(Ref.of("58")).build())
                .replace("\"CustomerRef\"", "\"CustomerReference\"");

        UnrecognizedPropertyException e = assertThrows(UnrecognizedPropertyException.class,
                () -> strictlyRead(body, com.intuit.ipp.data.Invoice.class));
        assertEquals("CustomerReference", e.getPropertyName());
    }

    @Test
    void shouldRejectABodyWithAnUnknownNestedProperty() {
        String body = QboJson.createBody(Invoice.builder().lines(List.of(
                Line.salesItem(Ref.of("21"), BigDecimal.ONE, BigDecimal.TEN, null))).build())
                .replace("\"Qty\"", "\"Quantity\"");

        UnrecognizedPropertyException e = assertThrows(UnrecognizedPropertyException.class,
                () -> strictlyRead(body, com.intuit.ipp.data.Invoice.class));
        assertEquals("Quantity", e.getPropertyName());
    }

    @Test
    void shouldRejectAFieldThatExistsOnAnotherEntityOnly() {
        // ExpirationDate is an Estimate field; an Invoice carrying it would be silently ignored by QBO.
        String body = "{\"CustomerRef\":{\"value\":\"58\"},\"ExpirationDate\":\"2026-04-01\"}";

        assertThrows(UnrecognizedPropertyException.class, () -> strictlyRead(body, com.intuit.ipp.data.Invoice.class));
        assertTrue(body.contains("ExpirationDate"));
    }

    @Test
    void shouldCheckEveryEntityTheFillerCanBuild() {
        // Guards the filler itself: a record with an unsupported component type would make the checks above vacuous.
        for (Class<? extends QboEntity> type : List.of(Invoice.class, Estimate.class, SalesReceipt.class,
                RefundReceipt.class, Payment.class, Purchase.class, Customer.class, Item.class, Vendor.class,
                Term.class, Account.class)) {
            String body = QboJson.createBody(RecordFiller.filled(type));
            assertTrue(body.contains("\"MetaData\":{\"CreateTime\""), type.getSimpleName() + ": " + body);
        }
    }
}
