package dev.ledgerbridge.gateway.service;

import dev.ledgerbridge.gateway.ActionRequest;
import dev.ledgerbridge.gateway.DealContext;
import dev.ledgerbridge.gateway.DocumentType;
import dev.ledgerbridge.gateway.client.ContactSyncClient;
import dev.ledgerbridge.gateway.client.CustomerPreview;
import dev.ledgerbridge.gateway.client.CustomerResolveRequest;
import dev.ledgerbridge.gateway.client.DocumentClient;
import dev.ledgerbridge.gateway.client.DocumentPreview;
import dev.ledgerbridge.gateway.client.HubSpotCrm;
import dev.ledgerbridge.gateway.client.PreviewedLineItems;
import dev.ledgerbridge.gateway.client.ProductCatalogClient;
import dev.ledgerbridge.gateway.client.ResolvedCustomer;
import dev.ledgerbridge.gateway.config.GatewayConfig;
import dev.ledgerbridge.gateway.mapping.InvoiceRequests;
import dev.ledgerbridge.gateway.rest.DocumentPreviewView;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Answers the document an execution of a create-document action (A1-A3) would create for a record, writing nothing
 * anywhere: the action's company check and HubSpot reads, then the previews of contact-sync-service (customer),
 * product-catalog-service (lines, items it would create) and document-service (the document it would send to QBO).
 * No journal row, no note, no customer, item or document; the requests are the action's own (InvoiceRequests).
 * Every refusal the action would give fails the preview with an {@link ActionRefusal} or the service's
 * {@code ServiceRefusalException}, with the same code.
 */
@ApplicationScoped
public class DocumentPreviewService {

    /** Stands in for ids that do not exist yet (a customer or item the action would create) in the document request. */
    static final String NOT_YET_CREATED = "0";

    private final CompanySelector companies;
    private final HubSpotCrm hubSpot;
    private final ContactSyncClient contactSync;
    private final ProductCatalogClient productCatalog;
    private final DocumentClient documents;
    private final FilterPropertiesCache filterProperties;
    private final String primaryContactLabel;

    public DocumentPreviewService(CompanySelector companies, HubSpotCrm hubSpot, ContactSyncClient contactSync,
            ProductCatalogClient productCatalog, DocumentClient documents, FilterPropertiesCache filterProperties,
            GatewayConfig config) {
        this.companies = companies;
        this.hubSpot = hubSpot;
        this.contactSync = contactSync;
        this.productCatalog = productCatalog;
        this.documents = documents;
        this.filterProperties = filterProperties;
        this.primaryContactLabel = config.customers().primaryContactLabel();
    }

    /** The action type's document, e.g. {@code create-sales-receipt}; null for any other action. */
    public static DocumentType documentType(String actionType) {
        if (actionType == null) {
            return null;
        }
        return switch (actionType.strip().toLowerCase(Locale.ROOT)) {
            case "create-invoice" -> DocumentType.INVOICE;
            case "create-estimate" -> DocumentType.ESTIMATE;
            case "create-sales-receipt" -> DocumentType.SALES_RECEIPT;
            default -> null;
        };
    }

    /**
     * The preview of {@code type} for the record; {@code request} is the execution as HubSpot would send it (its
     * callbackId is replaced by the preview's own correlation id).
     */
    public Uni<DocumentPreviewView> preview(DocumentType type, ActionRequest request) {
        // Its own correlation id, so the sandbox's counters and the logs show what a preview cost.
        String correlationId = "preview-" + UUID.randomUUID();
        ActionRequest asAction = new ActionRequest(correlationId, request.portalId(), request.objectType(),
                request.objectId(), request.inputFields());
        return requireDealOrQuote(type, asAction)
                .chain(() -> companies.select(asAction))
                .chain(company -> load(asAction, company.realmId())
                        .chain(record -> explain(type, asAction, company.realmId(), record)))
                .invoke(view -> Log.infof("preview %s %s realm=%s %s/%s total=%s", correlationId, type,
                        view.realmId(), view.objectType(), view.objectId(), view.document().totalAmount()))
                .onFailure().invoke(failure -> Log.infof("preview %s %s %s/%s refused or failed: %s", correlationId,
                        type, request.objectType(), request.objectId(), failure.getMessage()));
    }

    private Uni<DealContext> load(ActionRequest request, String realmId) {
        String contactInput = request.input(InvoiceRequests.CONTACT_INPUT);
        return filterProperties.properties(realmId)
                .chain(properties -> hubSpot.loadRecord(request.portalId(), request.callbackId(), request.objectType(),
                        request.objectId(), properties, CustomerContactChoice.wantsPrimary(contactInput)))
                .onItem().ifNull().failWith(() -> new ActionRefusal("RECORD_NOT_FOUND",
                        (DealContext.QUOTE.equals(request.objectType()) ? "Quote " : "Deal ") + request.objectId()
                                + " was not found in HubSpot; it may have been deleted."));
    }

    private Uni<DocumentPreviewView> explain(DocumentType type, ActionRequest request, String realmId,
            DealContext record) {
        String correlationId = request.callbackId();
        // The action's order: the line selection is checked before any service call, then customer, items, document.
        List<DealContext.LineItem> selected = InvoiceRequests.selectedLineItems(request, record);
        CustomerResolveRequest customerRequest = InvoiceRequests.customerRequest(request.portalId(), realmId,
                CustomerContactChoice.forContactSync(request.input(InvoiceRequests.CONTACT_INPUT), record,
                        primaryContactLabel), record);
        return contactSync.preview(correlationId, customerRequest)
                .invoke(customer -> {
                    if ("REFUSE".equals(customer.outcome())) {
                        throw new ActionRefusal(customer.code(), customer.message());
                    }
                })
                .chain(customer -> productCatalog
                        .preview(correlationId, InvoiceRequests.lineItemRequest(request, realmId, selected))
                        .chain(lines -> documents.preview(correlationId, InvoiceRequests.documentRequest(type,
                                        request, realmId, record, asResolved(customer),
                                        lines.asResolved(NOT_YET_CREATED)))
                                .map(document -> new DocumentPreviewView(correlationId, realmId, record.objectType(),
                                        record.dealId(), "create-" + type.keySuffix(), customer, lines.lines(),
                                        withoutPlaceholder(document)))));
    }

    private static ResolvedCustomer asResolved(CustomerPreview customer) {
        String customerId = customer.customerId() == null ? NOT_YET_CREATED : customer.customerId();
        return new ResolvedCustomer(customer.contactId(), customerId, customer.displayName(), customer.outcome());
    }

    private static DocumentPreview withoutPlaceholder(DocumentPreview document) {
        if (!NOT_YET_CREATED.equals(document.customerId())) {
            return document;
        }
        return new DocumentPreview(document.type(), null, document.docNumber(), document.termId(),
                document.termName(), document.txnDate(), document.expirationDate(), document.depositAccountId(),
                document.paymentMethodId(), document.privateNote(), document.lines(), document.totalAmount(),
                document.qboDocument());
    }

    private static Uni<Void> requireDealOrQuote(DocumentType type, ActionRequest request) {
        if (!DealContext.DEAL.equals(request.objectType()) && !DealContext.QUOTE.equals(request.objectType())) {
            return Uni.createFrom().failure(new ActionRefusal("UNSUPPORTED_OBJECT_TYPE",
                    "This action creates QuickBooks " + type.label() + "s from deals and quotes; it was run on a "
                            + request.objectType().toLowerCase(Locale.ROOT) + "."));
        }
        return Uni.createFrom().voidItem();
    }
}
