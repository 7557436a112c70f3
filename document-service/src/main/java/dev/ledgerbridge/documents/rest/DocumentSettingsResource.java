package dev.ledgerbridge.documents.rest;

import dev.ledgerbridge.documents.service.DocumentSettingsService;
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

/** Per-company document settings (sales receipt accounts, DocNumber pattern), checked against QBO when saved. */
@Path("/v1/companies/{realmId}/document-settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DocumentSettingsResource {

    private final DocumentSettingsService settings;

    DocumentSettingsResource(DocumentSettingsService settings) {
        this.settings = settings;
    }

    /** The settings documents of the company use; defaults when none were saved. */
    @GET
    public Uni<DocumentSettingsResponse> get(@RestPath @Pattern(regexp = "[0-9]{1,32}",
            message = "must be a numeric QBO company id") String realmId) {
        return settings.find(realmId).map(found -> DocumentSettingsResponse.of(realmId, found));
    }

    /** Checks the settings against the company's QBO data and replaces the stored ones; 422 names what is wrong. */
    @PUT
    public Uni<DocumentSettingsResponse> put(
            @RestPath @Pattern(regexp = "[0-9]{1,32}", message = "must be a numeric QBO company id") String realmId,
            @NotNull @Valid DocumentSettingsRequest request,
            @RestHeader(DocumentResource.CORRELATION_HEADER) @Pattern(regexp = "[\\x20-\\x7E]{0,200}",
                    message = "must be printable ASCII") String correlationId) {
        String correlation = correlationId == null || correlationId.isBlank() ? null : correlationId;
        return settings.save(realmId, request.depositAccountId(), request.paymentMethodId(),
                        request.docNumberPattern(), correlation)
                .map(saved -> DocumentSettingsResponse.of(realmId, saved));
    }
}
