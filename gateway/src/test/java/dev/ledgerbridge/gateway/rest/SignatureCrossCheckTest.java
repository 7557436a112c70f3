package dev.ledgerbridge.gateway.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ledgerbridge.gateway.service.HubSpotRequestVerifier;
import dev.ledgerbridge.gateway.service.HubSpotRequestVerifier.InvalidSignatureException;
import dev.ledgerbridge.gateway.support.DownstreamWireMock;
import dev.ledgerbridge.gateway.support.RawHttp;
import dev.ledgerbridge.gateway.support.SignedActionRequests;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The gateway's signature check against an independent implementation: {@code hostile/independent_signatures.py}
 * (Python's hmac/hashlib/base64, written from domain brief 2.5 alone) signs 1,000 random requests (method, URI with
 * percent-encoded characters and a query, body with unicode, timestamp inside or outside the window); the gateway's
 * {@link HubSpotRequestVerifier} must accept exactly the signatures Python produces for fresh timestamps, reject stale
 * and future ones, accept the same request with its URI spelled equivalently, and reject every mutated request (one
 * bit of the signature, one body byte, one URI character, the method, the timestamp, the host, the query order). The
 * first 200 cases also go over HTTP to the options endpoint. The seed is printed; {@code -Dhostile.signature-seed}
 * repeats a run.
 */
@QuarkusTest
@WithTestResource(DownstreamWireMock.class)
class SignatureCrossCheckTest {

    private static final int CASES = 1000;
    private static final int OVER_HTTP = 200;
    private static final String SECRET = SignedActionRequests.SECRET;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] METHODS = { "POST", "GET", "PUT", "PATCH", "DELETE" };
    /** The escapes v3 decodes, in both cases, and escapes it must leave alone. */
    private static final String[] DECODED_ESCAPES = { "%3A", "%2F", "%3F", "%40", "%21", "%24", "%27", "%28", "%29",
            "%2A", "%2C", "%3B", "%3a", "%2f", "%3f", "%2a", "%2c", "%3b" };
    private static final String[] KEPT_ESCAPES = { "%20", "%25", "%2B", "%2b", "%7E", "%C3%A9", "%c3%a9",
            "%E2%82%AC", "%F0%9F%98%80", "%0A", "%00", "%22", "%3C", "%5B", "%5D", "%7C", "%26", "%3D", "%23" };
    private static final String RAW = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$'()*,;:@";
    private static final String[] BODY_PIECES = { "{\"callbackId\":\"ap-1\"}", "Café", "naïve", "Ελληνικά", "日本語",
            "😀", "👩‍👩‍👧", "\\u0000", "\"quoted\"", "line\nbreak", "tab\t", "€100", "'", "\\", "%", "_", " ", "\u202e",
            "Ω", "ß", "{\"a\":[1,2,3]}" };
    private static final Pattern ESCAPE = Pattern.compile("%[0-9A-Fa-f]{2}");

    @Inject
    HubSpotRequestVerifier verifier;

    private record Case(int id, String method, String scheme, String host, String pathAndQuery, byte[] body,
            String timestamp, long now, boolean http) {

        String uri() {
            return scheme + "://" + host + pathAndQuery;
        }
    }

    private record Independent(String v3, String v2, boolean fresh) {
    }

    @Test
    void javaVerifierAcceptsExactlyTheIndependentSignatures() throws Exception {
        long seed = Long.getLong("hostile.signature-seed", System.nanoTime());
        System.out.println("SignatureCrossCheckTest seed=" + seed + " (repeat with -Dhostile.signature-seed="
                + seed + ")");
        Random random = new Random(seed);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            cases.add(randomCase(random, i, i < OVER_HTTP));
        }
        Map<Integer, Independent> independent = runPython(cases);
        assertEquals(CASES, independent.size(), "the independent implementation answered every case");

        Map<String, Integer> counts = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            Independent expected = independent.get(c.id());
            check(failures, counts, c, "v3 as signed independently (" + (expected.fresh() ? "fresh" : "stale/future")
                    + ")", v3(c, c.timestamp(), expected.v3()), expected.fresh());
            if (!expected.fresh()) {
                continue;
            }
            String equivalent = equivalentSpelling(c, random);
            if (equivalent != null) {
                Case respelled = new Case(c.id(), c.method(), c.scheme(), c.host(), equivalent, c.body(), c.timestamp(),
                        c.now(), c.http());
                check(failures, counts, c, "v3, URI respelled equivalently", v3(respelled, c.timestamp(),
                        expected.v3()), true);
            }
            mutate(c, expected, random, failures, counts);
            check(failures, counts, c, "v2 as signed independently", v2(c, expected.v2()), true);
            Case otherBody = new Case(c.id(), c.method(), c.scheme(), c.host(), c.pathAndQuery(),
                    flipOneByte(c.body(), random), c.timestamp(), c.now(), c.http());
            check(failures, counts, c, "v2, one body byte changed", v2(otherBody, expected.v2()), false);
        }
        int httpChecks = overHttp(cases, independent, random, failures, counts);

        StringBuilder summary = new StringBuilder("\n=== signature cross-check, seed " + seed + ": " + CASES
                + " random requests, " + httpChecks + " HTTP requests, " + failures.size() + " disagreements ===\n");
        counts.forEach((what, n) -> summary.append(String.format("  %5d  %s%n", n, what)));
        System.out.println(summary);
        assertTrue(failures.isEmpty(), failures.size() + " disagreements (seed " + seed + "):\n"
                + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
        assertTrue(counts.getOrDefault("v3 as signed independently (stale/future): rejected", 0) > 50,
                "too few stale or future cases: " + counts);
    }

    // ---- random requests ----

    private static Case randomCase(Random random, int id, boolean http) {
        long now = System.currentTimeMillis();
        String method = http ? "POST" : METHODS[random.nextInt(METHODS.length)];
        String scheme = http ? "http" : random.nextBoolean() ? "https" : "http";
        String host = http ? "localhost:" + RestAssured.port
                : pick(random, "bridge.example.com", "ledgerbridge.example.org:8443", "127.0.0.1:8080",
                        "xn--caf-dma.example", "api.example.com:443");
        StringBuilder path = new StringBuilder(http ? "/hubspot/options/zz" : "");
        int segments = http ? 0 : 1 + random.nextInt(4);
        for (int s = 0; s < segments; s++) {
            path.append('/').append(component(random, 1 + random.nextInt(12), false));
        }
        if (http) {
            path.append(component(random, 1 + random.nextInt(12), true));
        }
        if (random.nextInt(5) > 0) {
            int params = 1 + random.nextInt(4);
            path.append('?');
            for (int p = 0; p < params; p++) {
                if (p > 0) {
                    path.append('&');
                }
                path.append(component(random, 1 + random.nextInt(6), false)).append('=')
                        .append(component(random, random.nextInt(10), false));
            }
        }
        long offset;
        int window = random.nextInt(10);
        if (window < 7) {
            offset = random.nextInt(480_001) - 240_000; // within 4 minutes either way
        } else if (window < 9) {
            offset = -(360_000 + (long) random.nextInt(3_600_000)); // 6 minutes to an hour old
        } else {
            offset = 360_000 + random.nextInt(3_600_000); // 6 minutes to an hour ahead
        }
        return new Case(id, method, scheme, host, path.toString(), body(random), Long.toString(now + offset), now,
                http);
    }

    /** Raw characters and escapes; over HTTP a path component avoids what changes the route ('/', '.', '%2F', '%25'). */
    private static String component(Random random, int length, boolean routeSafe) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(4);
            if (kind == 0) {
                String escape = DECODED_ESCAPES[random.nextInt(DECODED_ESCAPES.length)];
                if (routeSafe && escape.equalsIgnoreCase("%2F")) {
                    escape = "%3A";
                }
                out.append(escape);
            } else if (kind == 1) {
                String escape = KEPT_ESCAPES[random.nextInt(KEPT_ESCAPES.length)];
                // The gateway refuses an encoded '%' in a public path (400); the query may have one.
                out.append(routeSafe && escape.equals("%25") ? "%20" : escape);
            } else {
                char c = RAW.charAt(random.nextInt(RAW.length()));
                out.append(routeSafe && c == '.' ? 'x' : c);
            }
        }
        return out.toString();
    }

    private static byte[] body(Random random) {
        int pieces = random.nextInt(8);
        if (pieces == 0) {
            return new byte[0];
        }
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            body.append(BODY_PIECES[random.nextInt(BODY_PIECES.length)]);
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }

    // ---- the independent implementation ----

    private static Map<Integer, Independent> runPython(List<Case> cases) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("signature-cross-check");
        Path script = dir.resolve("independent_signatures.py");
        try (InputStream in = SignatureCrossCheckTest.class.getClassLoader()
                .getResourceAsStream("hostile/independent_signatures.py")) {
            Files.write(script, in.readAllBytes());
        }
        Path input = dir.resolve("cases.jsonl");
        Path output = dir.resolve("signatures.jsonl");
        StringBuilder lines = new StringBuilder();
        for (Case c : cases) {
            Map<String, Object> line = new HashMap<>();
            line.put("id", c.id());
            line.put("method", c.method());
            line.put("uri", c.uri());
            line.put("body_b64", Base64.getEncoder().encodeToString(c.body()));
            line.put("timestamp", c.timestamp());
            line.put("now", c.now());
            lines.append(JSON.writeValueAsString(line)).append('\n');
        }
        Files.writeString(input, lines, StandardCharsets.UTF_8);
        Process python = new ProcessBuilder("python3", script.toString(), SECRET, input.toString(), output.toString())
                .redirectErrorStream(true).start();
        String pythonOutput = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(python.waitFor(60, TimeUnit.SECONDS), "python3 did not finish");
        assertEquals(0, python.exitValue(), "python3 failed: " + pythonOutput);
        Map<Integer, Independent> answers = new HashMap<>();
        for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                JsonNode answer = JSON.readTree(line);
                answers.put(answer.get("id").asInt(), new Independent(answer.get("v3").asText(),
                        answer.get("v2").asText(), answer.get("fresh").asBoolean()));
            }
        }
        return answers;
    }

    // ---- the Java verifier ----

    private boolean v3(Case c, String timestamp, String signature) {
        return accepts(c, Map.of("x-hubspot-request-timestamp", timestamp, "x-hubspot-signature-v3", signature));
    }

    private boolean v2(Case c, String signature) {
        return accepts(c, Map.of("x-hubspot-signature", signature, "x-hubspot-signature-version", "v2"));
    }

    private boolean accepts(Case c, Map<String, String> headers) {
        try {
            verifier.verify(c.method(), c.scheme(), c.host(), c.pathAndQuery(), c.body(),
                    name -> headers.get(name.toLowerCase(Locale.ROOT)));
            return true;
        } catch (InvalidSignatureException e) {
            return false;
        }
    }

    private static void check(List<String> failures, Map<String, Integer> counts, Case c, String what,
            boolean accepted, boolean expected) {
        counts.merge(what + ": " + (accepted ? "accepted" : "rejected"), 1, Integer::sum);
        if (accepted != expected) {
            failures.add("case " + c.id() + " " + what + ": Java " + (accepted ? "accepted" : "rejected") + " "
                    + c.method() + " " + c.uri() + " ts=" + c.timestamp() + " body="
                    + new String(c.body(), StandardCharsets.UTF_8));
        }
    }

    /** The same URI with one decoded escape in the other case, or written as its character; null if it has none. */
    private static String equivalentSpelling(Case c, Random random) {
        Matcher m = ESCAPE.matcher(c.pathAndQuery());
        List<int[]> decodable = new ArrayList<>();
        while (m.find()) {
            String escape = m.group().toUpperCase(Locale.ROOT);
            for (int i = 0; i < 12; i++) {
                if (DECODED_ESCAPES[i].equals(escape)) {
                    decodable.add(new int[] { m.start(), i });
                }
            }
        }
        if (decodable.isEmpty()) {
            return null;
        }
        int[] chosen = decodable.get(random.nextInt(decodable.size()));
        String uri = c.pathAndQuery();
        String original = uri.substring(chosen[0], chosen[0] + 3);
        String flipped = original.equals(original.toUpperCase(Locale.ROOT)) ? original.toLowerCase(Locale.ROOT)
                : original.toUpperCase(Locale.ROOT);
        if (flipped.equals(original)) {
            // Only digits after '%' (%21, %24, %27, %28, %29, %40): write the character instead.
            flipped = String.valueOf((char) Integer.parseInt(original.substring(1), 16));
        }
        return uri.substring(0, chosen[0]) + flipped + uri.substring(chosen[0] + 3);
    }

    /** One mutation of the request, which the Java verifier must reject. */
    private void mutate(Case c, Independent expected, Random random, List<String> failures,
            Map<String, Integer> counts) {
        String signature = expected.v3();
        String name;
        Case mutated = c;
        String timestamp = c.timestamp();
        switch (random.nextInt(8)) {
            case 0 -> {
                byte[] raw = Base64.getDecoder().decode(signature);
                raw[random.nextInt(raw.length)] ^= (byte) (1 << random.nextInt(8));
                signature = Base64.getEncoder().encodeToString(raw);
                name = "one signature bit";
            }
            case 1 -> {
                mutated = with(c, c.method(), c.host(), c.pathAndQuery(), flipOneByte(c.body(), random));
                name = "one body byte";
            }
            case 2 -> {
                timestamp = Long.toString(Long.parseLong(c.timestamp()) + 1 + random.nextInt(1000));
                name = "timestamp";
            }
            case 3 -> {
                String other = c.method().equals("POST") ? "PUT" : "POST";
                mutated = with(c, other, c.host(), c.pathAndQuery(), c.body());
                name = "method";
            }
            case 4 -> {
                mutated = with(c, c.method(), c.host().startsWith("localhost") ? "127.0.0.1" + c.host().substring(9)
                        : "evil.example", c.pathAndQuery(), c.body());
                name = "host";
            }
            case 5 -> {
                String swapped = swapQuery(c.pathAndQuery());
                if (swapped != null) {
                    mutated = with(c, c.method(), c.host(), swapped, c.body());
                    name = "query order";
                } else {
                    mutated = with(c, c.method(), c.host(), c.pathAndQuery() + "x", c.body());
                    name = "one URI character added";
                }
            }
            case 6 -> {
                String recased = recaseKeptEscape(c.pathAndQuery());
                if (recased != null) {
                    mutated = with(c, c.method(), c.host(), recased, c.body());
                    name = "case of an escape v3 keeps";
                } else {
                    mutated = with(c, c.method(), c.host(), c.pathAndQuery() + "x", c.body());
                    name = "one URI character added";
                }
            }
            default -> {
                mutated = with(c, c.method(), c.host(), changeOneChar(c.pathAndQuery(), random), c.body());
                name = "one URI character";
            }
        }
        check(failures, counts, c, "v3 mutated (" + name + ")", v3(mutated, timestamp, signature), false);
    }

    private static Case with(Case c, String method, String host, String pathAndQuery, byte[] body) {
        return new Case(c.id(), method, c.scheme(), host, pathAndQuery, body, c.timestamp(), c.now(), c.http());
    }

    private static byte[] flipOneByte(byte[] body, Random random) {
        if (body.length == 0) {
            return new byte[] { 'x' };
        }
        byte[] copy = body.clone();
        copy[random.nextInt(copy.length)] ^= (byte) (1 + random.nextInt(127));
        return copy;
    }

    private static String swapQuery(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        if (q < 0) {
            return null;
        }
        String[] params = pathAndQuery.substring(q + 1).split("&", -1);
        if (params.length < 2 || params[0].equals(params[1])) {
            return null;
        }
        String first = params[0];
        params[0] = params[1];
        params[1] = first;
        return pathAndQuery.substring(0, q + 1) + String.join("&", params);
    }

    private static String recaseKeptEscape(String uri) {
        Matcher m = ESCAPE.matcher(uri);
        while (m.find()) {
            String escape = m.group();
            String upper = escape.toUpperCase(Locale.ROOT);
            boolean decoded = false;
            for (int i = 0; i < 12; i++) {
                decoded |= DECODED_ESCAPES[i].equals(upper);
            }
            String lower = escape.toLowerCase(Locale.ROOT);
            if (!decoded && !upper.equals(lower)) {
                String other = escape.equals(upper) ? lower : upper;
                return uri.substring(0, m.start()) + other + uri.substring(m.end());
            }
        }
        return null;
    }

    /** Replaces one letter or digit that is not part of an escape with another one. */
    private static String changeOneChar(String uri, Random random) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < uri.length(); i++) {
            boolean inEscape = i >= 1 && uri.charAt(i - 1) == '%' || i >= 2 && uri.charAt(i - 2) == '%';
            if (Character.isLetterOrDigit(uri.charAt(i)) && !inEscape) {
                positions.add(i);
            }
        }
        if (positions.isEmpty()) {
            return uri + "x";
        }
        int at = positions.get(random.nextInt(positions.size()));
        char c = uri.charAt(at);
        char other = c == 'q' ? 'r' : 'q';
        return uri.substring(0, at) + other + uri.substring(at + 1);
    }

    // ---- over HTTP ----

    /**
     * The first cases again, sent as raw HTTP to {@code /hubspot/options/zz...} (an unknown list): a valid signature
     * gets past the check to 404 UNKNOWN_OPTIONS, anything else is 401.
     */
    private int overHttp(List<Case> cases, Map<Integer, Independent> independent, Random random,
            List<String> failures, Map<String, Integer> counts) throws IOException {
        int sent = 0;
        for (Case c : cases) {
            if (!c.http()) {
                continue;
            }
            Independent expected = independent.get(c.id());
            sent++;
            RawHttp.Answer answer = RawHttp.send(RestAssured.port, c.method(), c.pathAndQuery(), List.of(
                    "X-HubSpot-Request-Timestamp: " + c.timestamp(), "X-HubSpot-Signature-v3: " + expected.v3()),
                    c.body(), false);
            checkHttp(failures, counts, c, "HTTP v3 as signed independently", answer, expected.fresh());
            if (expected.fresh()) {
                sent++;
                RawHttp.Answer mutated = RawHttp.send(RestAssured.port, c.method(), c.pathAndQuery(), List.of(
                        "X-HubSpot-Request-Timestamp: " + c.timestamp(), "X-HubSpot-Signature-v3: " + expected.v3()),
                        flipOneByte(c.body(), random), false);
                checkHttp(failures, counts, c, "HTTP v3, one body byte changed", mutated, false);
            }
        }
        return sent;
    }

    private static void checkHttp(List<String> failures, Map<String, Integer> counts, Case c, String what,
            RawHttp.Answer answer, boolean expectAccepted) {
        boolean accepted = answer.status() == 404 && answer.body().contains("UNKNOWN_OPTIONS");
        boolean rejected = answer.status() == 401 && answer.body().contains("INVALID_SIGNATURE");
        counts.merge(what + ": " + (accepted ? "accepted (404 UNKNOWN_OPTIONS)" : rejected ? "rejected (401)"
                : "other " + answer.status()), 1, Integer::sum);
        if (expectAccepted ? !accepted : !rejected) {
            failures.add("case " + c.id() + " " + what + ": HTTP " + answer.status() + " " + answer.body() + " for "
                    + c.method() + " " + c.pathAndQuery());
        }
    }
}
