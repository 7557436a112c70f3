package dev.ledgerbridge.gateway.service;

import dev.ledgerbridge.gateway.ActionRequest;
import dev.ledgerbridge.gateway.DealContext;
import dev.ledgerbridge.gateway.DocumentType;
import dev.ledgerbridge.gateway.ExecutionState;
import dev.ledgerbridge.gateway.QuickBooksConnection;
import dev.ledgerbridge.gateway.client.ContactSyncClient;
import dev.ledgerbridge.gateway.client.CreatedDocument;
import dev.ledgerbridge.gateway.client.CustomerResolveRequest;
import dev.ledgerbridge.gateway.client.DocumentClient;
import dev.ledgerbridge.gateway.client.DocumentRequest;
import dev.ledgerbridge.gateway.client.DownstreamUnavailableException;
import dev.ledgerbridge.gateway.client.HubSpotCrm;
import dev.ledgerbridge.gateway.client.ProductCatalogClient;
import dev.ledgerbridge.gateway.client.ResolvedCustomer;
import dev.ledgerbridge.gateway.client.ServiceRefusalException;
import dev.ledgerbridge.gateway.config.GatewayConfig;
import dev.ledgerbridge.gateway.mapping.InvoiceRequests;
import dev.ledgerbridge.gateway.mapping.OutputFields;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Actions A1-A3: a HubSpot deal or quote becomes a QuickBooks invoice, estimate or sales receipt, exactly once per
 * {@code callbackId}.
 * <p>Journal claim, company check (R1, R23), three HubSpot reads, contact-sync, product-catalog, document-service,
 * one note on the enrolled record (R15), journal finished. The types differ only in the document request (see
 * {@link InvoiceRequests#documentRequest}) and in the note's and link's wording. A refusal (the gateway's own or a service's 422) is FAIL_CONTINUE;
 * any other failure propagates (the edge answers a 5xx so HubSpot retries), leaving the row RUNNING with its lease
 * released, so the retry takes it over and repeats the idempotent steps.
 */
@ApplicationScoped
public class CreateDocumentAction implements ClaimedActionRunner {

    /** contact-sync's answer when a request lacks properties the company's sync filters read. */
    static final String FILTER_PROPERTIES_MISSING = "FILTER_PROPERTIES_MISSING";

    private final ActionJournal journal;
    private final CompanySelector companies;
    private final HubSpotCrm hubSpot;
    private final ContactSyncClient contactSync;
    private final ProductCatalogClient productCatalog;
    private final DocumentClient documents;
    private final FilterPropertiesCache filterProperties;
    private final String primaryContactLabel;
    private final String qboAppBaseUrl;

    public CreateDocumentAction(ActionJournal journal, CompanySelector companies, HubSpotCrm hubSpot,
            ContactSyncClient contactSync, ProductCatalogClient productCatalog, DocumentClient documents,
            FilterPropertiesCache filterProperties, GatewayConfig config) {
        this.filterProperties = filterProperties;
        this.primaryContactLabel = config.customers().primaryContactLabel();
        this.qboAppBaseUrl = config.documents().qboAppBaseUrl();
        this.journal = journal;
        this.companies = companies;
        this.hubSpot = hubSpot;
        this.contactSync = contactSync;
        this.productCatalog = productCatalog;
        this.documents = documents;
    }

    /** Runs, replays or defers the execution for a document of the type; fails only for transient reasons. */
    public Uni<ActionOutcome> execute(DocumentType type, ActionRequest request) {
        return journal.claim(request, type.actionType()).chain(claim -> {
            switch (claim.kind()) {
                case FINISHED:
                    Log.infof("callbackId=%s step=replay state=%s", request.callbackId(), claim.execution().state());
                    return Uni.createFrom().item(ActionOutcome.replay(claim.execution().outputFields()));
                case BUSY:
                    return Uni.createFrom().item(ActionOutcome.busy(journal.busyRetryAfter()));
                case BLOCKED:
                    Log.infof("callbackId=%s step=still-blocked", request.callbackId());
                    return Uni.createFrom().item(ActionOutcome.blocked(journal.blockExpiry()));
                default:
                    return runClaimed(type, request);
            }
        });
    }

    @Override
    public boolean handles(String actionType) {
        return DocumentType.fromActionType(actionType).isPresent();
    }

    @Override
    public Uni<ActionOutcome> runClaimed(String actionType, ActionRequest request) {
        return runClaimed(DocumentType.fromActionType(actionType).orElseThrow(), request);
    }

    /**
     * Runs an execution this process has claimed (a delivery's claim, or the slow path's background run of a BLOCKED
     * one); a transient failure ends the lease and propagates.
     */
    public Uni<ActionOutcome> runClaimed(DocumentType type, ActionRequest request) {
        return run(type, request)
                .onFailure().call(failure -> {
                    Log.warnf("callbackId=%s step=transient-failure %s: %s", request.callbackId(),
                            failure.getClass().getSimpleName(), failure.getMessage());
                    return journal.releaseLease(request.callbackId());
                });
    }

    private Uni<ActionOutcome> run(DocumentType type, ActionRequest request) {
        String callbackId = request.callbackId();
        return requireDealOrQuote(type, request)
                .invoke(() -> ActionInputs.requireWellFormed(request))
                .chain(() -> companies.select(request))
                .invoke(company -> Log.infof("callbackId=%s step=company realmId=%s", callbackId, company.realmId()))
                .chain(company -> createDocument(type, request, company)
                        .chain(document -> finish(request, ExecutionState.SUCCEEDED,
                                OutputFields.success(document, link(type, document)), null, company.realmId()))
                        .onFailure(ActionRefusal.class).recoverWithUni(refusal -> refuse(request,
                                ((ActionRefusal) refusal).code(), refusal.getMessage(), company.realmId()))
                        .onFailure(ServiceRefusalException.class).recoverWithUni(refusal -> refuse(request,
                                ((ServiceRefusalException) refusal).code(), refusal.getMessage(), company.realmId())))
                // Refusals before a company was chosen (object type, company check).
                .onFailure(ActionRefusal.class).recoverWithUni(refusal -> refuse(request,
                        ((ActionRefusal) refusal).code(), refusal.getMessage(), null));
    }

    private static Uni<Void> requireDealOrQuote(DocumentType type, ActionRequest request) {
        if (!DealContext.DEAL.equals(request.objectType()) && !DealContext.QUOTE.equals(request.objectType())) {
            return Uni.createFrom().failure(new ActionRefusal("UNSUPPORTED_OBJECT_TYPE",
                    "This action creates QuickBooks " + type.label() + "s from deals and quotes; it was run on a "
                            + request.objectType().toLowerCase(java.util.Locale.ROOT) + "."));
        }
        return Uni.createFrom().voidItem();
    }

    private String link(DocumentType type, CreatedDocument document) {
        return OutputFields.link(qboAppBaseUrl, type, document.documentId());
    }

    private Uni<CreatedDocument> createDocument(DocumentType type, ActionRequest request,
            QuickBooksConnection company) {
        String callbackId = request.callbackId();
        String realmId = company.realmId();
        String contactInput = request.input(InvoiceRequests.CONTACT_INPUT);
        return filterProperties.properties(realmId)
                .chain(properties -> hubSpot.loadRecord(request.portalId(), callbackId, request.objectType(),
                        request.objectId(), properties, CustomerContactChoice.wantsPrimary(contactInput)))
                .onItem().ifNull().failWith(() -> new ActionRefusal("RECORD_NOT_FOUND",
                        (DealContext.QUOTE.equals(request.objectType()) ? "Quote " : "Deal ") + request.objectId()
                                + " was not found in HubSpot; it may have been deleted."))
                .invoke(deal -> Log.infof("callbackId=%s step=hubspot-loaded contacts=%d lineItems=%d", callbackId,
                        deal.contacts().size(), deal.lineItems().size()))
                .chain(deal -> {
                    // R4: checked before any service call, so a wrong line item id creates nothing anywhere.
                    List<DealContext.LineItem> selected = InvoiceRequests.selectedLineItems(request, deal);
                    CustomerResolveRequest customerRequest = InvoiceRequests.customerRequest(request.portalId(), realmId,
                            CustomerContactChoice.forContactSync(contactInput, deal, primaryContactLabel), deal);
                    return resolveCustomer(callbackId, realmId, customerRequest)
                        .chain(customer -> productCatalog
                                .resolve(callbackId, InvoiceRequests.lineItemRequest(request, realmId, selected))
                                .invoke(lines -> Log.infof("callbackId=%s step=items lines=%d", callbackId,
                                        lines.lines().size()))
                                .chain(lines -> writeDocument(callbackId, customerRequest,
                                        InvoiceRequests.documentRequest(type, request, realmId, deal, customer,
                                                lines))))
                        .invoke(document -> Log.infof("callbackId=%s step=document documentId=%s docNumber=%s "
                                + "replayed=%s", callbackId, document.documentId(), document.docNumber(),
                                document.replayed()))
                        .call(document -> writeBack(type, request, deal, document));
                });
    }

    private Uni<ResolvedCustomer> resolveCustomer(String callbackId, String realmId, CustomerResolveRequest request) {
        return contactSync.resolve(callbackId, request)
                .invoke(customer -> Log.infof("callbackId=%s step=customer customerId=%s resolution=%s replaced=%s",
                        callbackId, customer.customerId(), customer.resolution(), customer.replacedCustomerId()))
                .onFailure(failure -> failure instanceof ServiceRefusalException refusal
                        && FILTER_PROPERTIES_MISSING.equals(refusal.code()))
                .transform(failure -> {
                    // The company's filters changed since the cached list was read: forget it and let HubSpot retry
                    // shortly; the retry reads the contacts with the new properties.
                    filterProperties.invalidate(realmId);
                    Log.infof("callbackId=%s step=customer filter properties changed; retrying", callbackId);
                    return new DownstreamUnavailableException("contact-sync", "FILTER_PROPERTIES_CHANGED",
                            "The company's QuickBooks sync filters changed while the action ran; retry shortly",
                            Duration.ofSeconds(1), failure);
                });
    }

    // A document refused with QBO's 610 may name a customer QBO deleted or merged away since the contact was linked.
    // Once per execution: report it to contact-sync, which checks it (one QBO read) and, when stale, links the contact
    // anew; the document is then written for that customer under its own idempotency key.
    private Uni<CreatedDocument> writeDocument(String callbackId, CustomerResolveRequest customerRequest,
            DocumentRequest document) {
        return documents.create(callbackId, document)
                .onFailure(failure -> failure instanceof ServiceRefusalException refusal
                        && "QBO_REJECTED".equals(refusal.code()) && "610".equals(refusal.qboCode()))
                .recoverWithUni(failure -> {
                    Log.infof("callbackId=%s step=document QBO 610 with customer %s; asking contact-sync to check it",
                            callbackId, document.customerId());
                    return resolveCustomer(callbackId, document.realmId(),
                                    customerRequest.reportingStale(document.customerId()))
                            .chain(customer -> documents.create(callbackId,
                                    InvoiceRequests.forRepairedCustomer(document, customer.customerId())));
                });
    }

    private Uni<String> writeBack(DocumentType type, ActionRequest request, DealContext deal,
            CreatedDocument document) {
        return hubSpot.addNote(request.portalId(), request.callbackId(), deal.objectType(), deal.dealId(),
                        InvoiceRequests.noteText(type, document, deal, link(type, document)), Instant.now())
                .invoke(noteId -> Log.infof("callbackId=%s step=note noteId=%s", request.callbackId(), noteId));
    }

    private Uni<ActionOutcome> refuse(ActionRequest request, String code, String message, String realmId) {
        Log.infof("callbackId=%s step=refused code=%s", request.callbackId(), code);
        return finish(request, ExecutionState.FAILED, OutputFields.failContinue(code, message), code, realmId);
    }

    private Uni<ActionOutcome> finish(ActionRequest request, ExecutionState state, Map<String, String> outputs,
            String errorCode, String realmId) {
        return journal.finish(request.callbackId(), state, outputs, errorCode, realmId)
                .invoke(() -> Log.infof("callbackId=%s step=finished state=%s", request.callbackId(), state))
                .replaceWith(ActionOutcome.finished(outputs));
    }
}
