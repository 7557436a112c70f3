package dev.ledgerbridge.contacts.rest;

import dev.ledgerbridge.contacts.ResolveCustomerCommand;
import dev.ledgerbridge.contacts.service.CustomerResolutionService;
import dev.ledgerbridge.quickbooks.QuickBooksClient;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestHeader;

/** Resolves the contact of a HubSpot record to a QBO customer for the gateway (issue 3). */
@Path("/v1/customers")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResolutionResource {

    private final CustomerResolutionService service;

    CustomerResolutionResource(CustomerResolutionService service) {
        this.service = service;
    }

    /** 200 with the customer; 422 refusal, 400 invalid request, 502 QBO error, 503 QBO throttled or unreachable. */
    @POST
    @Path("/resolve")
    public Uni<ResolveCustomerResponse> resolve(@NotNull @Valid ResolveCustomerRequest request,
            @RestHeader(QuickBooksClient.CORRELATION_HEADER)
            @Size(max = 200) @Pattern(regexp = "[ -~]*", message = "must be printable ASCII") String correlationId) {
        return service.resolve(command(request, correlationId)).map(ResolveCustomerResponse::from);
    }

    /**
     * 200 with what {@code /resolve} would do for the same request (LINK, MATCH, CREATE or REFUSE with the code and
     * message), writing nothing: no link, no QBO write. 400 invalid request, 502/503 as {@code /resolve}.
     */
    @POST
    @Path("/preview")
    public Uni<CustomerPreviewResponse> preview(@NotNull @Valid ResolveCustomerRequest request,
            @RestHeader(QuickBooksClient.CORRELATION_HEADER)
            @Size(max = 200) @Pattern(regexp = "[ -~]*", message = "must be printable ASCII") String correlationId) {
        return service.preview(command(request, correlationId)).map(CustomerPreviewResponse::from);
    }

    private static ResolveCustomerCommand command(ResolveCustomerRequest request, String correlationId) {
        return new ResolveCustomerCommand(request.realmId(), request.portalId(), request.contactChoice(),
                request.contacts() == null ? null : request.contacts().stream().map(ContactPayload::toContact).toList(),
                correlationId == null || correlationId.isBlank() ? null : correlationId.strip(),
                request.staleCustomerId());
    }
}
