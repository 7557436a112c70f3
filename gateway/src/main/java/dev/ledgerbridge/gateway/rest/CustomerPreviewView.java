package dev.ledgerbridge.gateway.rest;

import dev.ledgerbridge.gateway.client.CustomerPreview;
import java.util.List;

/**
 * What resolving the customer of a record would do now, with the contacts it was decided from.
 *
 * @param correlationId the id the preview's vendor and service calls carried (sandbox counters, logs)
 * @param contacts the record's contacts in association order, as read from HubSpot
 * @param preview  LINK / MATCH / CREATE / REFUSE with its details (contact-sync-service's preview, or the gateway's
 *                 own refusal)
 */
public record CustomerPreviewView(String correlationId, String realmId, String objectType, String objectId,
        List<ContactView> contacts,
        CustomerPreview preview) {

    /** A contact of the record as the preview saw it. */
    public record ContactView(String id, String firstName, String lastName, String email, List<String> labels) {
    }
}
