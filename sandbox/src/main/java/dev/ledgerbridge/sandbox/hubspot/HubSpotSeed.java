package dev.ledgerbridge.sandbox.hubspot;

import static dev.ledgerbridge.sandbox.hubspot.HubSpotObjectType.COMMERCE_PAYMENTS;
import static dev.ledgerbridge.sandbox.hubspot.HubSpotObjectType.CONTACTS;
import static dev.ledgerbridge.sandbox.hubspot.HubSpotObjectType.DEALS;
import static dev.ledgerbridge.sandbox.hubspot.HubSpotObjectType.LINE_ITEMS;
import static dev.ledgerbridge.sandbox.hubspot.HubSpotObjectType.PRODUCTS;
import static dev.ledgerbridge.sandbox.hubspot.HubSpotObjectType.QUOTES;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HubSpot seed of seed.md (portal 40213377): contacts 101-108, products 201-205, deals 301-307 with
 * their line items 401-409, quote 501 with its own line items 451-452, payments 601-606 with line items
 * 461-466.
 */
final class HubSpotSeed {

    private static final String HUBSPOT_DEFINED = "HUBSPOT_DEFINED";

    private record Product(String id, String name, String sku, String price) {
    }

    private static final Product ONB = new Product("201", "Onboarding Package", "ONB-001", "1500.00");
    private static final Product SUB = new Product("202", "Annual Subscription", "SUB-ANNUAL", "12000.00");
    private static final Product SUP = new Product("203", "Support Hours", "SUP-HR", "150.00");
    private static final Product HW = new Product("204", "Hardware Kit", "HW-KIT", "349.99");
    private static final Product CUS = new Product("205", "Custom Integration", "CUS-INT", "5000.00");

    private HubSpotSeed() {
    }

    static void load(CrmStore store, Instant now) {
        // Fixed creation time so responses are stable across resets; only the quote expiry follows the clock.
        Instant created = Instant.parse("2026-01-05T10:00:00.000Z");
        contact(store, created, "101", "Ada", "Lovelace", "ada@example.com");
        contact(store, created, "102", "Patrick", "O'Brien", "pobrien@example.com");
        // Stored decomposed (NFD) on purpose: matching must normalise.
        contact(store, created, "103", Normalizer.normalize("Zoë", Normalizer.Form.NFD),
                Normalizer.normalize("Ånd", Normalizer.Form.NFD), "zoe@example.com");
        contact(store, created, "104", "John", "Smith", "john.smith@alpha.example");
        contact(store, created, "105", "John", "Smith", "john.smith@beta.example");
        contact(store, created, "106", "Grace", "Hopper", "grace@example.com");
        contact(store, created, "107", "Renée", "D'Arcy \\ Sons", "renee@example.com");
        // Already a QBO customer of the US company: must be matched, not duplicated (issue 3).
        contact(store, created, "108", "Seán", "O'Brien-Łukasz", "sean@example.com");

        for (Product p : List.of(ONB, SUB, SUP, HW, CUS)) {
            store.put(PRODUCTS, p.id(), props("name", p.name(), "hs_sku", p.sku(), "price", p.price(),
                    "description", p.name()), created);
        }

        deal(store, created, "301", "Acme – annual plan", List.of("101", "104"),
                line("401", SUB, 1), line("402", ONB, 2));
        deal(store, created, "302", "O'Brien payment link", List.of("102"), line("403", SUP, 10));
        deal(store, created, "303", "Zoë Ånd – hardware", List.of("103"), line("404", HW, 3));
        deal(store, created, "304", "Custom work", List.of("106"), line("405", CUS, 1), line("406", SUP, 4));
        deal(store, created, "305", "No contact deal", List.of(), line("407", SUP, 1));
        Map<String, String> training = lineProps("Training Day", null, "TRN-DAY", "2000.00", 2);
        deal(store, created, "306", "Renée D'Arcy \\ Sons – training", List.of("107", "101"), Map.entry("408", training));
        deal(store, created, "307", "Seán O'Brien-Łukasz – support", List.of("108"), line("409", SUP, 2));

        String expiry = LocalDate.ofInstant(now.plus(30, ChronoUnit.DAYS), ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        store.put(QUOTES, "501", props("hs_title", "Acme annual plan quote", "hs_status", "APPROVED",
                "hs_quote_amount", "15000.00", "hs_currency", "USD", "hs_quote_number", "Q-501",
                "hs_expiration_date", expiry, "hs_esign_enabled", "true", "hs_esign_num_signers_required", "2",
                "hs_esign_num_signers_completed", "2"), created);
        link(store, DEALS, "301", QUOTES, "501");
        link(store, QUOTES, "501", CONTACTS, "101");
        for (Map.Entry<String, Map<String, String>> l : List.of(line("451", SUB, 1), line("452", ONB, 2))) {
            store.put(LINE_ITEMS, l.getKey(), l.getValue(), created);
            link(store, QUOTES, "501", LINE_ITEMS, l.getKey());
        }

        payment(store, created, "601", "SALES_CHECKOUT", "1500.00", null, null, "succeeded", "101", line("461", ONB, 1));
        payment(store, created, "602", "INVOICE", "3000.00", null, null, "succeeded", "101", line("462", ONB, 2));
        payment(store, created, "603", "SALES_CHECKOUT", "1500.00", "43.80", null, "succeeded", "102", line("463", SUP, 10));
        payment(store, created, "604", "SALES_CHECKOUT", "349.99", null, "349.99", "refunded", "103", line("464", HW, 1));
        payment(store, created, "605", "SALES_CHECKOUT", "3000.00", null, "500.00", "partially_refunded", "101", line("465", ONB, 2));
        Map.Entry<String, Map<String, String>> taxed = line("466", ONB, 1);
        taxed.getValue().put("hs_tax_rate_group_id", "9001");
        taxed.getValue().put("hs_tax_amount", "120.00");
        taxed.getValue().put("hs_post_tax_amount", "1620.00");
        payment(store, created, "606", "SALES_CHECKOUT", "1620.00", null, null, "succeeded", "101", taxed);
    }

    private static void contact(CrmStore store, Instant at, String id, String first, String last, String email) {
        store.put(CONTACTS, id, props("firstname", first, "lastname", last, "email", email), at);
    }

    @SafeVarargs
    private static void deal(CrmStore store, Instant at, String id, String name, List<String> contacts,
                             Map.Entry<String, Map<String, String>>... lines) {
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (Map.Entry<String, Map<String, String>> l : lines) {
            total = total.add(new BigDecimal(l.getValue().get("amount")));
        }
        store.put(DEALS, id, props("dealname", name, "amount", total.toPlainString(), "closedate", "2026-01-20T00:00:00Z",
                "pipeline", "default", "dealstage", "closedwon", "deal_currency_code", "USD"), at);
        for (String c : contacts) {
            link(store, DEALS, id, CONTACTS, c);
        }
        for (Map.Entry<String, Map<String, String>> l : lines) {
            store.put(LINE_ITEMS, l.getKey(), l.getValue(), at);
            link(store, DEALS, id, LINE_ITEMS, l.getKey());
        }
    }

    private static void payment(CrmStore store, Instant at, String id, String source, String amount, String fees,
                                String refunds, String status, String contactId,
                                Map.Entry<String, Map<String, String>> line) {
        Map<String, String> p = props("hs_initial_amount", amount, "hs_currency_code", "USD",
                "hs_latest_status", status, "hs_payment_source_app", source, "hs_payment_method_type", "card",
                "hs_processor_type", "hs_payments", "hs_initiated_date", "2026-01-10T12:00:00Z",
                "hs_customer_email", store.get(CONTACTS, contactId).properties().get("email"));
        BigDecimal net = new BigDecimal(amount);
        if (fees != null) {
            p.put("hs_fees_amount", fees);
            net = net.subtract(new BigDecimal(fees));
        }
        p.put("hs_net_amount", net.setScale(2, RoundingMode.HALF_UP).toPlainString());
        if (refunds != null) {
            p.put("hs_refunds_amount", refunds);
        }
        if ("INVOICE".equals(source)) {
            p.put("hs_has_associated_invoice", "true");
            p.put("hs_number_of_associated_invoices", "1");
        }
        store.put(COMMERCE_PAYMENTS, id, p, at);
        link(store, COMMERCE_PAYMENTS, id, CONTACTS, contactId);
        store.put(LINE_ITEMS, line.getKey(), line.getValue(), at);
        link(store, COMMERCE_PAYMENTS, id, LINE_ITEMS, line.getKey());
    }

    private static Map.Entry<String, Map<String, String>> line(String id, Product p, int quantity) {
        return Map.entry(id, lineProps(p.name(), p.id(), p.sku(), p.price(), quantity));
    }

    private static Map<String, String> lineProps(String name, String productId, String sku, String price, int quantity) {
        BigDecimal amount = new BigDecimal(price).multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP);
        Map<String, String> p = props("name", name, "hs_sku", sku, "quantity", Integer.toString(quantity),
                "price", price, "amount", amount.toPlainString(), "hs_line_item_currency_code", "USD");
        if (productId != null) {
            p.put("hs_product_id", productId);
        }
        return p;
    }

    private static void link(CrmStore store, HubSpotObjectType from, String fromId, HubSpotObjectType to, String toId) {
        int typeId = AssociationTypes.defaultType(from, to).orElseThrow().typeId();
        store.associate(from, fromId, to, toId, new AssociationSpec(HUBSPOT_DEFINED, typeId, null));
    }

    private static Map<String, String> props(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
