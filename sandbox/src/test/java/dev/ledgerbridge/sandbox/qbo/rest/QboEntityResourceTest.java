package dev.ledgerbridge.sandbox.qbo.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class QboEntityResourceTest extends QboTestSupport {

    private static final String HARDWARE_INVOICE = """
            {"CustomerRef":{"value":"1"},"TxnDate":"2026-03-02","SalesTermRef":{"value":"3"},
             "PrivateNote":"hubspot:deal:303","Line":[{"DetailType":"SalesItemLineDetail","Amount":1049.97,
             "Description":"Hardware Kit","SalesItemLineDetail":{"ItemRef":{"value":"5"},"Qty":3,"UnitPrice":349.99,
             "TaxCodeRef":{"value":"NON"}}}]}
            """;

    private static BigDecimal money(String value) {
        return new BigDecimal(value);
    }

    @Test
    void shouldCreateCustomerWithQboMetadata() {
        create(US, "customer", """
                {"DisplayName":"Grace Kelly","GivenName":"Grace","FamilyName":"Kelly",
                 "PrimaryEmailAddr":{"Address":"grace.kelly@example.com"},
                 "BillAddr":{"Line1":"1 Main St","City":"Boston","Extra":"echoed"}}
                """)
                .statusCode(200)
                .body("Customer.Id", equalTo("6"))
                .body("Customer.SyncToken", equalTo("0"))
                .body("Customer.domain", equalTo("QBO"))
                .body("Customer.sparse", equalTo(false))
                .body("Customer.Active", equalTo(true))
                .body("Customer.MetaData.CreateTime", notNullValue())
                .body("Customer.MetaData.LastUpdatedTime", notNullValue())
                .body("Customer.BillAddr.Extra", equalTo("echoed"))
                .body("time", notNullValue());

        us().get(path(US, "customer/6")).then().statusCode(200).body("Customer.DisplayName", equalTo("Grace Kelly"));
    }

    @Test
    void shouldBuildDisplayNameFromNameParts() {
        create(US, "customer", "{\"GivenName\":\"Mary\",\"FamilyName\":\"Shelley\"}")
                .statusCode(200)
                .body("Customer.DisplayName", equalTo("Mary Shelley"));
    }

    @Test
    void shouldRejectDisplayNameUsedByVendor() {
        create(US, "customer", "{\"DisplayName\":\"Grace Hopper\",\"GivenName\":\"Grace\"}")
                .statusCode(400)
                .body("Fault.type", equalTo("ValidationFault"))
                .body("Fault.Error[0].code", equalTo("6240"))
                .body("Fault.Error[0].Message", equalTo("Duplicate Name Exists Error"))
                .body("Fault.Error[0].Detail", containsString("The name supplied already exists."))
                .body("Fault.Error[0].element", equalTo(""));
    }

    @Test
    void shouldRejectDisplayNameOfInactiveCustomerIgnoringCase() {
        create(US, "customer", "{\"DisplayName\":\"old customer\"}")
                .statusCode(400)
                .body("Fault.Error[0].code", equalTo("6240"));
    }

    @Test
    void shouldRejectVendorNamedLikeCustomer() {
        create(US, "vendor", "{\"DisplayName\":\"Acme Corp\"}")
                .statusCode(400)
                .body("Fault.Error[0].code", equalTo("6240"));
    }

    @Test
    void shouldRejectColonTabOrNewlineInNames() {
        create(US, "customer", "{\"DisplayName\":\"Parent:Child\"}")
                .statusCode(400)
                .body("Fault.Error[0].code", equalTo("6000"))
                .body("Fault.Error[0].element", equalTo("DisplayName"));
        create(US, "item", """
                {"Name":"Bad\\tName","Type":"Service","IncomeAccountRef":{"value":"3"}}
                """).statusCode(400).body("Fault.Error[0].code", equalTo("6000"));
        create(US, "customer", "{\"DisplayName\":\"Ada\",\"FamilyName\":\"Line\\nBreak\"}")
                .statusCode(400).body("Fault.Error[0].element", equalTo("FamilyName"));
    }

    @Test
    void shouldRejectDuplicateItemName() {
        create(US, "item", """
                {"Name":"legacy plan","Type":"Service","IncomeAccountRef":{"value":"3"}}
                """)
                .statusCode(400)
                .body("Fault.Error[0].code", equalTo("6240"));
    }

    @Test
    void shouldRequireItemNameAndIncomeAccount() {
        create(US, "item", "{\"Type\":\"Service\",\"IncomeAccountRef\":{\"value\":\"3\"}}")
                .statusCode(400)
                .body("Fault.Error[0].code", equalTo("2020"))
                .body("Fault.Error[0].element", equalTo("Name"));
        create(US, "item", "{\"Name\":\"Consulting\",\"Type\":\"Service\"}")
                .statusCode(400)
                .body("Fault.Error[0].code", equalTo("2020"))
                .body("Fault.Error[0].element", equalTo("IncomeAccountRef"));
    }

    @Test
    void shouldCreateItemWithExactPrice() {
        create(US, "item", """
                {"Name":"Custom Integration","Sku":"CUS-INT","Type":"Service","UnitPrice":5000.00,
                 "IncomeAccountRef":{"value":"3"}}
                """)
                .statusCode(200)
                .body("Item.Id", equalTo("7"))
                .body("Item.UnitPrice", equalTo(money("5000.00")))
                .body("Item.IncomeAccountRef.name", equalTo("Services"))
                .body("Item.FullyQualifiedName", equalTo("Custom Integration"));
    }

    @Test
    void shouldRejectUnknownTopLevelProperty() {
        create(US, "customer", "{\"DisplayName\":\"Someone\",\"Nickname\":\"x\"}")
                .statusCode(400)
                .body("Fault.Error[0].code", equalTo("2010"))
                .body("Fault.Error[0].element", equalTo("Nickname"));
    }

    @Test
    void shouldRejectMalformedJsonWithFault() {
        create(US, "customer", "{\"DisplayName\":")
                .statusCode(400)
                .body("Fault.type", equalTo("ValidationFault"))
                .body("Fault.Error[0].code", equalTo("2010"));
        create(US, "customer", "[1,2]").statusCode(400).body("Fault.Error[0].code", equalTo("2010"));
    }

    @Test
    void shouldComputeInvoiceTotalsNumberAndDueDate() {
        create(US, "invoice", HARDWARE_INVOICE)
                .statusCode(200)
                .body("Invoice.Id", equalTo("130"))
                .body("Invoice.DocNumber", equalTo("1001"))
                .body("Invoice.TotalAmt", equalTo(money("1049.97")))
                .body("Invoice.Balance", equalTo(money("1049.97")))
                .body("Invoice.DueDate", equalTo("2026-04-01"))
                .body("Invoice.CustomerRef.name", equalTo("Ada Lovelace"))
                .body("Invoice.BillEmail.Address", equalTo("ada@example.com"))
                .body("Invoice.Line", hasSize(2))
                .body("Invoice.Line[0].Id", equalTo("1"))
                .body("Invoice.Line[0].SalesItemLineDetail.ItemRef.name", equalTo("Hardware Kit"))
                .body("Invoice.Line[1].DetailType", equalTo("SubTotalLineDetail"))
                .body("Invoice.Line[1].Amount", equalTo(money("1049.97")))
                .body("Invoice.PrivateNote", equalTo("hubspot:deal:303"));
        create(US, "invoice", HARDWARE_INVOICE).statusCode(200).body("Invoice.DocNumber", equalTo("1002"));
    }

    @Test
    void shouldDefaultDueDateToTxnDateWithoutTerms() {
        create(US, "invoice", """
                {"CustomerRef":{"value":"3"},"TxnDate":"2026-03-02","Line":[{"DetailType":"SalesItemLineDetail",
                 "Amount":150.00,"SalesItemLineDetail":{"ItemRef":{"value":"3"},"Qty":1,"UnitPrice":150.00}}]}
                """)
                .statusCode(200)
                .body("Invoice.DueDate", equalTo("2026-03-02"));
    }

    @Test
    void shouldRejectAmountThatIsNotQtyTimesUnitPrice() {
        create(US, "invoice", HARDWARE_INVOICE.replace("1049.97", "1049.98"))
                .statusCode(400)
                .body("Fault.Error[0].code", equalTo("6070"))
                .body("Fault.Error[0].Message", equalTo("Amount is not equal to UnitPrice * Qty"));
    }

    @Test
    void shouldRequireCustomerRefAndLines() {
        create(US, "invoice", HARDWARE_INVOICE.replace("\"CustomerRef\":{\"value\":\"1\"},", ""))
                .statusCode(400)
                .body("Fault.Error[0].code", equalTo("2020"))
                .body("Fault.Error[0].element", equalTo("CustomerRef"));
        create(US, "invoice", "{\"CustomerRef\":{\"value\":\"1\"},\"Line\":[]}")
                .statusCode(400)
                .body("Fault.Error[0].code", equalTo("2020"))
                .body("Fault.Error[0].element", equalTo("Line"));
    }

    @Test
    void shouldRejectUnknownOrInactiveReferences() {
        create(US, "invoice", HARDWARE_INVOICE.replace("{\"value\":\"5\"}", "{\"value\":\"999\"}"))
                .statusCode(400)
                .body("Fault.Error[0].code", equalTo("610"))
                .body("Fault.Error[0].Message", equalTo("Object Not Found"));
        create(US, "invoice", HARDWARE_INVOICE.replace("\"Amount\":1049.97", "\"Amount\":297.00")
                .replace("{\"value\":\"5\"}", "{\"value\":\"6\"}").replace("349.99", "99.00"))
                .statusCode(400)
                .body("Fault.Error[0].code", equalTo("610"));
        create(US, "invoice", HARDWARE_INVOICE.replace("{\"value\":\"1\"},\"TxnDate\"", "{\"value\":\"4\"},\"TxnDate\""))
                .statusCode(400)
                .body("Fault.Error[0].code", equalTo("610"))
                .body("Fault.Error[0].element", equalTo("CustomerRef"));
        create(US, "invoice", HARDWARE_INVOICE.replace("{\"value\":\"3\"},\n", "{\"value\":\"77\"},\n"))
                .statusCode(400)
                .body("Fault.Error[0].element", equalTo("SalesTermRef"));
    }

    @Test
    void shouldApplySparseUpdateAndRejectStaleSyncToken() {
        create(US, "invoice", HARDWARE_INVOICE).statusCode(200);

        post(US, "invoice", "{\"Id\":\"130\",\"SyncToken\":\"0\",\"sparse\":true,\"PrivateNote\":\"changed\"}")
                .statusCode(200)
                .body("Invoice.SyncToken", equalTo("1"))
                .body("Invoice.PrivateNote", equalTo("changed"))
                .body("Invoice.TotalAmt", equalTo(money("1049.97")))
                .body("Invoice.DocNumber", equalTo("1001"));
        post(US, "invoice", "{\"Id\":\"130\",\"SyncToken\":\"0\",\"sparse\":true,\"PrivateNote\":\"again\"}")
                .statusCode(400)
                .body("Fault.Error[0].code", equalTo("5010"))
                .body("Fault.Error[0].Message", equalTo("Stale Object Error"));
    }

    @Test
    void shouldInactivateItemWithSparseUpdate() {
        post(US, "item", "{\"Id\":\"1\",\"SyncToken\":\"0\",\"sparse\":true,\"Active\":false}")
                .statusCode(200)
                .body("Item.Active", equalTo(false))
                .body("Item.Name", equalTo("Onboarding Package"));

        query(US, "select * from Item where Sku = 'ONB-001'").statusCode(200).body("QueryResponse.Item", nullValue());
    }

    @Test
    void shouldLeaveDocNumberEmptyAndRefuseDuplicatesWhenCustomNumbersAreOn() {
        post(US, "preferences", "{\"Id\":\"1\",\"SyncToken\":\"0\",\"sparse\":true,"
                + "\"SalesFormsPrefs\":{\"CustomTxnNumbers\":true}}")
                .statusCode(200)
                .body("Preferences.SalesFormsPrefs.CustomTxnNumbers", equalTo(true))
                .body("Preferences.SalesFormsPrefs.AllowDiscount", equalTo(true));

        create(US, "invoice", HARDWARE_INVOICE).statusCode(200).body("Invoice.DocNumber", nullValue());
        String numbered = HARDWARE_INVOICE.replace("\"TxnDate\"", "\"DocNumber\":\"HS-303\",\"TxnDate\"");
        create(US, "invoice", numbered).statusCode(200).body("Invoice.DocNumber", equalTo("HS-303"));
        create(US, "invoice", numbered)
                .statusCode(400)
                .body("Fault.Error[0].code", equalTo("6140"))
                .body("Fault.Error[0].Message", equalTo("Duplicate Document Number Error"));
        create(US, "invoice", HARDWARE_INVOICE.replace("\"TxnDate\"", "\"DocNumber\":\"AUTO_GENERATE\",\"TxnDate\""))
                .statusCode(200)
                .body("Invoice.DocNumber", equalTo("1001"));
    }

    @Test
    void shouldLinkPaymentToInvoiceAndDropItsBalance() {
        create(US, "invoice", HARDWARE_INVOICE).statusCode(200);

        create(US, "payment", """
                {"CustomerRef":{"value":"1"},"TotalAmt":1000.00,"PaymentRefNum":"hs-pay-602",
                 "Line":[{"Amount":1000.00,"LinkedTxn":[{"TxnId":"130","TxnType":"Invoice"}]}]}
                """)
                .statusCode(200)
                .body("Payment.Id", equalTo("131"))
                .body("Payment.UnappliedAmt", equalTo(money("0.00")))
                .body("Payment.DepositToAccountRef.name", equalTo("Undeposited Funds"));

        us().get(path(US, "invoice/130")).then()
                .statusCode(200)
                .body("Invoice.Balance", equalTo(money("49.97")))
                .body("Invoice.SyncToken", equalTo("1"))
                .body("Invoice.LinkedTxn[0].TxnId", equalTo("131"))
                .body("Invoice.LinkedTxn[0].TxnType", equalTo("Payment"));
        us().get(path(US, "customer/1")).then().body("Customer.Balance", equalTo(money("49.97")));
        create(US, "payment", """
                {"CustomerRef":{"value":"1"},"TotalAmt":100.00,
                 "Line":[{"Amount":100.00,"LinkedTxn":[{"TxnId":"130","TxnType":"Invoice"}]}]}
                """)
                .statusCode(400)
                .body("Fault.Error[0].code", equalTo("6000"));
    }

    @Test
    void shouldRefuseAPaymentForAMissingInvoiceOrBeyondItsBalanceAndLeaveTheBalance() {
        create(US, "invoice", HARDWARE_INVOICE).statusCode(200);
        String payment = """
                {"CustomerRef":{"value":"1"},"TotalAmt":%s,
                 "Line":[{"Amount":%s,"LinkedTxn":[{"TxnId":"%s","TxnType":"Invoice"}]}]}
                """;

        create(US, "payment", payment.formatted("10.00", "10.00", "999"))
                .statusCode(400)
                .body("Fault.Error[0].code", equalTo("610"))
                .body("Fault.Error[0].element", equalTo("Line.LinkedTxn.TxnId"));
        create(US, "payment", payment.formatted("1049.98", "1049.98", "130"))
                .statusCode(400)
                .body("Fault.Error[0].code", equalTo("6000"))
                .body("Fault.Error[0].element", equalTo("Line.Amount"));
        us().get(path(US, "invoice/130")).then()
                .body("Invoice.Balance", equalTo(money("1049.97")))
                .body("Invoice.LinkedTxn", hasSize(0));

        create(US, "payment", payment.formatted("1049.97", "1049.97", "130")).statusCode(200);
        us().get(path(US, "invoice/130")).then().body("Invoice.Balance", equalTo(money("0.00")));
    }

    @Test
    void shouldRefuseAPaymentDepositedToANonAssetAccountOrWithAnOverlongReference() {
        create(US, "invoice", HARDWARE_INVOICE).statusCode(200);
        String payment = """
                {"CustomerRef":{"value":"1"},"TotalAmt":100.00,%s
                 "Line":[{"Amount":100.00,"LinkedTxn":[{"TxnId":"130","TxnType":"Invoice"}]}]}
                """;

        create(US, "payment", payment.formatted("\"DepositToAccountRef\":{\"value\":\"3\"},"))
                .statusCode(400)
                .body("Fault.Error[0].code", equalTo("6000"))
                .body("Fault.Error[0].element", equalTo("DepositToAccountRef"));
        create(US, "payment", payment.formatted("\"PaymentRefNum\":\"pi_3QxYz1234567890abcd\","))
                .statusCode(400)
                .body("Fault.Error[0].code", equalTo("6000"))
                .body("Fault.Error[0].element", equalTo("PaymentRefNum"));
        create(US, "payment", payment.formatted("\"DepositToAccountRef\":{\"value\":\"1\"},"
                        + "\"PaymentRefNum\":\"pi_3QxYz1234567890abc\","))
                .statusCode(200)
                .body("Payment.DepositToAccountRef.name", equalTo("Checking"))
                .body("Payment.PaymentRefNum", equalTo("pi_3QxYz1234567890abc"));
        us().get(path(US, "invoice/130")).then().body("Invoice.Balance", equalTo(money("949.97")));
    }

    @Test
    void shouldRestoreInvoiceBalanceWhenPaymentIsDeleted() {
        create(US, "invoice", HARDWARE_INVOICE).statusCode(200);
        create(US, "payment", """
                {"CustomerRef":{"value":"1"},"TotalAmt":1049.97,
                 "Line":[{"Amount":1049.97,"LinkedTxn":[{"TxnId":"130","TxnType":"Invoice"}]}]}
                """).statusCode(200);
        us().get(path(US, "invoice/130")).then().body("Invoice.Balance", equalTo(money("0.00")));

        post(US, "payment?operation=delete", "{\"Id\":\"131\",\"SyncToken\":\"0\"}")
                .statusCode(200)
                .body("Payment.status", equalTo("Deleted"))
                .body("Payment.Id", equalTo("131"));

        us().get(path(US, "invoice/130")).then()
                .body("Invoice.Balance", equalTo(money("1049.97")))
                .body("Invoice.LinkedTxn", hasSize(0));
        us().get(path(US, "payment/131")).then().statusCode(400).body("Fault.Error[0].code", equalTo("610"));
    }

    @Test
    void shouldRefuseDeletingNameListEntities() {
        post(US, "customer?operation=delete", "{\"Id\":\"1\",\"SyncToken\":\"0\"}")
                .statusCode(400)
                .body("Fault.Error[0].code", equalTo("500"));
    }

    @Test
    void shouldCreateSalesReceiptIntoUndepositedFunds() {
        create(US, "salesreceipt", """
                {"CustomerRef":{"value":"2"},"Line":[{"DetailType":"SalesItemLineDetail","Amount":1500.00,
                 "SalesItemLineDetail":{"ItemRef":{"value":"3"},"Qty":10,"UnitPrice":150.00}}]}
                """)
                .statusCode(200)
                .body("SalesReceipt.TotalAmt", equalTo(money("1500.00")))
                .body("SalesReceipt.Balance", equalTo(money("0.00")))
                .body("SalesReceipt.DocNumber", equalTo("1001"))
                .body("SalesReceipt.TxnDate", notNullValue())
                .body("SalesReceipt.DepositToAccountRef.value", equalTo("2"));
    }

    @Test
    void shouldServeSeededPaymentMethodsAndCheckASalesReceiptsPaymentMethod() {
        query(US, "select * from PaymentMethod where Id = '3'")
                .statusCode(200)
                .body("QueryResponse.PaymentMethod[0].Name", equalTo("Visa"))
                .body("QueryResponse.PaymentMethod[0].Type", equalTo("CREDIT_CARD"));
        String receipt = """
                {"CustomerRef":{"value":"2"},"DepositToAccountRef":{"value":"1"},"PaymentMethodRef":{"value":"%s"},
                 "Line":[{"DetailType":"SalesItemLineDetail","Amount":150.00,
                 "SalesItemLineDetail":{"ItemRef":{"value":"3"},"Qty":1,"UnitPrice":150.00}}]}
                """;

        create(US, "salesreceipt", receipt.formatted("3"))
                .statusCode(200)
                .body("SalesReceipt.PaymentMethodRef.name", equalTo("Visa"))
                .body("SalesReceipt.DepositToAccountRef.name", equalTo("Checking"));
        create(US, "salesreceipt", receipt.formatted("99"))
                .statusCode(400)
                .body("Fault.Error[0].code", equalTo("610"));
    }

    @Test
    void shouldCreateEstimateAsPending() {
        create(US, "estimate", HARDWARE_INVOICE.replace("\"SalesTermRef\":{\"value\":\"3\"},", ""))
                .statusCode(200)
                .body("Estimate.TxnStatus", equalTo("Pending"))
                .body("Estimate.TotalAmt", equalTo(money("1049.97")));
    }

    @Test
    void shouldRequireRefundAccountOfBankOrCurrentAssetType() {
        String refund = """
                {"CustomerRef":{"value":"3"},%s"Line":[{"DetailType":"SalesItemLineDetail","Amount":349.99,
                 "SalesItemLineDetail":{"ItemRef":{"value":"5"},"Qty":1,"UnitPrice":349.99}}]}
                """;
        create(US, "refundreceipt", refund.formatted(""))
                .statusCode(400)
                .body("Fault.Error[0].code", equalTo("2020"))
                .body("Fault.Error[0].element", equalTo("DepositToAccountRef"));
        create(US, "refundreceipt", refund.formatted("\"DepositToAccountRef\":{\"value\":\"5\"},"))
                .statusCode(400)
                .body("Fault.Error[0].code", equalTo("6000"));
        create(US, "refundreceipt", refund.formatted("\"DepositToAccountRef\":{\"value\":\"1\"},"))
                .statusCode(200)
                .body("RefundReceipt.TotalAmt", equalTo(money("349.99")))
                .body("RefundReceipt.DepositToAccountRef.name", equalTo("Checking"));
    }

    @Test
    void shouldBookPurchaseAndCheckTotal() {
        String purchase = """
                {"PaymentType":"Cash","AccountRef":{"value":"1"},"EntityRef":{"value":"2","type":"Vendor"},%s
                 "PrivateNote":"Processing fee for HubSpot payment 603",
                 "Line":[{"DetailType":"AccountBasedExpenseLineDetail","Amount":43.80,
                   "AccountBasedExpenseLineDetail":{"AccountRef":{"value":"5"}}}]}
                """;
        create(US, "purchase", purchase.formatted("\"TotalAmt\":43.81,"))
                .statusCode(400)
                .body("Fault.Error[0].code", equalTo("6000"))
                .body("Fault.Error[0].element", equalTo("TotalAmt"));
        create(US, "purchase", purchase.formatted(""))
                .statusCode(200)
                .body("Purchase.TotalAmt", equalTo(money("43.80")))
                .body("Purchase.EntityRef.name", equalTo("HubSpot Payments"))
                .body("Purchase.Line[0].AccountBasedExpenseLineDetail.AccountRef.name",
                        equalTo("Payment Processing Fees"));
        create(US, "purchase", purchase.formatted("").replace("\"AccountRef\":{\"value\":\"1\"},", ""))
                .statusCode(400)
                .body("Fault.Error[0].code", equalTo("2020"))
                .body("Fault.Error[0].element", equalTo("AccountRef"));
        create(US, "purchase", purchase.formatted("").replace("\"PaymentType\":\"Cash\",", ""))
                .statusCode(400)
                .body("Fault.Error[0].element", equalTo("PaymentType"));
    }

    @Test
    void shouldPayCashPurchasesFromABankAccountOnlyAndCardPurchasesFromACardAccount() {
        String purchase = """
                {"PaymentType":"%s","AccountRef":{"value":"%s"},"EntityRef":{"value":"2","type":"Vendor"},
                 "Line":[{"DetailType":"AccountBasedExpenseLineDetail","Amount":43.80,
                   "AccountBasedExpenseLineDetail":{"AccountRef":{"value":"5"}}}]}
                """;

        for (String notBank : List.of("2", "3", "5", "6")) {
            create(US, "purchase", purchase.formatted("Cash", notBank))
                    .statusCode(400)
                    .body("Fault.Error[0].code", equalTo("6000"))
                    .body("Fault.Error[0].element", equalTo("AccountRef"));
        }
        create(US, "purchase", purchase.formatted("CreditCard", "1"))
                .statusCode(400)
                .body("Fault.Error[0].element", equalTo("AccountRef"));
        create(US, "purchase", purchase.formatted("CreditCard", "6"))
                .statusCode(200)
                .body("Purchase.AccountRef.name", equalTo("Company Card"))
                .body("Purchase.TotalAmt", equalTo(money("43.80")));
    }

    @Test
    void shouldAnswerObjectNotFoundForUnknownId() {
        us().get(path(US, "invoice/4242")).then()
                .statusCode(400)
                .body("Fault.Error[0].code", equalTo("610"));
    }

    @Test
    void shouldServeCompanyInfoAndPreferences() {
        us().get(path(US, "companyinfo/" + US)).then()
                .statusCode(200)
                .body("CompanyInfo.CompanyName", equalTo("Ledger Demo US Inc."))
                .body("CompanyInfo.Country", equalTo("US"));
        api(CA).get(path(CA, "companyinfo/" + CA)).then()
                .statusCode(200)
                .body("CompanyInfo.CompanyName", equalTo("Maple Demo Ltd."))
                .body("CompanyInfo.Country", equalTo("CA"));
        us().get(path(US, "preferences")).then()
                .statusCode(200)
                .body("Preferences.SalesFormsPrefs.CustomTxnNumbers", equalTo(false))
                .body("Preferences.CurrencyPrefs.HomeCurrency.value", equalTo("USD"));
    }

    @Test
    void shouldOfferAuditsToTheAdminLayer() {
        create(US, "invoice", HARDWARE_INVOICE).statusCode(200);
        create(US, "salesreceipt", """
                {"PrivateNote":"other","Line":[{"DetailType":"SalesItemLineDetail","Amount":150.00,
                 "SalesItemLineDetail":{"ItemRef":{"value":"3"},"Qty":1,"UnitPrice":150.00}}]}
                """).statusCode(200);

        org.junit.jupiter.api.Assertions.assertEquals(1,
                store.countDocuments(US).get(dev.ledgerbridge.sandbox.qbo.QboEntityType.INVOICE));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("130"),
                store.documentsWithPrivateNoteContaining(US, "deal:303").stream()
                        .map(d -> d.entity().get("Id").asText()).toList());
    }

    @Test
    void shouldRejectUnknownEntityPath() {
        create(US, "widget", "{}").statusCode(400).body("Fault.Error[0].code", equalTo("500"));
        query(US, "select * from Item where Name = 'Support Hours'")
                .body("QueryResponse.Item.Name", contains("Support Hours"));
    }
}
