package dev.ledgerbridge.documents.repository;

import dev.ledgerbridge.documents.DocumentSettings;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The {@code document_settings} table, one row per QBO company. */
@ApplicationScoped
@WithSession
public class DocumentSettingsRepository implements PanacheRepositoryBase<DocumentSettings, String> {

    /** Inserts or replaces the company's row; the database clock stamps it. */
    public Uni<Integer> upsert(DocumentSettings settings) {
        return getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO document_settings (realm_id, deposit_account_id, payment_method_id,
                                                       doc_number_pattern, updated_at)
                        VALUES (:realm, :deposit, :method, :pattern, now())
                        ON CONFLICT (realm_id) DO UPDATE SET deposit_account_id = EXCLUDED.deposit_account_id,
                            payment_method_id = EXCLUDED.payment_method_id,
                            doc_number_pattern = EXCLUDED.doc_number_pattern, updated_at = now()""")
                .setParameter("realm", settings.realmId)
                .setParameter("deposit", settings.depositAccountId)
                .setParameter("method", settings.paymentMethodId)
                .setParameter("pattern", settings.docNumberPattern)
                .executeUpdate());
    }
}
