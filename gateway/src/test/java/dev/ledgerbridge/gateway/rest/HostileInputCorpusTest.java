package dev.ledgerbridge.gateway.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.ledgerbridge.gateway.repository.QuickBooksConnectionRepository;
import dev.ledgerbridge.gateway.support.DownstreamStubs;
import dev.ledgerbridge.gateway.support.DownstreamWireMock;
import dev.ledgerbridge.gateway.support.InjectWireMock;
import dev.ledgerbridge.gateway.support.RawHttp;
import dev.ledgerbridge.gateway.support.SignedActionRequests;
import dev.ledgerbridge.hubspot.signature.HubSpotSignatures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hostile-input corpus of the public endpoints ({@code src/test/resources/hostile/corpus.json}), sent over a raw
 * socket ({@link RawHttp}) so that nothing is cleaned up on the way: every case must get one of the answers the corpus
 * expects for it, never a 5xx or a dropped connection, and none but the corpus' control cases may cause a write
 * downstream (a document created, a HubSpot note, a QBO write). A summary per group is printed.
 */
@QuarkusTest
@WithTestResource(DownstreamWireMock.class)
class HostileInputCorpusTest {

    private static final String US_REALM = "9130350000000001";
    private static final String ACTION = SignedActionRequests.CREATE_INVOICE;
    private static final String SECRET = SignedActionRequests.SECRET;
    private static final String MARKER = "\uE000MARK\uE000";
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    QuickBooksConnectionRepository connections;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private int sequence;

    @BeforeEach
    void oneUsCompanyAndDownstreams() {
        wireMock.resetAll();
        DownstreamStubs.contactSyncLegacyEverywhere(wireMock);
        connections.deleteAll().await().atMost(Duration.ofSeconds(5));
        connections.upsertConnected(US_REALM, "Ledger Demo US Inc.", "US").await().atMost(Duration.ofSeconds(5));
        DownstreamStubs.hubSpotDeal301(wireMock);
        DownstreamStubs.servicesSucceed(wireMock);
        // document-service finds no QBO term of any name the corpus sends (it escapes the name in its QBO query and
        // refuses UNKNOWN_TERM): the control cases send no payment_terms and get their invoice.
        wireMock.stubFor(post(urlPathEqualTo(DownstreamStubs.DOCUMENTS)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.termName"))
                .willReturn(DownstreamStubs.refusal("UNKNOWN_TERM", "No active QuickBooks term has that name")));
        wireMock.stubFor(get(urlPathEqualTo("/v3/company/" + US_REALM + "/query"))
                .withQueryParam("query", containing("FROM Term")).willReturn(okJson("""
                        {"QueryResponse":{"Term":[{"Id":"3","Name":"Net 30","Active":true,"DueDays":30}]},
                         "time":"2026-11-26T10:00:00Z"}""")));
        wireMock.stubFor(get(urlPathEqualTo("/v3/company/" + US_REALM + "/query"))
                .withQueryParam("query", containing("FROM Vendor")).willReturn(okJson("""
                        {"QueryResponse":{"Vendor":[{"Id":"56","DisplayName":"Bob's Burger Joint","Active":true}]},
                         "time":"2026-11-26T10:00:00Z"}""")));
    }

    @AfterEach
    void resetBreakers() {
        circuitBreakers.resetAll();
    }

    @Test
    void everyHostileRequestGetsAClearAnswerAndWritesNothing() throws IOException {
        JsonNode corpus = JSON.readTree(resource("hostile/corpus.json"));
        List<Result> results = new ArrayList<>();
        for (JsonNode c : corpus.get("cases")) {
            for (Request request : requestsOf(corpus, c)) {
                results.add(send(request));
            }
        }
        JsonNode metacharacters = corpus.get("metacharacters");
        for (JsonNode target : metacharacters.get("targets")) {
            for (JsonNode payload : metacharacters.get("payloads")) {
                results.add(send(metacharacterRequest(corpus, target, payload)));
            }
        }
        printSummary(results);
        List<String> failures = results.stream().filter(r -> r.problem != null)
                .map(r -> r.request.group + " / " + r.request.name + ": " + r.problem).toList();
        assertTrue(failures.isEmpty(), failures.size() + " of " + results.size() + " corpus cases failed:\n"
                + String.join("\n", failures));
        assertTrue(results.size() > 500, "the corpus shrank: " + results.size() + " cases");
        assertEquals(0, results.stream().filter(r -> r.status >= 500).count());
    }

    // ---- building requests ----

    /** One request as the corpus describes it; a generated case may stand for several. */
    private record Request(String group, String name, String method, String path, byte[] body, String sign,
            List<String> headers, boolean chunked, JsonNode expect, boolean writes) {
    }

    private List<Request> requestsOf(JsonNode corpus, JsonNode c) {
        String endpoint = endpoint(c.path("endpoint").asText());
        boolean options = endpoint.startsWith("/hubspot/options/");
        String method = c.path("method").asText("POST");
        String sign = c.path("sign").asText("v3");
        List<String> headers = new ArrayList<>();
        c.path("headers").forEach(h -> headers.add(h.asText()));
        if (c.has("generate-header")) {
            String[] spec = c.get("generate-header").asText().split(":");
            headers.add(spec[0] + ": " + "a".repeat(Integer.parseInt(spec[1])));
        }
        boolean chunked = c.path("chunked").asBoolean(false);
        boolean writes = c.path("writes").asBoolean(false);
        String group = c.get("group").asText();
        String name = c.get("name").asText();
        ObjectNode base = base(corpus, options, c);
        List<Request> requests = new ArrayList<>();
        if (c.has("generate")) {
            String generate = c.get("generate").asText();
            if (generate.startsWith("truncations:")) {
                byte[] whole = bytes(base);
                int count = Integer.parseInt(generate.substring("truncations:".length()));
                for (int i = 1; i <= count; i++) {
                    int cut = (int) ((long) whole.length * i / (count + 1));
                    requests.add(new Request(group, name + " (at byte " + cut + ")", method, endpoint,
                            java.util.Arrays.copyOf(whole, cut), sign, headers, chunked, c.get("expect"), writes));
                }
                return requests;
            }
            requests.add(new Request(group, name, method, endpoint, generated(generate, base, options), sign, headers,
                    chunked, c.get("expect"), writes));
            return requests;
        }
        byte[] body;
        if (c.has("bodyHex")) {
            body = HexFormat.of().parseHex(c.get("bodyHex").asText());
        } else if (c.has("utf8")) {
            JsonNode utf8 = c.get("utf8");
            set(base, utf8.get("field").asText(), JSON.getNodeFactory().textNode("ok" + MARKER));
            body = replace(bytes(base), MARKER.getBytes(StandardCharsets.UTF_8),
                    HexFormat.of().parseHex(utf8.get("hex").asText()));
        } else if (c.has("body")) {
            body = c.get("body").asText()
                    .replace("${baseAction}", text(base(corpus, false, c)))
                    .replace("${baseOptions}", text(base(corpus, true, c)))
                    .replace("${cb}", callbackId())
                    .getBytes(StandardCharsets.UTF_8);
        } else {
            body = bytes(base);
        }
        requests.add(new Request(group, name, method, endpoint, body, sign, headers, chunked, c.get("expect"),
                writes));
        return requests;
    }

    private Request metacharacterRequest(JsonNode corpus, JsonNode target, JsonNode payload) {
        String value = payload.get("value").asText();
        if (value.startsWith("@repeat:")) {
            String[] spec = value.substring("@repeat:".length()).split(":");
            value = spec[0].repeat(Integer.parseInt(spec[1]));
        }
        String field = target.get("field").asText();
        String endpoint = endpoint(target.get("endpoint").asText());
        boolean options = endpoint.startsWith("/hubspot/options/");
        ObjectNode base = base(corpus, options, target);
        if ("path".equals(field)) {
            endpoint = endpoint.replace("{payload}", URLEncoder.encode(value, StandardCharsets.UTF_8));
        } else {
            set(base, field, JSON.getNodeFactory().textNode(target.path("prefix").asText("") + value));
        }
        boolean legal = false;
        for (JsonNode name : target.path("legal")) {
            legal |= name.asText().equals(payload.get("name").asText());
        }
        JsonNode expect = legal ? JSON.createArrayNode().add(JSON.createObjectNode().put("status", 200)
                .put("state", "SUCCESS")) : target.get("expect");
        return new Request("metacharacters", field + " @ " + endpoint.replaceAll("\\?.*", "") + " = "
                + payload.get("name").asText(), "POST", endpoint, bytes(base), "v3", List.of(), false, expect, legal);
    }

    private ObjectNode base(JsonNode corpus, boolean options, JsonNode c) {
        ObjectNode base = (ObjectNode) corpus.get(options ? "baseOptions" : "baseAction").deepCopy();
        if (!options) {
            base.put("callbackId", c.has("callbackId") ? c.get("callbackId").asText().replace("${run}", run)
                    : callbackId());
        }
        JsonNode set = c.path(options ? "setOptions" : "set");
        set.fields().forEachRemaining(e -> set(base, e.getKey(), e.getValue()));
        c.path("remove").forEach(path -> remove(base, path.asText()));
        return base;
    }

    private String callbackId() {
        return "ap-hostile-" + run + "-" + (++sequence);
    }

    private static String endpoint(String endpoint) {
        return "action".equals(endpoint) ? ACTION : endpoint;
    }

    private byte[] generated(String generate, ObjectNode base, boolean options) {
        int colon = generate.indexOf(':');
        String kind = colon < 0 ? generate : generate.substring(0, colon);
        String argument = colon < 0 ? "" : generate.substring(colon + 1);
        switch (kind) {
            case "padded": {
                int size = Integer.parseInt(argument);
                base.put("padding", "");
                int overhead = bytes(base).length;
                base.put("padding", "a".repeat(Math.max(0, size - overhead)));
                return bytes(base);
            }
            case "repeat": {
                int at = argument.lastIndexOf(':');
                return argument.substring(0, at).repeat(Integer.parseInt(argument.substring(at + 1)))
                        .getBytes(StandardCharsets.UTF_8);
            }
            case "many-inputs": {
                ObjectNode inputs = (ObjectNode) base.get("inputFields");
                for (int i = 0; i < Integer.parseInt(argument); i++) {
                    inputs.put("extra_" + i, "value " + i);
                }
                return bytes(base);
            }
            case "nested-input":
            case "nested-fetch": {
                int depth = Integer.parseInt(argument);
                set(base, options ? "fetchOptions.q" : "inputFields.payment_terms",
                        JSON.getNodeFactory().textNode(MARKER));
                String nested = "[".repeat(depth) + "]".repeat(depth);
                return text(base).replace("\"" + MARKER + "\"", nested).getBytes(StandardCharsets.UTF_8);
            }
            case "nested-objects": {
                int depth = Integer.parseInt(argument);
                return ("{\"a\":".repeat(depth) + "1" + "}".repeat(depth)).getBytes(StandardCharsets.UTF_8);
            }
            case "long-number": {
                set(base, "object.objectId", JSON.getNodeFactory().textNode(MARKER));
                return text(base).replace("\"" + MARKER + "\"", "9".repeat(Integer.parseInt(argument)))
                        .getBytes(StandardCharsets.UTF_8);
            }
            case "utf16":
                return text(base).getBytes(StandardCharsets.UTF_16BE);
            default:
                throw new IllegalArgumentException("unknown generator " + generate);
        }
    }

    // ---- sending and judging ----

    private record Result(Request request, int status, String code, String state, String errorCode, int writes,
            int serviceCalls, String problem) {
    }

    private Result send(Request request) throws IOException {
        wireMock.resetRequests();
        List<String> headers = new ArrayList<>(signatureHeaders(request));
        headers.addAll(request.headers());
        RawHttp.Answer answer = RawHttp.send(RestAssured.port, request.method(), request.path(), headers,
                request.body(), request.chunked());
        String code = null;
        String state = null;
        String errorCode = null;
        if (answer.body() != null && answer.body().startsWith("{")) {
            try {
                JsonNode body = JSON.readTree(answer.body());
                code = body.path("code").asText(null);
                state = body.path("outputFields").path("hs_execution_state").asText(null);
                errorCode = body.path("outputFields").path("error_code").asText(null);
            } catch (IOException e) {
                code = "<unparseable JSON>";
            }
        }
        int writes = 0;
        int serviceCalls = 0;
        for (ServeEvent event : wireMock.getAllServeEvents()) {
            String path = event.getRequest().getUrl().replaceAll("\\?.*", "");
            String method = event.getRequest().getMethod().getName();
            int status = event.getResponse().getStatus();
            if (path.equals(DownstreamStubs.NOTES) && "POST".equals(method)
                    || path.equals(DownstreamStubs.DOCUMENTS) && status < 300
                    || path.startsWith("/v3/company/") && !"GET".equals(method)) {
                writes++;
            }
            if (path.equals(DownstreamStubs.CONTACT_SYNC) || path.equals(DownstreamStubs.PRODUCT_CATALOG)
                    || path.equals(DownstreamStubs.DOCUMENTS)) {
                serviceCalls++;
            }
        }
        String problem = judge(request, answer, code, state, errorCode, writes);
        return new Result(request, answer.status(), code, state, errorCode, writes, serviceCalls, problem);
    }

    private static String judge(Request request, RawHttp.Answer answer, String code, String state, String errorCode,
            int writes) {
        String seen = "got " + answer.status() + " code=" + code + " state=" + state + " error_code=" + errorCode
                + " writes=" + writes + " body=" + abbreviate(answer.body());
        if (answer.status() == 0) {
            return "no HTTP answer (connection dropped); " + seen;
        }
        if (answer.status() >= 500) {
            return "5xx; " + seen;
        }
        if (!request.writes() && writes > 0) {
            return "a write downstream; " + seen;
        }
        for (JsonNode expect : request.expect()) {
            if (expect.get("status").asInt() != answer.status()) {
                continue;
            }
            if (expect.has("code") && !expect.get("code").asText().equals(code)) {
                continue;
            }
            if (expect.has("state") && !expect.get("state").asText().equals(state)) {
                continue;
            }
            if (expect.has("errorCode") && (errorCode == null
                    || !List.of(expect.get("errorCode").asText().split("\\|")).contains(errorCode))) {
                continue;
            }
            return null;
        }
        return "expected one of " + request.expect() + "; " + seen;
    }

    private static String abbreviate(String body) {
        String oneLine = body == null ? "" : body.replaceAll("[\\r\\n]+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }

    /** The signature headers of the case's signing mode, for the URL the raw client calls. */
    private static List<String> signatureHeaders(Request request) {
        String path = request.path();
        String url = path.startsWith("http") ? path : "http://localhost:" + RestAssured.port + path;
        byte[] body = request.body();
        String method = request.method();
        long now = System.currentTimeMillis();
        String ts = Long.toString(now);
        String sign = request.sign();
        List<String> headers = new ArrayList<>();
        if ("none".equals(sign)) {
            return headers;
        }
        if (sign.equals("v2") || sign.startsWith("v2-as:")) {
            headers.add("X-HubSpot-Signature: " + HubSpotSignatures.signV2(method, url, body, SECRET));
            headers.add("X-HubSpot-Signature-Version: " + (sign.equals("v2") ? "v2" : sign.substring(6)));
            return headers;
        }
        if (sign.equals("v1")) {
            headers.add("X-HubSpot-Signature: " + HubSpotSignatures.signV1(body, SECRET));
            headers.add("X-HubSpot-Signature-Version: v1");
            return headers;
        }
        if (sign.equals("v2-in-v3")) {
            headers.add("X-HubSpot-Request-Timestamp: " + ts);
            headers.add("X-HubSpot-Signature-v3: " + HubSpotSignatures.signV2(method, url, body, SECRET));
            return headers;
        }
        if (sign.equals("v3-in-v2")) {
            headers.add("X-HubSpot-Signature: " + HubSpotSignatures.signV3(method, url, body, ts, SECRET));
            headers.add("X-HubSpot-Signature-Version: v2");
            return headers;
        }
        if (sign.equals("v3-stale-plus-v2")) {
            String stale = Long.toString(now - 360_000);
            headers.add("X-HubSpot-Request-Timestamp: " + stale);
            headers.add("X-HubSpot-Signature-v3: " + HubSpotSignatures.signV3(method, url, body, stale, SECRET));
            headers.add("X-HubSpot-Signature: " + HubSpotSignatures.signV2(method, url, body, SECRET));
            headers.add("X-HubSpot-Signature-Version: v2");
            return headers;
        }
        String secret = SECRET;
        String signedMethod = method;
        String signedUrl = url;
        byte[] signedBody = body;
        String signedTs = ts;
        String sentTs = ts;
        String suffix = "";
        String headerName = "X-HubSpot-Signature-v3: ";
        if (sign.startsWith("v3-secret:")) {
            secret = sign.substring("v3-secret:".length());
        } else if (sign.equals("v3-other-body")) {
            signedBody = concat(body, "0".getBytes(StandardCharsets.UTF_8));
        } else if (sign.equals("v3-body-plus-space")) {
            signedBody = concat(body, " ".getBytes(StandardCharsets.UTF_8));
        } else if (sign.equals("v3-other-path")) {
            signedUrl = url.replace("create-invoice", "create-estimate");
        } else if (sign.equals("v3-method-GET")) {
            signedMethod = "GET";
        } else if (sign.equals("v3-without-query")) {
            signedUrl = url.replaceAll("\\?.*", "");
        } else if (sign.startsWith("v3-at:")) {
            signedTs = Long.toString(now + Long.parseLong(sign.substring("v3-at:".length())));
            sentTs = signedTs;
        } else if (sign.startsWith("v3-timestamp:")) {
            String value = sign.substring("v3-timestamp:".length());
            signedTs = "seconds".equals(value) ? Long.toString(now / 1000) : value;
            sentTs = signedTs;
        } else if (sign.equals("v3-no-timestamp")) {
            sentTs = null;
        } else if (sign.startsWith("v3-suffix:")) {
            suffix = sign.substring("v3-suffix:".length());
        } else if (sign.equals("v3-space-before-colon")) {
            headerName = "X-HubSpot-Signature-v3 : ";
        } else if (!sign.equals("v3") && !sign.equals("v3-hex") && !sign.equals("v3-unpadded")
                && !sign.equals("v3-truncated")) {
            throw new IllegalArgumentException("unknown signing mode " + sign);
        }
        String signature = HubSpotSignatures.signV3(signedMethod, signedUrl, signedBody, signedTs, secret);
        if (sign.equals("v3-hex")) {
            signature = HexFormat.of().formatHex(Base64.getDecoder().decode(signature));
        } else if (sign.equals("v3-unpadded")) {
            signature = signature.replace("=", "");
        } else if (sign.equals("v3-truncated")) {
            signature = signature.substring(0, signature.length() - 1);
        }
        if (sentTs != null) {
            headers.add("X-HubSpot-Request-Timestamp: " + sentTs);
        }
        headers.add(headerName + signature + suffix);
        return headers;
    }

    private static void printSummary(List<Result> results) {
        Map<String, int[]> byGroup = new TreeMap<>();
        Map<String, Integer> byAnswer = new TreeMap<>();
        int serviceCalls = 0;
        int writeCases = 0;
        for (Result r : results) {
            int[] counts = byGroup.computeIfAbsent(r.request.group, g -> new int[2]);
            counts[0]++;
            if (r.problem == null) {
                counts[1]++;
            }
            String answer = r.status + (r.code != null ? " " + r.code : "")
                    + (r.state != null ? " " + r.state + (r.errorCode != null && !r.errorCode.isEmpty()
                            ? " " + r.errorCode : "") : "");
            byAnswer.merge(answer, 1, Integer::sum);
            serviceCalls += r.serviceCalls;
            writeCases += r.writes > 0 ? 1 : 0;
        }
        StringBuilder out = new StringBuilder("\n=== hostile-input corpus: ").append(results.size())
                .append(" cases, ").append(results.stream().filter(r -> r.problem == null).count())
                .append(" as expected, ").append(results.stream().filter(r -> r.status >= 500).count())
                .append(" 5xx, ").append(writeCases).append(" with a downstream write (control cases only), ")
                .append(serviceCalls).append(" service calls in all ===\n");
        byGroup.forEach((group, counts) -> out.append(String.format("  %-20s %4d cases, %4d as expected%n", group,
                counts[0], counts[1])));
        out.append("  answers:\n");
        byAnswer.forEach((answer, count) -> out.append(String.format("    %4d  %s%n", count, answer)));
        System.out.println(out);
    }

    // ---- JSON and bytes helpers ----

    private static void set(ObjectNode root, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (!(child instanceof ObjectNode)) {
                child = node.putObject(parts[i]);
            }
            node = (ObjectNode) child;
        }
        node.set(parts[parts.length - 1], value);
    }

    private static void remove(ObjectNode root, String path) {
        String[] parts = path.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.path(parts[i]);
        }
        if (node instanceof ObjectNode object) {
            object.remove(parts[parts.length - 1]);
        }
    }

    private static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        return text(node).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] replace(byte[] haystack, byte[] needle, byte[] replacement) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < haystack.length; i++) {
            if (i + needle.length <= haystack.length
                    && java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                out.writeBytes(replacement);
                i += needle.length - 1;
            } else {
                out.write(haystack[i]);
            }
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = HostileInputCorpusTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return in.readAllBytes();
        }
    }
}
