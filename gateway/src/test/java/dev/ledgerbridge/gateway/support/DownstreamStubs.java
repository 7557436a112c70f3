package dev.ledgerbridge.gateway.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** WireMock answers of HubSpot, QBO and the three services, shaped like the seed data (seed.md, deal 301). */
public final class DownstreamStubs {

    public static final String DEAL_PATH = "/crm/v3/objects/deals/";
    public static final String CONTACTS_BATCH = "/crm/v3/objects/contacts/batch/read";
    public static final String LINE_ITEMS_BATCH = "/crm/v3/objects/line_items/batch/read";
    public static final String NOTES = "/crm/v3/objects/notes";
    public static final String CONTACT_SYNC = "/v1/customers/resolve";
    public static final String PRODUCT_CATALOG = "/v1/line-items/resolve";
    public static final String DOCUMENTS = "/v1/documents";
    public static final String FILTER_PROPERTIES_PATTERN = "/v1/companies/[0-9]+/matching-settings/properties";

    private DownstreamStubs() {
    }

    /** Deal 301 with contacts [101, 104] and line items [401, 402]; the batch reads answer in another order. */
    public static void hubSpotDeal301(WireMockServer wireMock) {
        wireMock.stubFor(get(urlPathEqualTo(DEAL_PATH + "301")).willReturn(okJson("""
                {"id":"301","properties":{"dealname":"Acme – annual plan","deal_currency_code":"USD"},
                 "associations":{
                   "contacts":{"results":[{"id":"101","type":"deal_to_contact"},{"id":"104","type":"deal_to_contact"}]},
                   "line items":{"results":[{"id":"401","type":"deal_to_line_item"},{"id":"402","type":"deal_to_line_item"}]}},
                 "createdAt":"2026-11-01T10:00:00Z","updatedAt":"2026-11-01T10:00:00Z","archived":false}""")));
        wireMock.stubFor(post(urlPathEqualTo(CONTACTS_BATCH)).willReturn(okJson("""
                {"status":"COMPLETE","results":[
                  {"id":"104","properties":{"firstname":"John","lastname":"Smith","email":"john.smith@alpha.example"},"archived":false},
                  {"id":"101","properties":{"firstname":"Ada","lastname":"Lovelace","email":"ada@example.com","company":"Acme Corp"},"archived":false}]}""")));
        wireMock.stubFor(post(urlPathEqualTo(LINE_ITEMS_BATCH)).willReturn(okJson("""
                {"status":"COMPLETE","results":[
                  {"id":"402","properties":{"name":"Onboarding Package","hs_sku":"ONB-001","hs_product_id":"201","quantity":"2","price":"1500.00","amount":"3000.00"},"archived":false},
                  {"id":"401","properties":{"name":"Annual Subscription","hs_sku":"SUB-ANNUAL","hs_product_id":"202","quantity":"1","price":"12000.00","amount":"12000.00"},"archived":false}]}""")));
        wireMock.stubFor(post(urlPathEqualTo(NOTES)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id":"901","properties":{"hs_note_body":"x"},"archived":false}""")));
    }

    public static final String QUOTE_PATH = "/crm/v3/objects/quotes/";

    /** Quote 501 expiring 2026-12-27, with contact [101] and its own line items [451, 452]; the note answers 902. */
    public static void hubSpotQuote501(WireMockServer wireMock) {
        wireMock.stubFor(get(urlPathEqualTo(QUOTE_PATH + "501")).willReturn(okJson("""
                {"id":"501","properties":{"hs_title":"Acme annual plan quote","hs_currency":"USD",
                   "hs_expiration_date":"2026-12-27T00:00:00Z","hs_quote_number":"Q-501"},
                 "associations":{
                   "contacts":{"results":[{"id":"101","type":"quote_to_contact"}]},
                   "line items":{"results":[{"id":"451","type":"quote_to_line_item"},{"id":"452","type":"quote_to_line_item"}]}},
                 "createdAt":"2026-11-01T10:00:00Z","updatedAt":"2026-11-01T10:00:00Z","archived":false}""")));
        wireMock.stubFor(post(urlPathEqualTo(CONTACTS_BATCH)).willReturn(okJson("""
                {"status":"COMPLETE","results":[
                  {"id":"101","properties":{"firstname":"Ada","lastname":"Lovelace","email":"ada@example.com","company":"Acme Corp"},"archived":false}]}""")));
        wireMock.stubFor(post(urlPathEqualTo(LINE_ITEMS_BATCH)).willReturn(okJson("""
                {"status":"COMPLETE","results":[
                  {"id":"452","properties":{"name":"Onboarding Package","hs_sku":"ONB-001","hs_product_id":"201","quantity":"2","price":"1500.00","amount":"3000.00"},"archived":false},
                  {"id":"451","properties":{"name":"Annual Subscription","hs_sku":"SUB-ANNUAL","hs_product_id":"202","quantity":"1","price":"12000.00","amount":"12000.00"},"archived":false}]}""")));
        wireMock.stubFor(post(urlPathEqualTo(NOTES)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id":"902","properties":{"hs_note_body":"x"},"archived":false}""")));
    }

    /** Deal 305: no contacts, one line item. */
    public static void hubSpotDeal305WithoutContacts(WireMockServer wireMock) {
        wireMock.stubFor(get(urlPathEqualTo(DEAL_PATH + "305")).willReturn(okJson("""
                {"id":"305","properties":{"dealname":"No contact deal"},
                 "associations":{"line_items":{"results":[{"id":"451","type":"deal_to_line_item"}]}},"archived":false}""")));
        wireMock.stubFor(post(urlPathEqualTo(LINE_ITEMS_BATCH)).willReturn(okJson("""
                {"status":"COMPLETE","results":[
                  {"id":"451","properties":{"name":"Support Hours","hs_sku":"SUP-HR","quantity":"1","price":"150.00"},"archived":false}]}""")));
    }

    /** HubSpot has no such deal. */
    public static void hubSpotDealMissing(WireMockServer wireMock, String dealId) {
        wireMock.stubFor(get(urlPathEqualTo(DEAL_PATH + dealId)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"error\",\"message\":\"Object not found\",\"category\":\"OBJECT_NOT_FOUND\"}")));
    }

    /** contact-sync: every company is LEGACY, so its filters read no contact property. */
    public static void contactSyncLegacyEverywhere(WireMockServer wireMock) {
        wireMock.stubFor(get(urlPathMatching(FILTER_PROPERTIES_PATTERN)).atPriority(10).willReturn(okJson("""
                {"realmId":"9130350000000001","mode":"LEGACY","version":0,"properties":[]}""")));
    }

    /** The three services answer the happy path of deal 301. */
    public static void servicesSucceed(WireMockServer wireMock) {
        wireMock.stubFor(post(urlPathEqualTo(CONTACT_SYNC)).willReturn(okJson("""
                {"contactId":"101","customerId":"58","displayName":"Ada Lovelace","resolution":"LINKED"}""")));
        wireMock.stubFor(post(urlPathEqualTo(PRODUCT_CATALOG)).willReturn(okJson("""
                {"lines":[{"lineItemId":"401","itemId":"2","itemName":"Annual Subscription","matchedBy":"SKU"},
                          {"lineItemId":"402","itemId":"1","itemName":"Onboarding Package","matchedBy":"SKU"}]}""")));
        wireMock.stubFor(post(urlPathEqualTo(DOCUMENTS)).willReturn(documentCreated()));
    }

    /** document-service's 201 for the invoice of deal 301. */
    public static ResponseDefinitionBuilder documentCreated() {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                {"documentId":"130","docNumber":"1001","type":"INVOICE","totalAmount":15000.00,"customerId":"58","replayed":false}""");
    }

    /** A service's 422 refusal with the contract's error body. */
    public static ResponseDefinitionBuilder refusal(String code, String message) {
        return aResponse().withStatus(422).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}");
    }

    /** QBO CompanyInfo of a realm with the given name and country. */
    public static void quickBooksCompany(WireMockServer wireMock, String realmId, String name, String country) {
        wireMock.stubFor(get(urlPathMatching("/v3/company/" + realmId + "/companyinfo/" + realmId)).willReturn(okJson("""
                {"CompanyInfo":{"Id":"1","SyncToken":"0","CompanyName":"%s","Country":"%s"},"time":"2026-11-26T10:00:00Z"}"""
                .formatted(name, country))));
    }
}
