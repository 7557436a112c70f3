package dev.ledgerbridge.gateway.rest;

import dev.ledgerbridge.gateway.mapping.OutputFields;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Metrics of the HubSpot action endpoints: {@code ledgerbridge_actions_total{action,outcome}},
 * {@code ledgerbridge_refusals_total{action,code}} and the gauge {@code ledgerbridge_actions_in_flight} that the
 * production HPA scales the gateway on. Kept at the edge so every action endpoint is counted the same way.
 */
@Singleton
public class ActionMetricsFilter {

    static final String ACTIONS_PATH = "/hubspot/actions/";

    private final MeterRegistry registry;
    private final AtomicInteger inFlight = new AtomicInteger();

    public ActionMetricsFilter(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("ledgerbridge.actions.in.flight", inFlight, AtomicInteger::get)
                .description("HubSpot action requests the gateway is working on now")
                .register(registry);
    }

    /**
     * The route-level end handler runs however a request ends (answer, failure, client gone), so the gauge never
     * leaks; observing the Router also creates this bean at start, so the gauge reads 0 before the first action.
     */
    void trackInFlight(@Observes Router router) {
        router.route(ACTIONS_PATH + "*").order(-100).handler(context -> {
            inFlight.incrementAndGet();
            context.addEndHandler(ended -> inFlight.decrementAndGet());
            context.next();
        });
    }

    @ServerResponseFilter
    public void count(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith(ACTIONS_PATH)) {
            return;
        }
        int status = response.getStatus();
        // Unknown paths would otherwise turn into unbounded label values.
        String action = status == 404 || status == 405 ? "unknown" : path.substring(ACTIONS_PATH.length());
        String outcome;
        String code = null;
        if (response.getEntity() instanceof ActionResponse answer) {
            Map<String, String> fields = answer.outputFields();
            String state = fields.get(OutputFields.EXECUTION_STATE);
            if ("BLOCK".equals(state)) {
                // The result follows through the callback API (ledgerbridge_callback_completions_total).
                outcome = "blocked";
            } else {
                boolean success = "SUCCESS".equals(state);
                outcome = success ? "success" : "refused";
                code = success ? null : fields.getOrDefault(OutputFields.ERROR_CODE, "UNKNOWN");
            }
        } else if (status == 429) {
            outcome = "busy";
        } else if (status == 401) {
            outcome = "rejected";
        } else if (status >= 400 && status < 500) {
            outcome = "invalid";
        } else {
            outcome = "error";
        }
        Counter.builder("ledgerbridge.actions")
                .description("HubSpot action deliveries by action and outcome (success, refused, blocked, busy, rejected, invalid, error)")
                .tags("action", action, "outcome", outcome)
                .register(registry).increment();
        if (code != null) {
            Counter.builder("ledgerbridge.refusals")
                    .description("FAIL_CONTINUE answers by error code")
                    .tags("action", action, "code", code)
                    .register(registry).increment();
        }
    }
}
