package dev.ledgerbridge.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reactive client for the QuickBooks Online Accounting API v3; {@link #company(String)} gives the realm-scoped
 * operations. Plain Java: services create it in a CDI producer and close it on shutdown.
 * <p>Every call carries {@code minorversion}; a 429 is retried with back-off (writes too, since their
 * {@code requestid} makes the retry a replay); faults in both of QBO's JSON shapes become
 * {@link QboFaultException}, other non-JSON answers {@link QboException}. Transport failures (connection
 * refused, timeout) arrive as Vert.x's own exceptions.
 */
public final class QuickBooksClient implements AutoCloseable {

    /** Header that carries the caller's correlation id (the HubSpot callbackId) to QBO and the sandbox. */
    public static final String CORRELATION_HEADER = "X-LedgerBridge-Correlation-Id";

    private static final Logger LOG = Logger.getLogger(QuickBooksClient.class);
    private static final Pattern REALM_ID = Pattern.compile("[0-9]{1,32}");

    private final Vertx vertx;
    private final QuickBooksClientConfig config;
    private final AccessTokenProvider tokens;
    private final WebClient webClient;
    private final String apiRoot;
    private final QboCallListener listener;
    private final RealmPacer pacer;

    /** Creates the client and its WebClient on the given Vert.x instance. */
    public QuickBooksClient(Vertx vertx, QuickBooksClientConfig config, AccessTokenProvider tokens) {
        this(vertx, config, tokens, QboCallListener.NONE);
    }

    /** Like {@link #QuickBooksClient(Vertx, QuickBooksClientConfig, AccessTokenProvider)}, telling {@code listener} about every request. */
    public QuickBooksClient(Vertx vertx, QuickBooksClientConfig config, AccessTokenProvider tokens,
            QboCallListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.config = Objects.requireNonNull(config, "config");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.webClient = WebClient.create(vertx, new WebClientOptions()
                .setMaxPoolSize(config.maxConnections())
                .setUserAgent("LedgerBridge-QuickBooksClient")
                .setFollowRedirects(false));
        String base = config.baseUrl().toString();
        this.apiRoot = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v3/company/";
        this.pacer = new RealmPacer(config.pacePerSecond(), config.pacePerMinute());
    }

    /** Operations on one QBO company; the realm id is QBO's numeric company id. */
    public QboCompany company(String realmId) {
        if (realmId == null || !REALM_ID.matcher(realmId).matches()) {
            throw new IllegalArgumentException("a QBO realm id is numeric: " + realmId);
        }
        return new QboCompany(this, realmId, null);
    }

    /** The settings this client was built with. */
    public QuickBooksClientConfig config() {
        return config;
    }

    /** Closes the underlying WebClient. */
    @Override
    public void close() {
        webClient.close();
    }

    /** URL-encodes a query-parameter value as UTF-8 with {@code %20} for spaces (never {@code +}). */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Sends one request for a realm. {@code resource} is the path below {@code /v3/company/<realmId>} with an
     * already encoded query string (or none); {@code minorversion} is appended here so no call can forget it.
     */
    Uni<QboResponse> execute(String realmId, String correlationId, HttpMethod method, String resource, String body) {
        String url = apiRoot + realmId + resource + (resource.indexOf('?') >= 0 ? "&" : "?")
                + "minorversion=" + config.minorVersion();
        int queryStart = resource.indexOf('?');
        // The path without its query string: a query may hold an e-mail address, which has no place in logs.
        String logPath = "/v3/company/" + realmId + (queryStart >= 0 ? resource.substring(0, queryStart) : resource);
        return attempt(realmId, correlationId, method, url, logPath, body, 0);
    }

    private Uni<QboResponse> attempt(String realmId, String correlationId, HttpMethod method, String url,
            String logPath, String body, int retry) {
        return tokens.accessToken(realmId)
                .onItem().ifNull().failWith(() -> new IllegalStateException("no QBO access token for realm " + realmId))
                .call(() -> paced(realmId, method, logPath))
                .chain(token -> observed(method, logPath,
                        headers -> send(method, url, token, correlationId, body, headers)))
                .chain(response -> {
                    String tid = response.getHeader("intuit_tid");
                    LOG.debugf("QBO %s %s -> HTTP %d, intuit_tid=%s", method, logPath, response.statusCode(), tid);
                    if (response.statusCode() == 429 && retry < config.throttleRetries()) {
                        Duration wait = retryAfter(response).orElse(config.throttleBackoff());
                        LOG.warnf("QBO throttled %s %s (intuit_tid=%s); retry %d of %d in %d ms", method, logPath, tid,
                                retry + 1, config.throttleRetries(), wait.toMillis());
                        listener.throttled(endpointTemplate(logPath), wait);
                        return delay(wait).chain(() -> attempt(realmId, correlationId, method, url, logPath, body,
                                retry + 1));
                    }
                    return Uni.createFrom().item(() -> interpret(response, tid));
                });
    }

    /** Sends through {@code sender} with the listener's headers, reporting how the request ended. */
    private Uni<HttpResponse<Buffer>> observed(HttpMethod method, String logPath,
            java.util.function.Function<Map<String, String>, Uni<HttpResponse<Buffer>>> sender) {
        QboCallListener.Call call = listener.start(method.name(), endpointTemplate(logPath));
        return sender.apply(call.headers())
                .onItem().invoke(response -> call.completed(response.statusCode()))
                .onFailure().invoke(call::failed);
    }

    /** {@code /v3/company/123/customer/45} becomes {@code /v3/company/{realmId}/customer/{id}}: few, id-free names. */
    static String endpointTemplate(String logPath) {
        String[] segments = logPath.split("/");
        StringBuilder template = new StringBuilder();
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            if (i == 3 && "company".equals(segments[2])) {
                segment = "{realmId}";
            } else if (!segment.isEmpty() && segment.chars().allMatch(Character::isDigit)) {
                segment = "{id}";
            }
            template.append('/').append(segment);
        }
        return template.toString();
    }

    private Uni<HttpResponse<Buffer>> send(HttpMethod method, String url, String token, String correlationId,
            String body, Map<String, String> extraHeaders) {
        HttpRequest<Buffer> request = webClient.requestAbs(method, url)
                .putHeader("Authorization", "Bearer " + token)
                .putHeader("Accept", "application/json")
                .timeout(config.requestTimeout().toMillis());
        if (correlationId != null) {
            request.putHeader(CORRELATION_HEADER, correlationId);
        }
        extraHeaders.forEach(request::putHeader);
        if (body == null) {
            return request.send();
        }
        // JSON is UTF-8 by definition; QBO rejects any other encoding with a misleading "Unsupported Operation" (500).
        return request.putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Waits for this call's turn under the company's pacing (every attempt, retries included). */
    private Uni<Void> paced(String realmId, HttpMethod method, String logPath) {
        Duration wait = pacer.reserve(realmId);
        if (!wait.isZero()) {
            LOG.debugf("QBO %s %s paced for %d ms", method, logPath, wait.toMillis());
            listener.paced(endpointTemplate(logPath), wait);
        }
        return delay(wait);
    }

    private Uni<Void> delay(Duration wait) {
        if (wait.isZero()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().emitter(emitter -> vertx.setTimer(wait.toMillis(), id -> emitter.complete(null)));
    }

    private static Optional<Duration> retryAfter(HttpResponse<Buffer> response) {
        String value = response.getHeader("Retry-After");
        if (value == null) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException e) {
            // An HTTP-date is allowed by RFC 9110 but not used by QBO; fall back to the configured back-off.
            return Optional.empty();
        }
    }

    private static QboResponse interpret(HttpResponse<Buffer> response, String tid) {
        int status = response.statusCode();
        Buffer buffer = response.body();
        String text = buffer == null ? "" : buffer.toString(StandardCharsets.UTF_8.name());
        JsonNode json = null;
        if (!text.isBlank()) {
            try {
                json = QboJson.mapper().readTree(text);
            } catch (IOException e) {
                throw new QboException("QBO answered HTTP " + status + " with a body that is not JSON (Content-Type "
                        + response.getHeader("Content-Type") + ")", status, tid, e);
            }
        }
        QboFaultException fault = json == null ? null : parseFault(json, status, tid);
        if (fault != null) {
            throw fault;
        }
        if (status < 200 || status > 299) {
            throw new QboFaultException(status, null, List.of(), tid);
        }
        if (json == null || !json.isObject()) {
            throw new QboException("QBO answered HTTP " + status + " without a JSON object", status, tid, null);
        }
        return new QboResponse(status, tid, json);
    }

    /** Reads either fault shape; null when the body holds no fault. */
    static QboFaultException parseFault(JsonNode json, int status, String tid) {
        JsonNode fault = field(json, "Fault", "fault");
        if (fault == null || !fault.isObject()) {
            return null;
        }
        List<QboError> errors = new ArrayList<>();
        JsonNode list = field(fault, "Error", "error");
        if (list != null) {
            for (JsonNode error : list.isArray() ? list : List.of(list)) {
                errors.add(new QboError(text(error, "Message", "message"), text(error, "Detail", "detail"),
                        text(error, "code", "Code"), text(error, "element", "Element")));
            }
        }
        return new QboFaultException(status, text(fault, "type", "Type"), errors, tid);
    }

    private static JsonNode field(JsonNode node, String name, String alternative) {
        JsonNode value = node.get(name);
        return value != null ? value : node.get(alternative);
    }

    private static String text(JsonNode node, String name, String alternative) {
        JsonNode value = field(node, name, alternative);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** A successful QBO answer: a JSON object plus the support id. */
    record QboResponse(int status, String intuitTid, JsonNode body) {
    }
}
