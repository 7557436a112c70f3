package dev.ledgerbridge.payments;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** One (payment, action) pair already bridged to QuickBooks: the ledger that makes payment actions idempotent. */
@Entity
@Table(name = "bridged_payment")
public class BridgedPayment {

    /** Composite key: HubSpot portal, payment and action. */
    @Embeddable
    public record Key(@Column(name = "portal_id") long portalId,
                      @Column(name = "payment_id") String paymentId,
                      @Column(name = "action_type") String actionType) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "realm_id", nullable = false)
    public String realmId;

    @Column(nullable = false)
    public String state;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;
}
