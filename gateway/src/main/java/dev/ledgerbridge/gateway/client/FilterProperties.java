package dev.ledgerbridge.gateway.client;

import java.util.List;

/**
 * contact-sync-service {@code GET /v1/companies/{realmId}/matching-settings/properties}: the contact properties the
 * company's sync filters read, which the gateway fetches in the batched contact read and passes on.
 */
public record FilterProperties(String realmId, String mode, long version, List<String> properties) {

    public FilterProperties {
        properties = properties == null ? List.of() : List.copyOf(properties);
    }
}
