package dev.ledgerbridge.payments.rest;

import dev.ledgerbridge.observability.CorrelationLogContext;
import dev.ledgerbridge.payments.BridgeOutcome;
import dev.ledgerbridge.payments.service.PaymentBridge;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The payment actions A4-A7 (payments contract, section B): 200 for every business outcome (CREATED, REPLAYED,
 * REFUSED, NO_OP), 400 for a malformed body, 429/503 with Retry-After for transient trouble.
 */
@Path("/v1/payment-actions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PaymentActionResource {

    private final PaymentBridge bridge;

    PaymentActionResource(PaymentBridge bridge) {
        this.bridge = bridge;
    }

    /** Bridges the payment through the action once per (portal, payment, action). */
    @POST
    public Uni<BridgeOutcome> bridge(@NotNull @Valid PaymentActionRequest request) {
        CorrelationLogContext.tag(request.callbackId());
        return bridge.bridge(request.toCommand());
    }
}
