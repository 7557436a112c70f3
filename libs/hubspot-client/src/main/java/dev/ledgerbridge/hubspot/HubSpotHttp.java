package dev.ledgerbridge.hubspot;

import java.io.IOException;
import java.time.Duration;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Sends {@link ApiCall}s with Vert.x WebClient: auth and correlation headers, per-attempt timeout, the retry policy
 * for reads, JSON (de)serialisation and the mapping of error responses to {@link HubSpotApiException}s.
 */
final class HubSpotHttp implements AutoCloseable {

    static final String CORRELATION_HEADER = "X-LedgerBridge-Correlation-Id";

    private static final Logger LOG = Logger.getLogger(HubSpotHttp.class);

    private final Vertx vertx;
    private final WebClient web;
    private final HubSpotClientConfig config;
    private final ObjectMapper json;
    private final HubSpotCallListener listener;

    HubSpotHttp(Vertx vertx, HubSpotClientConfig config) {
        this(vertx, config, HubSpotCallListener.NONE);
    }

    HubSpotHttp(Vertx vertx, HubSpotClientConfig config, HubSpotCallListener listener) {
        this.listener = listener;
        this.vertx = vertx;
        this.config = config;
        this.web = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, config.requestTimeout().toMillis()))
                .setMaxPoolSize(config.maxConnections())
                .setUserAgent("LedgerBridge-HubSpotClient")
                .setFollowRedirects(false));
        this.json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    ObjectMapper json() {
        return json;
    }

    byte[] toJson(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot serialise request body " + body.getClass().getSimpleName(), e);
        }
    }

    /** Sends the call and reads a 2xx body as {@code type}. */
    <T> Uni<T> read(ApiCall call, JavaType type) {
        return send(call).onItem().transform(response -> {
            requireSuccess(call, response);
            return parse(call, response, type);
        });
    }

    /** Like {@link #read} but a 404 becomes a null item, for single reads by id. */
    <T> Uni<T> readOrNull(ApiCall call, JavaType type) {
        return send(call).onItem().transform(response -> {
            if (response.statusCode() == 404) {
                LOG.debugf("HubSpot %s %s: not found", call.method(), call.pathTemplate());
                return null;
            }
            requireSuccess(call, response);
            return parse(call, response, type);
        });
    }

    /** Sends the call and discards a 2xx body (HubSpot answers 204 for callback completion). */
    Uni<Void> execute(ApiCall call) {
        return send(call).onItem().transform(response -> {
            requireSuccess(call, response);
            return null;
        });
    }

    private Uni<HttpResponse<Buffer>> send(ApiCall call) {
        return attempt(call, 0, false);
    }

    private Uni<HttpResponse<Buffer>> attempt(ApiCall call, int rateLimitRetriesUsed, boolean serverErrorRetried) {
        Uni<String> token = call.bearerToken() == null ? Uni.createFrom().nullItem() : call.bearerToken().get();
        return token.onItem().transformToUni(t -> dispatch(call, t)).onItem().transformToUni(response -> {
            int status = response.statusCode();
            if (status == 429 && call.retryable() && rateLimitRetriesUsed < config.rateLimitRetries()) {
                Duration wait = retryDelay(response, rateLimitRetriesUsed);
                LOG.warnf("HubSpot %s %s: 429, retry %d/%d in %d ms", call.method(), call.pathTemplate(),
                        rateLimitRetriesUsed + 1, config.rateLimitRetries(), wait.toMillis());
                listener.throttled(call.pathTemplate(), wait);
                return delay(wait).onItem()
                        .transformToUni(ignored -> attempt(call, rateLimitRetriesUsed + 1, serverErrorRetried));
            }
            if (status >= 500 && call.retryable() && !serverErrorRetried) {
                LOG.warnf("HubSpot %s %s: %d, retrying once", call.method(), call.pathTemplate(), status);
                return attempt(call, rateLimitRetriesUsed, true);
            }
            return Uni.createFrom().item(response);
        });
    }

    private Uni<HttpResponse<Buffer>> dispatch(ApiCall call, String token) {
        HttpRequest<Buffer> request = web.requestAbs(call.method(), call.url(config.root()))
                .putHeader("Accept", ApiCall.JSON)
                .timeout(config.requestTimeout().toMillis());
        if (token != null) {
            request.putHeader("Authorization", "Bearer " + token);
        }
        if (call.correlationId() != null) {
            request.putHeader(CORRELATION_HEADER, call.correlationId());
        }
        LOG.debugf("HubSpot %s %s", call.method(), call.pathTemplate());
        HubSpotCallListener.Call observed = listener.start(call.method().name(), call.pathTemplate());
        observed.headers().forEach(request::putHeader);
        Uni<HttpResponse<Buffer>> sent;
        if (call.body() == null) {
            sent = request.send();
        } else {
            request.putHeader("Content-Type", call.contentType());
            sent = request.sendBuffer(Buffer.buffer(call.body()));
        }
        return sent.onItem().invoke(response -> observed.completed(response.statusCode()))
                .onFailure().invoke(observed::failed);
    }

    private Duration retryDelay(HttpResponse<Buffer> response, int retriesUsed) {
        Duration retryAfter = retryAfter(response);
        if (retryAfter != null) {
            return retryAfter;
        }
        return config.rateLimitBackoff().multipliedBy(1L << Math.min(retriesUsed, 16));
    }

    /** {@code Retry-After} in seconds as HubSpot sends it; an HTTP-date or garbage counts as absent. */
    static Duration retryAfter(HttpResponse<Buffer> response) {
        String header = response.getHeader("Retry-After");
        if (header == null || !header.trim().matches("\\d{1,9}")) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(header.trim()));
    }

    private Uni<Void> delay(Duration wait) {
        long millis = Math.max(1, wait.toMillis());
        // A Vert.x timer keeps the continuation on the caller's event loop instead of Mutiny's worker pool.
        return Uni.createFrom().emitter(emitter -> {
            long timerId = vertx.setTimer(millis, ignored -> emitter.complete(null));
            emitter.onTermination(() -> vertx.cancelTimer(timerId));
        });
    }

    private void requireSuccess(ApiCall call, HttpResponse<Buffer> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        HubSpotError error = parseError(response);
        String method = call.method().name();
        LOG.debugf("HubSpot %s %s: %d %s", method, call.pathTemplate(), status,
                error == null ? "" : String.valueOf(error.category()));
        if (status == 404) {
            throw new HubSpotNotFoundException(error, method, call.path());
        }
        if (status == 429) {
            throw new HubSpotRateLimitException(error, method, call.path(), retryAfter(response));
        }
        throw new HubSpotApiException(status, error, method, call.path());
    }

    private HubSpotError parseError(HttpResponse<Buffer> response) {
        Buffer body = response.body();
        if (body == null || body.length() == 0) {
            return null;
        }
        try {
            return json.readValue(body.getBytes(), HubSpotError.class);
        } catch (IOException | RuntimeException e) {
            // Gateways in front of HubSpot can answer HTML; the status alone is still a usable error.
            return null;
        }
    }

    private <T> T parse(ApiCall call, HttpResponse<Buffer> response, JavaType type) {
        Buffer body = response.body();
        if (body == null || body.length() == 0) {
            return null;
        }
        try {
            return json.readValue(body.getBytes(), type);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Unreadable HubSpot response to " + call.method() + " " + call.pathTemplate(), e);
        }
    }

    @Override
    public void close() {
        web.close();
    }
}
