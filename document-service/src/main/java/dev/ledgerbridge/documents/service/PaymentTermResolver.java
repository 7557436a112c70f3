package dev.ledgerbridge.documents.service;

import dev.ledgerbridge.documents.DocumentRefusedException;
import dev.ledgerbridge.documents.config.DocumentsConfig;
import dev.ledgerbridge.quickbooks.QboCompany;
import dev.ledgerbridge.quickbooks.model.Term;
import dev.ledgerbridge.quickbooks.query.QboQuery;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds a QBO payment term by name, cached per realm for a few minutes so steady-state invoices read nothing from
 * QBO (architecture invariant 4); a missing name is never cached, so a term created in QBO works on the next try.
 */
@ApplicationScoped
public class PaymentTermResolver {

    private final Duration ttl;
    private final Map<String, Map<String, CachedTerm>> byRealm = new ConcurrentHashMap<>();

    PaymentTermResolver(DocumentsConfig config) {
        this.ttl = config.termCacheTtl();
    }

    /**
     * The active term named {@code name} (compared after trimming, ignoring case, as QBO does), from the cache or
     * one {@code select * from Term where Name = '...'} query.
     *
     * @throws DocumentRefusedException UNKNOWN_TERM when the company has no such active term
     */
    public Uni<Term> resolve(QboCompany company, String name) {
        String wanted = name.trim();
        String cacheKey = wanted.toLowerCase(Locale.ROOT);
        Map<String, CachedTerm> terms = byRealm.computeIfAbsent(company.realmId(), realm -> new ConcurrentHashMap<>());
        CachedTerm cached = terms.get(cacheKey);
        if (cached != null && cached.expiresAtNanos() - System.nanoTime() > 0) {
            return Uni.createFrom().item(cached.term());
        }
        return company.query(Term.class, QboQuery.selectFrom(Term.class).whereEquals("Name", wanted))
                .map(page -> page.items().stream()
                        .filter(term -> term.name() != null && term.name().trim().equalsIgnoreCase(wanted))
                        .filter(term -> !Boolean.FALSE.equals(term.active()))
                        .findFirst()
                        .orElseThrow(() -> {
                            Log.infof("Realm %s has no active payment term named '%s'", company.realmId(), wanted);
                            return new DocumentRefusedException(DocumentRefusedException.UNKNOWN_TERM,
                                    "QuickBooks has no active payment term named \"" + wanted
                                            + "\". Choose one of the company's terms or create it in QuickBooks.");
                        }))
                .invoke(term -> terms.put(cacheKey, new CachedTerm(term, System.nanoTime() + ttl.toNanos())));
    }

    /** Forgets every cached term, so the next lookup asks QBO. */
    public void invalidateAll() {
        byRealm.clear();
    }

    private record CachedTerm(Term term, long expiresAtNanos) {
    }
}
