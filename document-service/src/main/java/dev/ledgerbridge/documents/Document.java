package dev.ledgerbridge.documents;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One QBO document per idempotency key (R16): PENDING before the QBO write, CREATED once QBO confirmed it. A paid
 * invoice is two writes: its row stays PENDING with the invoice's id, number and total once the invoice is confirmed
 * (the first step), and becomes CREATED with the payment's id.
 */
// Named queries are parsed at boot, so the first request pays no HQL parsing on the event loop.
@Entity
@Table(name = "document")
@NamedQuery(name = "Document.markCreated", query = """
        update Document set state = :created, qboId = :qboId, docNumber = :docNumber, totalAmount = :total,
            paymentId = :paymentId, completedAt = current_timestamp, attemptStartedAt = null, lastErrorCode = null
        where idempotencyKey = :key and state = :pending""")
@NamedQuery(name = "Document.recordFirstStep", query = """
        update Document set qboId = :qboId, docNumber = :docNumber, totalAmount = :total
        where idempotencyKey = :key and state = :pending""")
@NamedQuery(name = "Document.release", query = """
        update Document set attemptStartedAt = null, lastErrorCode = :errorCode
        where idempotencyKey = :key and state = :pending""")
public class Document {

    @Id
    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "realm_id", nullable = false)
    public String realmId;

    @Enumerated(EnumType.STRING)
    @Column(name = "document_type", nullable = false)
    public DocumentType type;

    @Column(name = "request_id", nullable = false)
    public String requestId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DocumentState state;

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "portal_id")
    public Long portalId;

    @Column(name = "source_object_type")
    public String sourceObjectType;

    @Column(name = "source_object_id")
    public String sourceObjectId;

    @Column(name = "callback_id")
    public String callbackId;

    @Column(name = "qbo_id")
    public String qboId;

    @Column(name = "doc_number")
    public String docNumber;

    @Column(name = "total_amount")
    public BigDecimal totalAmount;

    @Column(name = "payment_id")
    public String paymentId;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "attempt_started_at")
    public OffsetDateTime attemptStartedAt;

    @Column(name = "last_error_code")
    public String lastErrorCode;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;

    /** True once QBO confirmed the document. */
    public boolean isCreated() {
        return state == DocumentState.CREATED;
    }
}
