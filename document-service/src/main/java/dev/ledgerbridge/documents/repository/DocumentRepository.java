package dev.ledgerbridge.documents.repository;

import dev.ledgerbridge.documents.Document;
import dev.ledgerbridge.documents.DocumentState;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * The {@code document} table. Claims use the database clock ({@code now()}) so replicas with skewed clocks agree
 * on whose lease has expired.
 */
@ApplicationScoped
@WithSession
public class DocumentRepository implements PanacheRepositoryBase<Document, String> {

    /**
     * Inserts the row as PENDING, claimed by the caller (attempts = 1, attempt started now); false when a row with
     * the key exists already, so exactly one of two concurrent inserts wins.
     */
    public Uni<Boolean> insertPending(Document document) {
        return getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO document (idempotency_key, realm_id, document_type, request_id, state, customer_id,
                                              portal_id, source_object_type, source_object_id, callback_id,
                                              attempts, attempt_started_at)
                        VALUES (:key, :realm, :type, :requestId, 'PENDING', :customer,
                                :portal, :objectType, :objectId, :callbackId, 1, now())
                        ON CONFLICT (idempotency_key) DO NOTHING""")
                .setParameter("key", document.idempotencyKey)
                .setParameter("realm", document.realmId)
                .setParameter("type", document.type.name())
                .setParameter("requestId", document.requestId)
                .setParameter("customer", document.customerId)
                .setParameter("portal", document.portalId)
                .setParameter("objectType", document.sourceObjectType)
                .setParameter("objectId", document.sourceObjectId)
                .setParameter("callbackId", document.callbackId)
                .executeUpdate())
                .map(count -> count == 1);
    }

    /**
     * Claims a PENDING row whose previous attempt released it or started more than {@code lease} ago; false when
     * the row is CREATED or another attempt still holds it.
     */
    public Uni<Boolean> claimPending(String idempotencyKey, Duration lease) {
        return getSession().chain(session -> session.createNativeQuery("""
                        UPDATE document SET attempts = attempts + 1, attempt_started_at = now()
                        WHERE idempotency_key = :key AND state = 'PENDING'
                          AND (attempt_started_at IS NULL
                               OR attempt_started_at < now() - :leaseMillis * INTERVAL '1 millisecond')""")
                .setParameter("key", idempotencyKey)
                .setParameter("leaseMillis", lease.toMillis())
                .executeUpdate())
                .map(count -> count == 1);
    }

    /**
     * Records QBO's result on a PENDING row ({@code paymentId}: the Payment of a paid invoice, else null); false when
     * the row was no longer PENDING.
     */
    public Uni<Boolean> markCreated(String idempotencyKey, String qboId, String docNumber, BigDecimal totalAmount,
            String paymentId) {
        return update("#Document.markCreated", Parameters.with("created", DocumentState.CREATED)
                .and("qboId", qboId).and("docNumber", docNumber).and("total", totalAmount).and("paymentId", paymentId)
                .and("key", idempotencyKey).and("pending", DocumentState.PENDING))
                .map(count -> count == 1);
    }

    /**
     * Records the first entity of a two-step document (the invoice of a paid invoice) on a PENDING row that stays
     * PENDING and claimed; false when the row was no longer PENDING.
     */
    public Uni<Boolean> recordFirstStep(String idempotencyKey, String qboId, String docNumber, BigDecimal totalAmount) {
        return update("#Document.recordFirstStep", Parameters.with("qboId", qboId).and("docNumber", docNumber)
                .and("total", totalAmount).and("key", idempotencyKey).and("pending", DocumentState.PENDING))
                .map(count -> count == 1);
    }

    /** Ends the caller's attempt on a PENDING row without a result, so the next request may claim it at once. */
    public Uni<Integer> releasePending(String idempotencyKey, String errorCode) {
        return update("#Document.release", Parameters.with("errorCode", errorCode).and("key", idempotencyKey)
                .and("pending", DocumentState.PENDING));
    }
}
