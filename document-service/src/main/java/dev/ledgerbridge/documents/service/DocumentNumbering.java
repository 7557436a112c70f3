package dev.ledgerbridge.documents.service;

import dev.ledgerbridge.documents.DocumentRefusedException;
import dev.ledgerbridge.documents.NewDocument;
import dev.ledgerbridge.documents.config.DocumentsConfig;
import dev.ledgerbridge.documents.mapping.DocNumberPattern;
import dev.ledgerbridge.quickbooks.QboCompany;
import dev.ledgerbridge.quickbooks.model.Preferences;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides a document's DocNumber (domain brief 1.10): none when the company lets QBO number its sales forms, the
 * configured pattern when it has "custom transaction numbers" on
 * ({@code Preferences.SalesFormsPrefs.CustomTxnNumbers}, the path of Intuit's Finance.xsd). The preference is cached
 * per company for {@code preferences-cache-ttl}: it changes rarely, and QBO's CDC does not cover Preferences.
 */
@ApplicationScoped
public class DocumentNumbering {

    private final Duration ttl;
    private final Map<String, CachedPreference> byRealm = new ConcurrentHashMap<>();

    DocumentNumbering(DocumentsConfig config) {
        this.ttl = config.preferencesCacheTtl();
    }

    /**
     * The DocNumber to send, or null to let QBO assign the next number.
     *
     * @throws DocumentRefusedException DOC_NUMBER_TOO_LONG when the pattern gives more than 21 characters
     */
    public Uni<String> docNumber(QboCompany company, NewDocument document, String pattern) {
        return customNumbers(company).map(custom -> {
            if (!custom) {
                return null;
            }
            String number = DocNumberPattern.render(pattern, document.source());
            if (number.length() > DocNumberPattern.MAX_DOC_NUMBER_LENGTH) {
                throw new DocumentRefusedException(DocumentRefusedException.DOC_NUMBER_TOO_LONG,
                        "The document number \"" + number + "\" from the pattern \"" + pattern + "\" is longer than the "
                                + DocNumberPattern.MAX_DOC_NUMBER_LENGTH + " characters QuickBooks allows; shorten the"
                                + " pattern in the company's document settings.");
            }
            return number;
        });
    }

    /** Whether the company numbers its own sales forms, from the cache or one {@code GET preferences}. */
    public Uni<Boolean> customNumbers(QboCompany company) {
        CachedPreference cached = byRealm.get(company.realmId());
        if (cached != null && cached.expiresAtNanos() - System.nanoTime() > 0) {
            return Uni.createFrom().item(cached.customNumbers());
        }
        return company.preferences().map(preferences -> {
            boolean custom = isOn(preferences);
            byRealm.put(company.realmId(), new CachedPreference(custom, System.nanoTime() + ttl.toNanos()));
            Log.debugf("Realm %s custom transaction numbers: %s", company.realmId(), custom);
            return custom;
        });
    }

    /**
     * Forgets one company's cached preference, so its next document asks QBO: called when the company's document
     * settings are saved, which is when an administrator who just switched custom numbers on or off configures them.
     */
    public void forget(String realmId) {
        byRealm.remove(realmId);
    }

    /** Forgets every cached preference, so the next document asks QBO. */
    public void invalidateAll() {
        byRealm.clear();
    }

    private static boolean isOn(Preferences preferences) {
        return preferences != null && preferences.salesFormsPrefs() != null
                && Boolean.TRUE.equals(preferences.salesFormsPrefs().customTxnNumbers());
    }

    private record CachedPreference(boolean customNumbers, long expiresAtNanos) {
    }
}
