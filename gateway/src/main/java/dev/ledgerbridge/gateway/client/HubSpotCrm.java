package dev.ledgerbridge.gateway.client;

import dev.ledgerbridge.gateway.DealContext;
import dev.ledgerbridge.gateway.mapping.DealContextMapper;
import dev.ledgerbridge.hubspot.AssociationInput;
import dev.ledgerbridge.hubspot.AssociationSpec;
import dev.ledgerbridge.hubspot.BatchResponse;
import dev.ledgerbridge.hubspot.CrmObject;
import dev.ledgerbridge.hubspot.CrmObjectType;
import dev.ledgerbridge.hubspot.HubSpotClient;
import dev.ledgerbridge.hubspot.HubSpotPortal;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The gateway's HubSpot CRM calls for an action: loading a deal with exactly three reads and writing one note back.
 */
@ApplicationScoped
public class HubSpotCrm {

    /** HUBSPOT_DEFINED association type of a note to a deal (domain brief 2.6). */
    static final int NOTE_TO_DEAL = 214;

    private final HubSpotClient hubspot;

    public HubSpotCrm(HubSpotClient hubspot) {
        this.hubspot = hubspot;
    }

    /**
     * Loads the deal with its contacts (association order) and line items: GET deal with associations, one batch read
     * of contacts, one of line items (a read is skipped when there is nothing to read). Emits null when the deal does
     * not exist.
     */
    public Uni<DealContext> loadDeal(long portalId, String correlationId, String dealId) {
        HubSpotPortal portal = hubspot.portal(portalId).withCorrelationId(correlationId);
        return portal.get(CrmObjectType.DEALS, dealId, DealContextMapper.DEAL_PROPERTIES,
                        List.of(CrmObjectType.CONTACTS, CrmObjectType.LINE_ITEMS))
                .onItem().ifNotNull().transformToUni(deal -> portal
                        .batchRead(CrmObjectType.CONTACTS, deal.associatedIds(CrmObjectType.CONTACTS),
                                DealContextMapper.CONTACT_PROPERTIES)
                        .onItem().transformToUni(contacts -> portal
                                .batchRead(CrmObjectType.LINE_ITEMS, deal.associatedIds(CrmObjectType.LINE_ITEMS),
                                        DealContextMapper.LINE_ITEM_PROPERTIES)
                                .onItem().transform(lines ->
                                        DealContextMapper.toContext(deal, results(contacts), results(lines)))));
    }

    /** Creates a note on the deal (one HubSpot write, R15) and returns the note's id. */
    public Uni<String> addNoteToDeal(long portalId, String correlationId, String dealId, String text, Instant at) {
        HubSpotPortal portal = hubspot.portal(portalId).withCorrelationId(correlationId);
        return portal.create(CrmObjectType.NOTES, Map.of("hs_timestamp", at.toString(), "hs_note_body", text),
                        List.of(AssociationInput.to(dealId, AssociationSpec.hubspotDefined(NOTE_TO_DEAL))))
                .onItem().transform(CrmObject::id);
    }

    private static List<CrmObject> results(BatchResponse<CrmObject> response) {
        return response.results();
    }
}
