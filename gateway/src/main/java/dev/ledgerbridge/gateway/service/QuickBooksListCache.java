package dev.ledgerbridge.gateway.service;

import dev.ledgerbridge.gateway.config.OptionsConfig;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The QBO lists behind the dropdowns, per (company, list), kept for a short TTL so a user scrolling or searching a
 * dropdown costs one QBO query per fill; concurrent misses share that one query. When QBO fails, an expired list is
 * still served for a while (stale TTL) rather than nothing. Memory per replica: each replica fills its own cache.
 */
@ApplicationScoped
public class QuickBooksListCache {

    private final OptionsConfig config;
    private final Clock clock;
    private final Map<Key, Filled> filled = new ConcurrentHashMap<>();
    private final Map<Key, Uni<List<OptionEntry>>> loading = new ConcurrentHashMap<>();

    @Inject
    public QuickBooksListCache(OptionsConfig config) {
        this(config, Clock.systemUTC());
    }

    /** With another clock, so tests can let the TTLs run out without waiting. */
    QuickBooksListCache(OptionsConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** The list, from the cache when fresh, else from {@code loader}; a failed load falls back to a stale list. */
    public Uni<Lookup> get(String realmId, OptionKind.Source source, Supplier<Uni<List<OptionEntry>>> loader) {
        Key key = new Key(realmId, source);
        Filled current = filled.get(key);
        Instant now = clock.instant();
        if (current != null && current.at().plus(config.cacheTtl()).isAfter(now)) {
            return Uni.createFrom().item(new Lookup(current.entries(), null));
        }
        Uni<List<OptionEntry>> load = loading.computeIfAbsent(key, k -> Uni.createFrom().<List<OptionEntry>>deferred(loader::get)
                .ifNoItem().after(config.fetchTimeout()).fail()
                .invoke(entries -> filled.put(k, new Filled(List.copyOf(entries), clock.instant())))
                .onTermination().invoke(() -> loading.remove(k))
                .memoize().indefinitely());
        return load.map(entries -> new Lookup(entries, null))
                .onFailure().recoverWithItem(failure -> fallback(key, failure));
    }

    /** Forgets every list (tests, and an operator after changing QBO lists who cannot wait for the TTL). */
    public void clear() {
        filled.clear();
    }

    private Lookup fallback(Key key, Throwable failure) {
        Filled stale = filled.get(key);
        Log.warnf("realmId=%s options list %s not refreshed: %s %s", key.realmId(), key.source(),
                failure.getClass().getSimpleName(), failure.getMessage());
        if (stale != null && stale.at().plus(config.staleTtl()).isAfter(clock.instant())) {
            return new Lookup(stale.entries(), failure);
        }
        return new Lookup(List.of(), failure);
    }

    /**
     * A list and, when QBO could not be asked, why.
     *
     * @param failure null when the entries are fresh; else the QBO failure (entries then stale or empty)
     */
    public record Lookup(List<OptionEntry> entries, Throwable failure) {
    }

    private record Key(String realmId, OptionKind.Source source) {
    }

    private record Filled(List<OptionEntry> entries, Instant at) {
    }
}
