package dev.ledgerbridge.gateway.rest;

import dev.ledgerbridge.gateway.ActionRequest;
import dev.ledgerbridge.gateway.DocumentType;
import dev.ledgerbridge.gateway.mapping.ActionRequestParser;
import dev.ledgerbridge.gateway.service.ActionAdmission;
import dev.ledgerbridge.gateway.service.ActionOutcome;
import dev.ledgerbridge.gateway.service.CreateDocumentAction;
import dev.ledgerbridge.gateway.service.HubSpotRequestVerifier;
import dev.ledgerbridge.gateway.service.PaymentAction;
import dev.ledgerbridge.gateway.service.SlowPath;
import dev.ledgerbridge.observability.CorrelationLogContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;

/** HubSpot custom workflow action endpoints: the only public business API of LedgerBridge. */
@Path("/hubspot/actions")
public class HubSpotActionResource {

    private final HubSpotRequestVerifier verifier;
    private final ActionRequestParser parser;
    private final CreateDocumentAction createDocument;
    private final ActionAdmission admission;
    private final PaymentAction payments;
    private final SlowPath slowPath;

    public HubSpotActionResource(HubSpotRequestVerifier verifier, ActionRequestParser parser,
            CreateDocumentAction createDocument, ActionAdmission admission, PaymentAction payments,
            SlowPath slowPath) {
        this.payments = payments;
        this.slowPath = slowPath;
        this.verifier = verifier;
        this.parser = parser;
        this.createDocument = createDocument;
        this.admission = admission;
    }

    /**
     * A1 for deals and quotes. The body is taken as raw bytes: the signature covers them exactly, so they are verified
     * before anything is parsed, stored or called.
     */
    @POST
    @Path("/create-invoice")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> createInvoice(byte[] body, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        return execute(DocumentType.INVOICE, body, headers, request);
    }

    /** A2 for deals and quotes: a QuickBooks estimate, with the quote's expiration date. */
    @POST
    @Path("/create-estimate")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> createEstimate(byte[] body, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        return execute(DocumentType.ESTIMATE, body, headers, request);
    }

    /** A3 for deals and quotes: a QuickBooks sales receipt, deposited as the company's document settings say. */
    @POST
    @Path("/create-sales-receipt")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> createSalesReceipt(byte[] body, @Context HttpHeaders headers,
            @Context HttpServerRequest request) {
        return execute(DocumentType.SALES_RECEIPT, body, headers, request);
    }

    /** A4 for payments: a QuickBooks invoice with a payment applied to it, refused for taxable line items (R17). */
    @POST
    @Path("/create-paid-invoice")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> createPaidInvoice(byte[] body, @Context HttpHeaders headers,
            @Context HttpServerRequest request) {
        return execute(PaymentAction.PAID_INVOICE, body, headers, request);
    }

    /** A5 for payments: a QuickBooks sales receipt for the payment (R18). */
    @POST
    @Path("/create-payment-sales-receipt")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> createPaymentSalesReceipt(byte[] body, @Context HttpHeaders headers,
            @Context HttpServerRequest request) {
        return execute(PaymentAction.SALES_RECEIPT, body, headers, request);
    }

    /** A6 for payments: a QuickBooks expense for the payment's processing fee (R20). */
    @POST
    @Path("/create-fee-expense")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> createFeeExpense(byte[] body, @Context HttpHeaders headers,
            @Context HttpServerRequest request) {
        return execute(PaymentAction.FEE_EXPENSE, body, headers, request);
    }

    /** A7 for payments: a QuickBooks refund receipt for a fully refunded payment (R21). */
    @POST
    @Path("/create-refund-receipt")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> createRefundReceipt(byte[] body, @Context HttpHeaders headers,
            @Context HttpServerRequest request) {
        return execute(PaymentAction.REFUND_RECEIPT, body, headers, request);
    }

    private Uni<Response> execute(DocumentType type, byte[] body, HttpHeaders headers, HttpServerRequest request) {
        return execute(action -> createDocument.execute(type, action), body, headers, request);
    }

    private Uni<Response> execute(String paymentAction, byte[] body, HttpHeaders headers, HttpServerRequest request) {
        return execute(action -> payments.execute(paymentAction, action), body, headers, request);
    }

    private Uni<Response> execute(Function<ActionRequest, Uni<ActionOutcome>> run, byte[] body, HttpHeaders headers,
            HttpServerRequest request) {
        verifier.verify(request.method().name(), request.scheme(), hostOf(request), request.uri(), body,
                headers::getHeaderString);
        ActionRequest action = parser.parse(body);
        CorrelationLogContext.tag(action.callbackId());
        // After the signature and the parse (a forged or malformed request costs no slot), before the journal (a
        // turned-away delivery leaves no trace, so HubSpot's retry starts afresh).
        if (!admission.tryEnter()) {
            return Uni.createFrom().item(Response.status(429)
                    .header("Retry-After", Math.max(1, admission.retryAfter().toSeconds()))
                    .entity(new ErrorBody("GATEWAY_BUSY",
                            "The gateway is working on as many actions as it takes at once; retry shortly."))
                    .type(MediaType.APPLICATION_JSON)
                    .build());
        }
        // The admission slot is held by the work, which may outlive this answer (slow path).
        Uni<ActionOutcome> work = Uni.createFrom().deferred(() -> run.apply(action))
                .onTermination().invoke(admission::leave);
        return slowPath.answer(action, work)
                .map(outcome -> {
                    if (outcome.isBusy()) {
                        return Response.status(429)
                                .header("Retry-After", Math.max(1, outcome.busyRetryAfter().toSeconds()))
                                .entity(new ErrorBody("EXECUTION_IN_PROGRESS",
                                        "This execution is being processed by an earlier delivery; retry shortly."))
                                .type(MediaType.APPLICATION_JSON)
                                .build();
                    }
                    return Response.ok(new ActionResponse(outcome.outputFields())).build();
                });
    }

    /** Host and port exactly as the caller wrote them (Host header, or :authority for HTTP/2). */
    private static String hostOf(HttpServerRequest request) {
        String host = request.getHeader("Host");
        if (host != null && !host.isBlank()) {
            return host;
        }
        var authority = request.authority();
        return authority == null ? "localhost" : authority.host() + (authority.port() > 0 ? ":" + authority.port() : "");
    }
}
