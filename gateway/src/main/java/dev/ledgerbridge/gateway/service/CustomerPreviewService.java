package dev.ledgerbridge.gateway.service;

import dev.ledgerbridge.gateway.ActionRequest;
import dev.ledgerbridge.gateway.DealContext;
import dev.ledgerbridge.gateway.client.ContactSyncClient;
import dev.ledgerbridge.gateway.client.CustomerPreview;
import dev.ledgerbridge.gateway.client.HubSpotCrm;
import dev.ledgerbridge.gateway.client.ServiceRefusalException;
import dev.ledgerbridge.gateway.config.GatewayConfig;
import dev.ledgerbridge.gateway.mapping.InvoiceRequests;
import dev.ledgerbridge.gateway.rest.CustomerPreviewView;
import dev.ledgerbridge.gateway.rest.CustomerPreviewView.ContactView;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Explains, without writing anything anywhere, which QBO customer an action would use for a record: the same company
 * check, HubSpot reads and contact choice as the action, then contact-sync's preview. Lets a HubSpot user check the
 * sync filters before enrolling records.
 */
@ApplicationScoped
public class CustomerPreviewService {

    private final CompanySelector companies;
    private final HubSpotCrm hubSpot;
    private final ContactSyncClient contactSync;
    private final FilterPropertiesCache filterProperties;
    private final String primaryContactLabel;

    public CustomerPreviewService(CompanySelector companies, HubSpotCrm hubSpot, ContactSyncClient contactSync,
            FilterPropertiesCache filterProperties, GatewayConfig config) {
        this.companies = companies;
        this.hubSpot = hubSpot;
        this.contactSync = contactSync;
        this.filterProperties = filterProperties;
        this.primaryContactLabel = config.customers().primaryContactLabel();
    }

    /** The preview; a deal HubSpot does not have is null (404 for the caller). */
    public Uni<CustomerPreviewView> preview(String realmId, long portalId, String dealId, String contactChoice) {
        // Its own correlation id, so the sandbox's counters show what a preview cost.
        String correlationId = "preview-" + UUID.randomUUID();
        ActionRequest asAction = new ActionRequest(correlationId, portalId, "DEAL", dealId,
                Map.of(CompanySelector.COMPANY_INPUT, realmId));
        return companies.select(asAction)
                .chain(company -> filterProperties.properties(realmId))
                .chain(properties -> hubSpot.loadDeal(portalId, correlationId, dealId, properties,
                        CustomerContactChoice.wantsPrimary(contactChoice)))
                .onItem().ifNotNull().transformToUni(deal -> explain(realmId, portalId, contactChoice, deal,
                        correlationId))
                .onFailure(ActionRefusal.class).recoverWithItem(refusal -> new CustomerPreviewView(correlationId, realmId,
                        "DEAL", dealId, List.of(), CustomerPreview.refused(((ActionRefusal) refusal).code(),
                        refusal.getMessage())));
    }

    private Uni<CustomerPreviewView> explain(String realmId, long portalId, String contactChoice, DealContext deal,
            String correlationId) {
        List<ContactView> contacts = deal.contacts().stream()
                .map(c -> new ContactView(c.id(), c.firstName(), c.lastName(), c.email(), c.labels())).toList();
        Uni<CustomerPreview> preview;
        try {
            String choice = CustomerContactChoice.forContactSync(contactChoice, deal, primaryContactLabel);
            preview = contactSync.preview(correlationId,
                            InvoiceRequests.customerRequest(portalId, realmId, choice, deal))
                    // A refusal the action would also meet (e.g. QBO_REJECTED on the look-up) is a preview answer.
                    .onFailure(ServiceRefusalException.class).recoverWithItem(failure -> CustomerPreview.refused(
                            ((ServiceRefusalException) failure).code(), failure.getMessage()));
        } catch (ActionRefusal refusal) {
            preview = Uni.createFrom().item(CustomerPreview.refused(refusal.code(), refusal.getMessage()));
        }
        return preview.invoke(p -> Log.infof("preview %s realm=%s deal=%s outcome=%s", correlationId, realmId,
                        deal.dealId(), p.outcome()))
                .map(p -> new CustomerPreviewView(correlationId, realmId, "DEAL", deal.dealId(), contacts, p));
    }
}
