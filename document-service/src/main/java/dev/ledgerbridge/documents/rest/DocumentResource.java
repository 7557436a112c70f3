package dev.ledgerbridge.documents.rest;

import dev.ledgerbridge.documents.service.DocumentService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/** Creates QBO documents once per idempotency key and reads back what was created (issue3.md, issue 7). */
@Path("/v1/documents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DocumentResource {

    static final String CORRELATION_HEADER = "X-LedgerBridge-Correlation-Id";

    private final DocumentService documents;

    DocumentResource(DocumentService documents) {
        this.documents = documents;
    }

    /** 201 with the new document, or 200 with the one an earlier request with the same key created. */
    @POST
    public Uni<RestResponse<DocumentResponse>> create(@NotNull @Valid CreateDocumentRequest request,
            @RestHeader(CORRELATION_HEADER) @Pattern(regexp = "[\\x20-\\x7E]{0,200}",
                    message = "must be printable ASCII") String correlationId) {
        List<String> problems = request.typeProblems();
        if (!problems.isEmpty()) {
            return Uni.createFrom().failure(new InvalidRequestException(problems));
        }
        String correlation = correlationId == null || correlationId.isBlank() ? null : correlationId;
        return documents.create(request.idempotencyKey(), request.toNewDocument(), correlation)
                .map(result -> RestResponse.status(result.replayed() ? RestResponse.Status.OK : RestResponse.Status.CREATED,
                        DocumentResponse.of(result)));
    }

    /**
     * The document a {@code POST /v1/documents} with this body would send to QBO, with the same refusals before the
     * write; nothing is written (no row, no QBO write) and the idempotency key is not looked at.
     */
    @POST
    @Path("/preview")
    public Uni<DocumentPreviewResponse> preview(@NotNull @Valid CreateDocumentRequest request,
            @RestHeader(CORRELATION_HEADER) @Pattern(regexp = "[\\x20-\\x7E]{0,200}",
                    message = "must be printable ASCII") String correlationId) {
        String correlation = correlationId == null || correlationId.isBlank() ? null : correlationId;
        return documents.preview(request.toNewDocument(), correlation).map(DocumentPreviewResponse::of);
    }

    /** The document created for the key; 404 when none was (yet) confirmed by QBO. */
    @GET
    @Path("/{idempotencyKey}")
    public Uni<DocumentResponse> get(@RestPath String idempotencyKey) {
        return documents.find(idempotencyKey)
                .onItem().ifNotNull().transform(DocumentResponse::of)
                .onItem().ifNull().failWith(() -> new DocumentNotFoundException(idempotencyKey));
    }
}
