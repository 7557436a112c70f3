package dev.ledgerbridge.gateway.client;

import dev.ledgerbridge.gateway.DealContext;
import dev.ledgerbridge.gateway.mapping.DealContextMapper;
import dev.ledgerbridge.hubspot.AssociatedObject;
import dev.ledgerbridge.hubspot.AssociationInput;
import dev.ledgerbridge.hubspot.AssociationSpec;
import dev.ledgerbridge.hubspot.AssociationType;
import dev.ledgerbridge.hubspot.BatchResponse;
import dev.ledgerbridge.hubspot.CallbackCompletion;
import dev.ledgerbridge.hubspot.CrmObject;
import dev.ledgerbridge.hubspot.CrmObjectType;
import dev.ledgerbridge.hubspot.HubSpotClient;
import dev.ledgerbridge.hubspot.HubSpotPortal;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The gateway's HubSpot CRM calls for an action: loading a deal or quote with exactly three reads and writing one note
 * back.
 */
@ApplicationScoped
public class HubSpotCrm {

    /** HUBSPOT_DEFINED association type of a note to a deal (domain brief 2.6). */
    static final int NOTE_TO_DEAL = 214;
    /** HUBSPOT_DEFINED association type of a note to a quote (the sandbox's table; like 214, not confirmed by HubSpot). */
    static final int NOTE_TO_QUOTE = 218;

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
        return loadDeal(portalId, correlationId, dealId, List.of(), false);
    }

    /**
     * As {@link #loadDeal(long, String, String)}, reading also the contact properties the company's sync filters need
     * in the same batched contact read (still 3 reads), and, when {@code withLabels}, the deal's v4 contact
     * associations, which carry their labels (one more read, only for "primary contact" actions).
     */
    public Uni<DealContext> loadDeal(long portalId, String correlationId, String dealId, List<String> filterProperties,
            boolean withLabels) {
        return loadRecord(portalId, correlationId, DealContext.DEAL, dealId, filterProperties, withLabels);
    }

    /**
     * As {@link #loadDeal(long, String, String, List, boolean)} for the enrolled {@code DEAL} or {@code QUOTE}: a
     * quote is read with its own contacts (quote -> contact associations, in order) and line items, the same three
     * reads.
     */
    public Uni<DealContext> loadRecord(long portalId, String correlationId, String objectType, String recordId,
            List<String> filterProperties, boolean withLabels) {
        HubSpotPortal portal = hubspot.portal(portalId).withCorrelationId(correlationId);
        boolean quote = DealContext.QUOTE.equals(objectType);
        CrmObjectType type = quote ? CrmObjectType.QUOTES : CrmObjectType.DEALS;
        return portal.get(type, recordId, quote ? DealContextMapper.QUOTE_PROPERTIES : DealContextMapper.DEAL_PROPERTIES,
                        List.of(CrmObjectType.CONTACTS, CrmObjectType.LINE_ITEMS))
                .onItem().ifNotNull().transformToUni(deal -> labels(portal, type, deal, withLabels)
                        .chain(labels -> portal
                        .batchRead(CrmObjectType.CONTACTS, deal.associatedIds(CrmObjectType.CONTACTS),
                                DealContextMapper.contactProperties(filterProperties))
                        .onItem().transformToUni(contacts -> portal
                                .batchRead(CrmObjectType.LINE_ITEMS, deal.associatedIds(CrmObjectType.LINE_ITEMS),
                                        DealContextMapper.LINE_ITEM_PROPERTIES)
                                .onItem().transform(lines -> quote
                                        ? DealContextMapper.toQuoteContext(deal, results(contacts), results(lines),
                                                filterProperties, labels)
                                        : DealContextMapper.toContext(deal, results(contacts), results(lines),
                                                filterProperties, labels)))));
    }

    // Labels only come with v4 associations; a deal without contacts needs no read.
    private static Uni<Map<String, List<String>>> labels(HubSpotPortal portal, CrmObjectType type, CrmObject deal,
            boolean withLabels) {
        if (!withLabels || deal.associatedIds(CrmObjectType.CONTACTS).isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return portal.associations(type, deal.id(), CrmObjectType.CONTACTS).map(links -> {
            Map<String, List<String>> byContact = new LinkedHashMap<>();
            for (AssociatedObject link : links) {
                List<String> labels = byContact.computeIfAbsent(link.toObjectId(), id -> new ArrayList<>());
                link.associationTypes().stream().map(AssociationType::label).filter(Objects::nonNull)
                        .forEach(labels::add);
            }
            return byContact;
        });
    }

    /** Creates a note on the deal (one HubSpot write, R15) and returns the note's id. */
    public Uni<String> addNoteToDeal(long portalId, String correlationId, String dealId, String text, Instant at) {
        return addNote(portalId, correlationId, DealContext.DEAL, dealId, text, at);
    }

    /** Creates a note on the enrolled deal or quote (one HubSpot write, R15) and returns the note's id. */
    public Uni<String> addNote(long portalId, String correlationId, String objectType, String recordId, String text,
            Instant at) {
        HubSpotPortal portal = hubspot.portal(portalId).withCorrelationId(correlationId);
        int associationType = DealContext.QUOTE.equals(objectType) ? NOTE_TO_QUOTE : NOTE_TO_DEAL;
        return portal.create(CrmObjectType.NOTES, Map.of("hs_timestamp", at.toString(), "hs_note_body", text),
                        List.of(AssociationInput.to(recordId, AssociationSpec.hubspotDefined(associationType))))
                .onItem().transform(CrmObject::id);
    }

    /**
     * Completes a blocked execution through the callback API with its stored output fields (which carry
     * {@code hs_execution_state} SUCCESS or FAIL_CONTINUE); HubSpot answers 204.
     */
    public Uni<Void> completeCallback(long portalId, String callbackId, Map<String, String> outputFields) {
        return hubspot.portal(portalId).withCorrelationId(callbackId)
                .completeCallback(callbackId, new CallbackCompletion(outputFields, Map.of(), null));
    }

    private static List<CrmObject> results(BatchResponse<CrmObject> response) {
        return response.results();
    }
}
