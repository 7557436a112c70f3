package dev.ledgerbridge.catalog;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/** WireMock stubs for QBO item queries and the gateway's token endpoint, with JSON built by hand. */
public final class QboStubs {

    private final WireMockServer server;

    public QboStubs(WireMockServer server) {
        this.server = server;
    }

    /** A QBO item as the query answer holds it. */
    public record StubItem(String id, String name, String sku, String type, boolean active) {

        public static StubItem service(String id, String name, String sku) {
            return new StubItem(id, name, sku, "Service", true);
        }

        String json() {
            return "{\"Id\":" + quote(id) + ",\"SyncToken\":\"0\",\"MetaData\":{\"CreateTime\":"
                    + "\"2026-01-05T10:00:00-08:00\",\"LastUpdatedTime\":\"2026-11-20T10:00:00-08:00\"},\"Name\":" + quote(name)
                    + (sku == null ? "" : ",\"Sku\":" + quote(sku)) + ",\"Type\":" + quote(type)
                    + ",\"Active\":" + active + ",\"FullyQualifiedName\":" + quote(name) + ",\"UnitPrice\":100}";
        }
    }

    public static String tokenPath(String realmId) {
        return "/internal/v1/quickbooks/" + realmId + "/access-token";
    }

    public static String queryPath(String realmId) {
        return "/v3/company/" + realmId + "/query";
    }

    /** The gateway hands out {@code token} for the realm, valid until {@code expiresAt}. */
    public void token(String realmId, String token, OffsetDateTime expiresAt) {
        server.stubFor(get(urlPathEqualTo(tokenPath(realmId)))
                .willReturn(okJson("{\"accessToken\":" + quote(token) + ",\"expiresAt\":\"" + expiresAt + "\"}")));
    }

    /** The gateway hands out a token valid for an hour. */
    public void token(String realmId) {
        token(realmId, "tok-" + realmId, OffsetDateTime.now().plusHours(1));
    }

    /** Item queries whose statement contains {@code fragment} (e.g. "Sku IN") answer these items. */
    public void items(String realmId, String fragment, StubItem... items) {
        List<String> json = new ArrayList<>();
        for (StubItem item : items) {
            json.add(item.json());
        }
        server.stubFor(itemQuery(realmId, fragment).willReturn(okJson("{\"QueryResponse\":{\"Item\":["
                + String.join(",", json) + "],\"startPosition\":1,\"maxResults\":" + items.length
                + "},\"time\":\"2026-11-26T10:00:00.000-08:00\"}")));
    }

    /** {@code SELECT COUNT(*) FROM Item ...} answers {@code total}. */
    public void itemCount(String realmId, long total) {
        server.stubFor(itemQuery(realmId, "SELECT COUNT(*) FROM Item").willReturn(okJson("{\"QueryResponse\":"
                + "{\"totalCount\":" + total + "},\"time\":\"2026-11-26T10:00:00.000-08:00\"}")));
    }

    /** The full-load page starting at {@code startPosition} answers these items. */
    public void itemPage(String realmId, int startPosition, List<StubItem> items) {
        items(realmId, "STARTPOSITION " + startPosition + " MAXRESULTS", items.toArray(StubItem[]::new));
    }

    /** A whole catalog for a full load: the count and one page per {@code pageSize} items (plus an empty last page when full). */
    public void catalog(String realmId, List<StubItem> items, int pageSize) {
        itemCount(realmId, items.size());
        for (int start = 0; start <= items.size(); start += pageSize) {
            itemPage(realmId, start + 1, items.subList(start, Math.min(items.size(), start + pageSize)));
        }
    }

    /** CDC for Item answers these changed items and these deleted ids. */
    public void cdc(String realmId, List<StubItem> changed, List<String> deletedIds) {
        List<String> json = new ArrayList<>();
        for (StubItem item : changed) {
            json.add(item.json());
        }
        for (String id : deletedIds) {
            json.add("{\"Id\":" + quote(id) + ",\"status\":\"Deleted\",\"domain\":\"QBO\","
                    + "\"MetaData\":{\"LastUpdatedTime\":\"2026-11-26T09:00:00-08:00\"}}");
        }
        server.stubFor(get(urlPathEqualTo(cdcPath(realmId))).willReturn(okJson("{\"CDCResponse\":[{\"QueryResponse\":"
                + "[{\"Item\":[" + String.join(",", json) + "],\"startPosition\":1,\"maxResults\":" + json.size()
                + "}]}],\"time\":\"2026-11-26T10:00:00.000-08:00\"}")));
    }

    public static String cdcPath(String realmId) {
        return "/v3/company/" + realmId + "/cdc";
    }

    /** The CDC requests QBO received for the realm, in order. */
    public List<LoggedRequest> cdcCalls(String realmId) {
        return server.findAll(getRequestedFor(urlPathEqualTo(cdcPath(realmId))));
    }

    /** Item queries whose statement contains {@code fragment} answer with a QBO fault. */
    public void fault(String realmId, String fragment, int status, String code, String message) {
        server.stubFor(itemQuery(realmId, fragment).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"Fault\":{\"Error\":[{\"Message\":" + quote(message) + ",\"Detail\":\"detail\",\"code\":"
                        + quote(code) + "}],\"type\":\"ValidationFault\"},\"time\":\"2026-11-26T10:00:00.000-08:00\"}")));
    }

    /** Every item query is throttled (429). */
    public void throttled(String realmId) {
        server.stubFor(itemQuery(realmId, "FROM Item").willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"Fault\":{\"Error\":[{\"Message\":\"message=ThrottleExceeded; errorCode=003001\","
                        + "\"Detail\":\"Too many requests\",\"code\":\"3001\"}],\"type\":\"ThrottleExceeded\"}}")));
    }

    /** The decoded statements QBO received for the realm, in order. */
    public List<String> statements(String realmId) {
        return server.findAll(getRequestedFor(urlPathEqualTo(queryPath(realmId)))).stream()
                .map(r -> r.queryParameter("query").firstValue())
                .toList();
    }

    /** The requests QBO received for the realm, in order. */
    public List<LoggedRequest> queries(String realmId) {
        return server.findAll(getRequestedFor(urlPathEqualTo(queryPath(realmId))));
    }

    /** How many times the gateway was asked for the realm's token. */
    public int tokenCalls(String realmId) {
        return server.findAll(getRequestedFor(urlPathEqualTo(tokenPath(realmId)))).size();
    }

    private static MappingBuilder itemQuery(String realmId, String fragment) {
        return get(urlPathEqualTo(queryPath(realmId))).withQueryParam("query", containing(fragment));
    }

    static String quote(String value) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

}
