package dev.ledgerbridge.documents.service;

import dev.ledgerbridge.documents.Document;
import dev.ledgerbridge.documents.config.DocumentsConfig;
import dev.ledgerbridge.documents.repository.DocumentRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;

/**
 * The steps of the exactly-once protocol on the {@code document} table, each in its own transaction so that every
 * step is committed before the next QBO call (README, "Exactly once").
 */
@ApplicationScoped
public class DocumentLedger {

    private final DocumentRepository documents;
    private final DocumentsConfig config;

    DocumentLedger(DocumentRepository documents, DocumentsConfig config) {
        this.documents = documents;
        this.config = config;
    }

    /** The row of the key, or null. */
    @WithSession
    public Uni<Document> find(String idempotencyKey) {
        return documents.findById(idempotencyKey);
    }

    /** Inserts and claims a new PENDING row; false when the key exists already. */
    @WithTransaction
    public Uni<Boolean> recordPending(Document document) {
        return documents.insertPending(document);
    }

    /** Claims an existing PENDING row whose last attempt ended or outlived its lease. */
    @WithTransaction
    public Uni<Boolean> claim(String idempotencyKey) {
        return documents.claimPending(idempotencyKey, config.pendingLease());
    }

    /**
     * Makes the row CREATED with QBO's result ({@code paymentId} only for a paid invoice); false when another attempt
     * completed it first.
     */
    @WithTransaction
    public Uni<Boolean> complete(String idempotencyKey, String qboId, String docNumber, BigDecimal totalAmount,
            String paymentId) {
        return documents.markCreated(idempotencyKey, qboId, docNumber, totalAmount, paymentId);
    }

    /** Commits the invoice of a paid invoice before its payment is written; the row stays PENDING and claimed. */
    @WithTransaction
    public Uni<Boolean> recordFirstStep(String idempotencyKey, String qboId, String docNumber, BigDecimal totalAmount) {
        return documents.recordFirstStep(idempotencyKey, qboId, docNumber, totalAmount);
    }

    /** Ends a failed attempt so a retry need not wait for the lease. */
    @WithTransaction
    public Uni<Void> release(String idempotencyKey, String errorCode) {
        return documents.releasePending(idempotencyKey, errorCode).replaceWithVoid();
    }
}
