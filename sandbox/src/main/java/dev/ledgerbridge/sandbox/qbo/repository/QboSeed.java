package dev.ledgerbridge.sandbox.qbo.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ledgerbridge.sandbox.qbo.QboEntityType;
import dev.ledgerbridge.sandbox.qbo.QboTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The seed companies of seed.md: the US company 9130350000000001, the Canadian 9130350000000002 and a second US
 * company 9130350000000003 (seeded like the first, so two US companies can run different settings side by side). Seeded rows
 * are dated 60 days before the reset, so a CDC window (at most 30 days) only ever shows what tests changed.
 */
public final class QboSeed {

    /** The US demo company (contract.md). */
    public static final String US_REALM = "9130350000000001";
    /** The Canadian demo company (contract.md). */
    public static final String CA_REALM = "9130350000000002";
    /** A second US company, seeded like the first (issue 4: two companies with different matching settings). */
    public static final String US2_REALM = "9130350000000003";

    private static final String ACCOUNTS = """
            [{"Name":"Checking","AccountType":"Bank","AccountSubType":"Checking","Classification":"Asset"},
             {"Name":"Undeposited Funds","AccountType":"Other Current Asset","AccountSubType":"UndepositedFunds",
              "Classification":"Asset"},
             {"Name":"Services","AccountType":"Income","AccountSubType":"ServiceFeeIncome","Classification":"Revenue"},
             {"Name":"Sales of Product Income","AccountType":"Income","AccountSubType":"SalesOfProductIncome",
              "Classification":"Revenue"},
             {"Name":"Payment Processing Fees","AccountType":"Expense","AccountSubType":"BankCharges",
              "Classification":"Expense"},
             {"Name":"Company Card","AccountType":"Credit Card","AccountSubType":"CreditCard",
              "Classification":"Liability"}]
            """;

    private static final String TERMS = """
            [{"Name":"Due on receipt","Type":"STANDARD","DueDays":0,"DiscountDays":0,"DiscountPercent":0},
             {"Name":"Net 15","Type":"STANDARD","DueDays":15,"DiscountDays":0,"DiscountPercent":0},
             {"Name":"Net 30","Type":"STANDARD","DueDays":30,"DiscountDays":0,"DiscountPercent":0},
             {"Name":"Net 60","Type":"STANDARD","DueDays":60,"DiscountDays":0,"DiscountPercent":0}]
            """;

    // QBO gives every new company a list of payment methods; these are the first four (sales receipts, A3/A5).
    private static final String PAYMENT_METHODS = """
            [{"Name":"Cash","Type":"NON_CREDIT_CARD"},
             {"Name":"Check","Type":"NON_CREDIT_CARD"},
             {"Name":"Visa","Type":"CREDIT_CARD"},
             {"Name":"MasterCard","Type":"CREDIT_CARD"}]
            """;

    private static final String US_VENDORS = """
            [{"DisplayName":"Grace Hopper","GivenName":"Grace","FamilyName":"Hopper","PrintOnCheckName":"Grace Hopper",
              "Balance":0.00,"Vendor1099":false},
             {"DisplayName":"HubSpot Payments","CompanyName":"HubSpot Payments","PrintOnCheckName":"HubSpot Payments",
              "Balance":0.00,"Vendor1099":false}]
            """;

    private static final String US_CUSTOMERS = """
            [{"DisplayName":"Ada Lovelace","GivenName":"Ada","FamilyName":"Lovelace","PrintOnCheckName":"Ada Lovelace",
              "PrimaryEmailAddr":{"Address":"ada@example.com"},"Balance":0.00,"BalanceWithJobs":0.00,"Job":false,
              "BillWithParent":false,"Taxable":false,"PreferredDeliveryMethod":"Print"},
             {"DisplayName":"Patrick O'Brien","GivenName":"Patrick","FamilyName":"O'Brien",
              "PrintOnCheckName":"Patrick O'Brien","PrimaryEmailAddr":{"Address":"pobrien@example.com"},"Balance":0.00,
              "BalanceWithJobs":0.00,"Job":false,"BillWithParent":false,"Taxable":false,"PreferredDeliveryMethod":"Print"},
             {"DisplayName":"Acme Corp","CompanyName":"Acme Corp","PrintOnCheckName":"Acme Corp",
              "PrimaryEmailAddr":{"Address":"billing@acme.example"},"Balance":0.00,"BalanceWithJobs":0.00,"Job":false,
              "BillWithParent":false,"Taxable":false,"PreferredDeliveryMethod":"Print"},
             {"DisplayName":"Old Customer","GivenName":"Old","FamilyName":"Customer","PrintOnCheckName":"Old Customer",
              "PrimaryEmailAddr":{"Address":"old@example.com"},"Active":false,"Balance":0.00,"BalanceWithJobs":0.00,
              "Job":false,"BillWithParent":false,"Taxable":false,"PreferredDeliveryMethod":"Print"},
             {"DisplayName":"Seán O'Brien-Łukasz","GivenName":"Seán","FamilyName":"O'Brien-Łukasz",
              "PrintOnCheckName":"Seán O'Brien-Łukasz","PrimaryEmailAddr":{"Address":"sean@example.com"},"Balance":0.00,
              "BalanceWithJobs":0.00,"Job":false,"BillWithParent":false,"Taxable":false,"PreferredDeliveryMethod":"Print"}]
            """;

    private static final String CA_CUSTOMERS = """
            [{"DisplayName":"Ada Lovelace","GivenName":"Ada","FamilyName":"Lovelace","PrintOnCheckName":"Ada Lovelace",
              "PrimaryEmailAddr":{"Address":"ada@example.com"},"Balance":0.00,"BalanceWithJobs":0.00,"Job":false,
              "BillWithParent":false,"Taxable":false,"PreferredDeliveryMethod":"Print"}]
            """;

    private static final String US_ITEMS = """
            [{"Name":"Onboarding Package","Sku":"ONB-001","Type":"Service","UnitPrice":1500.00,
              "IncomeAccountRef":{"value":"3","name":"Services"}},
             {"Name":"Annual Subscription","Sku":"SUB-ANNUAL","Type":"Service","UnitPrice":12000.00,
              "IncomeAccountRef":{"value":"3","name":"Services"}},
             {"Name":"Support Hours","Sku":"SUP-HR","Type":"Service","UnitPrice":150.00,
              "IncomeAccountRef":{"value":"3","name":"Services"}},
             {"Name":"Training Day","Sku":"TRN-DAY","Type":"Service","UnitPrice":2000.00,
              "IncomeAccountRef":{"value":"3","name":"Services"}},
             {"Name":"Hardware Kit","Sku":"HW-KIT","Type":"NonInventory","UnitPrice":349.99,
              "IncomeAccountRef":{"value":"4","name":"Sales of Product Income"}},
             {"Name":"Legacy Plan","Sku":"LEG-001","Type":"Service","UnitPrice":99.00,"Active":false,
              "IncomeAccountRef":{"value":"3","name":"Services"}}]
            """;

    private static final String CA_ITEMS = """
            [{"Name":"Onboarding Package","Sku":"ONB-001","Type":"Service","UnitPrice":1500.00,
              "IncomeAccountRef":{"value":"3","name":"Services"}},
             {"Name":"Support Hours","Sku":"SUP-HR","Type":"Service","UnitPrice":150.00,
              "IncomeAccountRef":{"value":"3","name":"Services"}}]
            """;

    private static final String US_COMPANY = """
            {"CompanyName":"Ledger Demo US Inc.","LegalName":"Ledger Demo US Inc.",
             "CompanyAddr":{"Id":"1","Line1":"2700 Coast Ave","City":"Mountain View","CountrySubDivisionCode":"CA",
               "PostalCode":"94043","Country":"US"},
             "LegalAddr":{"Id":"1","Line1":"2700 Coast Ave","City":"Mountain View","CountrySubDivisionCode":"CA",
               "PostalCode":"94043","Country":"US"},
             "Email":{"Address":"owner@ledgerdemo.example"},"Country":"US","CompanyStartDate":"2026-01-01",
             "FiscalYearStartMonth":"January","SupportedLanguages":"en","DefaultTimeZone":"America/Los_Angeles",
             "NameValue":[{"Name":"OfferingSku","Value":"QuickBooks Online Plus"},
               {"Name":"NeoEnabled","Value":"true"}]}
            """;

    private static final String CA_COMPANY = """
            {"CompanyName":"Maple Demo Ltd.","LegalName":"Maple Demo Ltd.",
             "CompanyAddr":{"Id":"1","Line1":"100 King St W","City":"Toronto","CountrySubDivisionCode":"ON",
               "PostalCode":"M5X 1A9","Country":"CA"},
             "LegalAddr":{"Id":"1","Line1":"100 King St W","City":"Toronto","CountrySubDivisionCode":"ON",
               "PostalCode":"M5X 1A9","Country":"CA"},
             "Email":{"Address":"owner@mapledemo.example"},"Country":"CA","CompanyStartDate":"2026-01-01",
             "FiscalYearStartMonth":"January","SupportedLanguages":"en,fr","DefaultTimeZone":"America/Toronto",
             "NameValue":[{"Name":"OfferingSku","Value":"QuickBooks Online Plus"}]}
            """;

    private static final String PREFERENCES = """
            {"AccountingInfoPrefs":{"TrackDepartments":false,"ClassTrackingPerTxn":false,
               "CustomerTerminology":"Customers"},
             "ProductAndServicesPrefs":{"ForSales":true,"ForPurchase":true,"QuantityWithPriceAndRate":true,
               "QuantityOnHand":true},
             "SalesFormsPrefs":{"CustomTxnNumbers":false,"AllowDeposit":false,"AllowDiscount":true,
               "AllowEstimates":true,"AllowShipping":false,
               "ETransactionEnabledStatus":"NotApplicable"},
             "CurrencyPrefs":{"MultiCurrencyEnabled":false,"HomeCurrency":{"value":"%s"}},
             "TaxPrefs":{"UsingSalesTax":true,"PartnerTaxEnabled":%s}}
            """;

    private QboSeed() {
    }

    /** Builds the seed companies afresh. */
    public static java.util.List<QboCompany> companies(ObjectMapper mapper, Instant now) {
        Instant seededAt = now.minus(Duration.ofDays(60));
        QboCompany us = new QboCompany(US_REALM, ZoneId.of("America/Los_Angeles"));
        QboCompany ca = new QboCompany(CA_REALM, ZoneId.of("America/Toronto"));
        QboCompany us2 = new QboCompany(US2_REALM, ZoneId.of("America/Los_Angeles"));
        ObjectReader reader = dev.ledgerbridge.sandbox.qbo.QboJson.reader(mapper);
        seed(reader, us, seededAt, US_COMPANY, "USD", true, US_VENDORS, US_CUSTOMERS, US_ITEMS);
        seed(reader, ca, seededAt, CA_COMPANY, "CAD", false, "[]", CA_CUSTOMERS, CA_ITEMS);
        seed(reader, us2, seededAt, US_COMPANY.replace("Ledger Demo US Inc.", "Ledger Demo US West LLC"), "USD", true,
                US_VENDORS, US_CUSTOMERS, US_ITEMS);
        return java.util.List.of(us, ca, us2);
    }

    /**
     * Adds {@code count} active Service items to the company, named {@code "<prefix> Item 00001"} with SKU
     * {@code "<prefix>-00001"}, numbered on from the items with that prefix already there, so a test can give a
     * company a catalogue of realistic size (e.g. 5,000 items for the mirror's initial load). Caller holds the
     * company's lock. Returns how many items the company has afterwards.
     */
    public static int addItems(QboCompany company, Instant at, int count, String prefix) {
        String namePrefix = prefix + " Item ";
        int first = 1 + (int) company.all(QboEntityType.ITEM).stream()
                .filter(item -> item.path("Name").asText().startsWith(namePrefix)).count();
        com.fasterxml.jackson.databind.node.JsonNodeFactory nodes =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        for (int n = first; n < first + count; n++) {
            String number = String.format("%05d", n);
            ObjectNode item = nodes.objectNode();
            item.put("Name", namePrefix + number);
            item.put("Sku", prefix + "-" + number);
            item.put("Type", "Service");
            item.put("Description", "Seeded item " + number);
            item.put("UnitPrice", new java.math.BigDecimal(10 + n % 90 + ".50"));
            item.put("Taxable", false);
            item.putObject("IncomeAccountRef").put("value", "3").put("name", "Services");
            add(company, at, QboEntityType.ITEM, item);
        }
        return company.all(QboEntityType.ITEM).size();
    }

    private static void seed(ObjectReader reader, QboCompany company, Instant at, String companyInfo,
            String currency, boolean partnerTax, String vendors, String customers, String items) {
        try {
            addAll(reader, company, at, QboEntityType.ACCOUNT, ACCOUNTS);
            addAll(reader, company, at, QboEntityType.TERM, TERMS);
            addAll(reader, company, at, QboEntityType.PAYMENT_METHOD, PAYMENT_METHODS);
            addAll(reader, company, at, QboEntityType.VENDOR, vendors);
            addAll(reader, company, at, QboEntityType.CUSTOMER, customers);
            addAll(reader, company, at, QboEntityType.ITEM, items);
            add(company, at, QboEntityType.COMPANY_INFO, (ObjectNode) reader.readTree(companyInfo));
            add(company, at, QboEntityType.PREFERENCES,
                    (ObjectNode) reader.readTree(PREFERENCES.formatted(currency, partnerTax)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("QBO seed JSON is broken", e);
        }
    }

    private static void addAll(ObjectReader reader, QboCompany company, Instant at, QboEntityType type,
            String json) throws JsonProcessingException {
        for (var node : reader.readTree(json)) {
            add(company, at, type, (ObjectNode) node);
        }
    }

    private static void add(QboCompany company, Instant at, QboEntityType type, ObjectNode entity) {
        ObjectNode result = entity.objectNode();
        result.put("Id", company.nextId(type));
        result.put("SyncToken", "0");
        String stamp = QboTime.metaData(at, company.zone());
        result.putObject("MetaData").put("CreateTime", stamp).put("LastUpdatedTime", stamp);
        result.setAll(entity);
        if (type.isNameList()) {
            if (!result.has("Active")) {
                result.put("Active", true);
            }
            String name = result.has("DisplayName") ? result.get("DisplayName").asText() : result.path("Name").asText();
            if (type != QboEntityType.TERM && type != QboEntityType.PAYMENT_METHOD) {
                result.put("FullyQualifiedName", name);
            }
        }
        if (type == QboEntityType.ACCOUNT) {
            result.put("SubAccount", false);
            result.put("CurrentBalance", java.math.BigDecimal.ZERO.setScale(2));
            result.put("CurrentBalanceWithSubAccounts", java.math.BigDecimal.ZERO.setScale(2));
        }
        result.put("domain", "QBO");
        result.put("sparse", false);
        company.put(type, result);
    }
}
