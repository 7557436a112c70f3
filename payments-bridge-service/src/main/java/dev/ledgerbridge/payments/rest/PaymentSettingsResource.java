package dev.ledgerbridge.payments.rest;

import dev.ledgerbridge.observability.CorrelationLogContext;
import dev.ledgerbridge.payments.service.PaymentSettingsService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

/** Per-company payment settings (payments contract, section C), checked against the company's QBO data when saved. */
@Path("/v1/companies/{realmId}/payment-settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PaymentSettingsResource {

    private final PaymentSettingsService settings;

    PaymentSettingsResource(PaymentSettingsService settings) {
        this.settings = settings;
    }

    /** The company's settings; every field null when none were saved. */
    @GET
    public Uni<PaymentSettingsBody> get(@RestPath @Pattern(regexp = "[0-9]{1,32}",
            message = "must be a numeric QBO company id") String realmId) {
        return settings.find(realmId).map(PaymentSettingsBody::of);
    }

    /** Checks the settings against QBO and replaces the stored ones; 422 names the field that is wrong and why. */
    @PUT
    public Uni<PaymentSettingsBody> put(
            @RestPath @Pattern(regexp = "[0-9]{1,32}", message = "must be a numeric QBO company id") String realmId,
            @NotNull @Valid PaymentSettingsBody request,
            @RestHeader(CorrelationLogContext.HEADER) @Pattern(regexp = "[\\x20-\\x7E]{0,200}",
                    message = "must be printable ASCII") String correlationId) {
        String correlation = correlationId == null || correlationId.isBlank() ? null : correlationId;
        return settings.save(realmId, request.toSettings(), correlation).map(PaymentSettingsBody::of);
    }
}
