package dev.ledgerbridge.gateway.rest;

import dev.ledgerbridge.gateway.ActionRequest;
import dev.ledgerbridge.gateway.DocumentType;
import dev.ledgerbridge.gateway.client.ServiceRefusalException;
import dev.ledgerbridge.gateway.service.ActionRefusal;
import dev.ledgerbridge.gateway.service.DocumentPreviewService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Map;

/**
 * Admin API: the document a create-invoice, create-estimate or create-sales-receipt execution would create for a
 * deal or quote (customer, lines, totals, terms, number, receipt accounts, expiry), with nothing written anywhere.
 */
// TODO(issue 8): operator authentication, like every /admin endpoint.
@Path("/admin/v1/preview/document")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DocumentPreviewAdminResource {

    private final DocumentPreviewService previews;

    public DocumentPreviewAdminResource(DocumentPreviewService previews) {
        this.previews = previews;
    }

    /**
     * 200 with the preview; 422 with the code the action would refuse with (e.g. COMPANY_NOT_CONNECTED,
     * LINE_ITEM_NOT_ON_RECORD, UNMATCHED_LINE_ITEMS, UNKNOWN_TERM); 400 for an invalid request.
     */
    @POST
    public Uni<Response> preview(DocumentPreviewRequest request) {
        if (request == null) {
            throw new IllegalArgumentException(
                    "The body must name portalId, objectType, objectId, actionType and inputFields");
        }
        if (request.portalId() == null || request.portalId() <= 0) {
            throw new IllegalArgumentException("portalId must be a positive HubSpot portal id");
        }
        String objectType = request.objectType() == null ? "" : request.objectType().strip().toUpperCase(Locale.ROOT);
        if (!objectType.equals("DEAL") && !objectType.equals("QUOTE")) {
            throw new IllegalArgumentException("objectType must be DEAL or QUOTE");
        }
        if (request.objectId() == null || !request.objectId().strip().matches("[0-9]{1,32}")) {
            throw new IllegalArgumentException("objectId must be a HubSpot record id");
        }
        DocumentType type = DocumentPreviewService.documentType(request.actionType());
        if (type == null) {
            throw new IllegalArgumentException(
                    "actionType must be create-invoice, create-estimate or create-sales-receipt");
        }
        Map<String, String> inputs = request.inputFields() == null ? Map.of() : request.inputFields();
        ActionRequest asAction = new ActionRequest("preview", request.portalId(), objectType,
                request.objectId().strip(), inputs);
        return previews.preview(type, asAction)
                .map(view -> Response.ok(view).build())
                .onFailure(ActionRefusal.class).recoverWithItem(failure -> refused(
                        ((ActionRefusal) failure).code(), failure.getMessage(), null))
                .onFailure(ServiceRefusalException.class).recoverWithItem(failure -> refused(
                        ((ServiceRefusalException) failure).code(), failure.getMessage(),
                        ((ServiceRefusalException) failure).service()));
    }

    // The action would answer FAIL_CONTINUE with this code: for the preview it is a 422 with the same code.
    private static Response refused(String code, String message, String downstream) {
        return Response.status(422).type(MediaType.APPLICATION_JSON).entity(new ErrorBody(code, message, downstream))
                .build();
    }
}
