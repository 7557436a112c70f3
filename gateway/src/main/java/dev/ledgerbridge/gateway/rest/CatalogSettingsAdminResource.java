package dev.ledgerbridge.gateway.rest;

import dev.ledgerbridge.gateway.client.CatalogSettingsClient;
import dev.ledgerbridge.gateway.client.CatalogSettingsUpdate;
import dev.ledgerbridge.gateway.client.ServiceRefusalException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Admin API for a company's catalog settings (R12), proxied to product-catalog-service, which validates them. */
// TODO(issue 8): admin endpoints require an operator token; until then only the ingress protects them.
@Path("/admin/v1/companies/{realmId}/catalog-settings")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogSettingsAdminResource {

    private final CatalogSettingsClient catalog;

    public CatalogSettingsAdminResource(CatalogSettingsClient catalog) {
        this.catalog = catalog;
    }

    /** 200 with the settings; the service's 404/400 passed on with its code and message. */
    @GET
    public Uni<Response> get(@PathParam("realmId") String realmId) {
        return passRefusals(catalog.get(realmId).map(settings -> Response.ok(settings).build()));
    }

    /** 200 with the saved settings; the service's 422 INVALID_CATALOG_SETTINGS or 400 passed on. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> put(@PathParam("realmId") String realmId, CatalogSettingsUpdate update) {
        return passRefusals(catalog.put(realmId, update).map(settings -> Response.ok(settings).build()));
    }

    /** A service refusal becomes the admin answer with the service's status, code and message. */
    static Uni<Response> passRefusals(Uni<Response> call) {
        // The admin caller needs the service's own answer (e.g. "account 12 is of type Expense"), not a 500.
        return call.onFailure(ServiceRefusalException.class).recoverWithItem(failure -> {
            ServiceRefusalException refusal = (ServiceRefusalException) failure;
            return Response.status(refusal.httpStatus()).type(MediaType.APPLICATION_JSON)
                    .entity(new ErrorBody(refusal.code(), refusal.getMessage())).build();
        });
    }
}
