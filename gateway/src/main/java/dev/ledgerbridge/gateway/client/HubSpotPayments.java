package dev.ledgerbridge.gateway.client;

import dev.ledgerbridge.gateway.PaymentContext;
import dev.ledgerbridge.gateway.mapping.DealContextMapper;
import dev.ledgerbridge.gateway.mapping.PaymentContextMapper;
import dev.ledgerbridge.hubspot.AssociatedObject;
import dev.ledgerbridge.hubspot.AssociationType;
import dev.ledgerbridge.hubspot.CrmObject;
import dev.ledgerbridge.hubspot.CrmObjectType;
import dev.ledgerbridge.hubspot.HubSpotClient;
import dev.ledgerbridge.hubspot.HubSpotPortal;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The gateway's HubSpot reads for a payment action (issue 7): the commerce payment with its properties and its
 * contact and line-item associations in one GET, then one batch read of the line items and one of the contacts: three
 * reads, like a deal (a batch with nothing to read is skipped).
 */
@ApplicationScoped
public class HubSpotPayments {

    private final HubSpotClient hubspot;

    public HubSpotPayments(HubSpotClient hubspot) {
        this.hubspot = hubspot;
    }

    /**
     * Loads the payment, reading also the contact properties the company's sync filters need in the contact batch
     * and, when {@code withLabels}, the payment's v4 contact associations, which carry their labels (one more read,
     * only for "primary contact" actions). Emits null when HubSpot has no such payment.
     */
    public Uni<PaymentContext> loadPayment(long portalId, String correlationId, String paymentId,
            List<String> filterProperties, boolean withLabels) {
        HubSpotPortal portal = hubspot.portal(portalId).withCorrelationId(correlationId);
        return portal.get(CrmObjectType.COMMERCE_PAYMENTS, paymentId, PaymentContextMapper.PAYMENT_PROPERTIES,
                        List.of(CrmObjectType.CONTACTS, CrmObjectType.LINE_ITEMS))
                .onItem().ifNotNull().transformToUni(payment -> labels(portal, payment, withLabels)
                        .chain(labels -> portal
                        .batchRead(CrmObjectType.LINE_ITEMS, payment.associatedIds(CrmObjectType.LINE_ITEMS),
                                PaymentContextMapper.LINE_ITEM_PROPERTIES)
                        .chain(lines -> portal
                                .batchRead(CrmObjectType.CONTACTS, payment.associatedIds(CrmObjectType.CONTACTS),
                                        DealContextMapper.contactProperties(filterProperties))
                                .map(contacts -> PaymentContextMapper.toContext(payment, contacts.results(),
                                        lines.results(), filterProperties, labels)))));
    }

    private static Uni<Map<String, List<String>>> labels(HubSpotPortal portal, CrmObject payment, boolean withLabels) {
        if (!withLabels || payment.associatedIds(CrmObjectType.CONTACTS).isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return portal.associations(CrmObjectType.COMMERCE_PAYMENTS, payment.id(), CrmObjectType.CONTACTS).map(links -> {
            Map<String, List<String>> byContact = new LinkedHashMap<>();
            for (AssociatedObject link : links) {
                List<String> labels = byContact.computeIfAbsent(link.toObjectId(), id -> new ArrayList<>());
                link.associationTypes().stream().map(AssociationType::label).filter(Objects::nonNull)
                        .forEach(labels::add);
            }
            return byContact;
        });
    }
}
