package dev.ledgerbridge.gateway.service;

import dev.ledgerbridge.gateway.client.ContactSyncClient;
import dev.ledgerbridge.gateway.client.FilterProperties;
import dev.ledgerbridge.gateway.config.GatewayConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The contact properties each company's sync filters read (R7), asked from contact-sync and kept briefly per company,
 * so an action costs no extra service call; a change of filters is seen within the TTL, and contact-sync refuses a
 * request that lacks a property (FILTER_PROPERTIES_MISSING), which drops the entry at once.
 */
@ApplicationScoped
public class FilterPropertiesCache {

    private record Entry(List<String> properties, Instant expiresAt) {
    }

    private final ContactSyncClient contactSync;
    private final Duration ttl;
    private final Clock clock;
    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

    @Inject
    public FilterPropertiesCache(ContactSyncClient contactSync, GatewayConfig config) {
        this(contactSync, config.customers().filterPropertiesTtl(), Clock.systemUTC());
    }

    FilterPropertiesCache(ContactSyncClient contactSync, Duration ttl, Clock clock) {
        this.contactSync = contactSync;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The property names for the company (empty in LEGACY mode). */
    public Uni<List<String>> properties(String realmId) {
        Entry entry = entries.get(realmId);
        if (entry != null && clock.instant().isBefore(entry.expiresAt())) {
            return Uni.createFrom().item(entry.properties());
        }
        return contactSync.filterProperties(realmId).map(FilterProperties::properties)
                .invoke(properties -> entries.put(realmId, new Entry(properties, clock.instant().plus(ttl))));
    }

    /** Forgets the company's entry: its filters changed since it was read. */
    public void invalidate(String realmId) {
        entries.remove(realmId);
    }
}
