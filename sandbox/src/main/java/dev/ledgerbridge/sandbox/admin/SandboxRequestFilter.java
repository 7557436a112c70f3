package dev.ledgerbridge.sandbox.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ledgerbridge.sandbox.hubspot.HubSpotError;
import io.quarkus.logging.Log;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs before every route: counts vendor requests (per vendor, endpoint template and correlation id) and
 * applies injected faults (latency, 429, 5xx, dropped connection) in the vendor's own error format.
 */
@ApplicationScoped
public class SandboxRequestFilter {

    private static final Pattern FROM_ENTITY = Pattern.compile("(?i)\\bfrom\\s+([A-Za-z]+)");

    /** Header clients send with the caller's correlation id (the gateway uses the HubSpot callbackId). */
    public static final String CORRELATION_HEADER = "X-LedgerBridge-Correlation-Id";

    private final RequestStats stats;
    private final FaultInjector faults;
    private final Vertx vertx;
    private final ObjectMapper mapper;

    public SandboxRequestFilter(RequestStats stats, FaultInjector faults, Vertx vertx, ObjectMapper mapper) {
        this.stats = stats;
        this.faults = faults;
        this.vertx = vertx;
        this.mapper = mapper;
    }

    // A high priority so counting and faults come before every other filter and route.
    void register(@Observes Filters filters) {
        filters.register(this::filter, 1000);
    }

    void filter(RoutingContext rc) {
        String path = rc.normalizedPath();
        String vendor = VendorPaths.vendor(path);
        if (vendor == null) {
            rc.next();
            return;
        }
        String method = rc.request().method().name();
        String template = VendorPaths.template(path);
        String endpoint = method + " " + template;
        RequestStats.Call call = stats.record(vendor, endpoint, VendorPaths.isRead(method, path),
                rc.request().getHeader(CORRELATION_HEADER), detail(template, rc));
        rc.addHeadersEndHandler(v -> {
            String status = Integer.toString(rc.response().getStatusCode());
            stats.recordOutcome(endpoint, status);
            stats.recordCallOutcome(call, status);
        });
        FaultInjector.Decision d = faults.decide(vendor, method, path, template);
        if (d.latencyMs() > 0) {
            vertx.setTimer(d.latencyMs(), id -> act(rc, d, path, endpoint));
        } else {
            act(rc, d, path, endpoint);
        }
    }

    /** For a QBO query, the entity it reads (e.g. "Customer"), so a call log says what was looked up. */
    private static String detail(String template, RoutingContext rc) {
        if (!template.endsWith("/query")) {
            return null;
        }
        String query = rc.request().getParam("query");
        if (query == null) {
            return null;
        }
        Matcher m = FROM_ENTITY.matcher(query);
        return m.find() ? m.group(1) : null;
    }

    private void act(RoutingContext rc, FaultInjector.Decision d, String path, String endpoint) {
        switch (d.action()) {
            case DROP -> {
                Log.infof("Fault: dropping connection of %s", endpoint);
                stats.recordOutcome(endpoint, "dropped");
                rc.request().connection().close();
            }
            case STATUS -> {
                Log.infof("Fault: answering %d to %s", d.status(), endpoint);
                if (d.retryAfterSeconds() != null) {
                    rc.response().putHeader("Retry-After", Integer.toString(d.retryAfterSeconds()));
                }
                rc.response().setStatusCode(d.status()).putHeader("Content-Type", "application/json")
                        .end(VendorPaths.speaksHubSpot(path) ? hubSpotBody(d.status()) : qboFault(d.status()));
            }
            default -> rc.next();
        }
    }

    private String hubSpotBody(int status) {
        HubSpotError e = status == 429
                ? HubSpotError.of("RATE_LIMITS", "You have reached your secondly limit.")
                : HubSpotError.of("INTERNAL_ERROR", "internal error");
        return write(e);
    }

    private String qboFault(int status) {
        String time = OffsetDateTime.now(ZoneOffset.ofHours(-7)).toString();
        // Same shape and codes as the QBO half's own throttling fault, so clients see one format.
        Map<String, Object> error = status == 429
                ? Map.of("Message", "message=ThrottleExceeded; errorCode=003001; statusCode=429",
                        "Detail", "The request limit was reached (injected by the LedgerBridge sandbox).", "code", "003001",
                        "element", "")
                : Map.of("Message", "An application error has occurred while processing your request",
                        "Detail", "System Failure Error: injected by the LedgerBridge sandbox", "code", "10000", "element", "");
        return write(Map.of("Fault", Map.of("Error", List.of(error), "type", "SystemFault"),
                "time", time));
    }

    private String write(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
