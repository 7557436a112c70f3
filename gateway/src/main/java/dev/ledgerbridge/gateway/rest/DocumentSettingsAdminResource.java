package dev.ledgerbridge.gateway.rest;

import dev.ledgerbridge.gateway.client.DocumentSettings;
import dev.ledgerbridge.gateway.client.DocumentSettingsClient;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Admin API for a company's document settings (sales receipt deposit account and payment method, DocNumber pattern),
 * proxied to document-service, which checks them against QBO.
 */
// TODO(issue 8): admin endpoints require an operator token; until then only the ingress protects them.
@Path("/admin/v1/companies/{realmId}/document-settings")
@Produces(MediaType.APPLICATION_JSON)
public class DocumentSettingsAdminResource {

    private final DocumentSettingsClient documents;

    public DocumentSettingsAdminResource(DocumentSettingsClient documents) {
        this.documents = documents;
    }

    /** 200 with the settings (defaults when never saved); the service's 400 passed on. */
    @GET
    public Uni<Response> get(@PathParam("realmId") String realmId) {
        String realm = MatchingSettingsAdminResource.requireRealm(realmId);
        return CatalogSettingsAdminResource.passRefusals(documents.get(realm)
                .map(settings -> Response.ok(settings).build()));
    }

    /**
     * 200 with the saved settings; the service's 422 (INVALID_DEPOSIT_ACCOUNT, UNKNOWN_PAYMENT_METHOD,
     * INVALID_DOC_NUMBER_PATTERN, COMPANY_NOT_CONNECTED) or 400 passed on.
     */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> put(@PathParam("realmId") String realmId, DocumentSettings update) {
        DocumentSettings body = update == null ? new DocumentSettings(null, null, null, null)
                : new DocumentSettings(null, update.depositAccountId(), update.paymentMethodId(),
                        update.docNumberPattern());
        String realm = MatchingSettingsAdminResource.requireRealm(realmId);
        return CatalogSettingsAdminResource.passRefusals(documents.put(realm, body)
                .map(settings -> Response.ok(settings).build()));
    }
}
