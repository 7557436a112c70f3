package dev.ledgerbridge.contacts;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** A HubSpot contact linked to the QBO customer it resolved to, per company: the next resolution makes no QBO call. */
@Entity
@Table(name = "contact_link")
public class ContactLink {

    /** Composite key: QBO company, HubSpot portal and contact. */
    @Embeddable
    public record Key(@Column(name = "realm_id") String realmId,
                      @Column(name = "portal_id") long portalId,
                      @Column(name = "contact_id") String contactId) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    /** The contact's e-mail when the link was made, so a later change can be noticed (issue 4). */
    @Column(name = "email")
    public String email;

    /** MATCHED or CREATED: how the customer was found when the link was made. */
    @Enumerated(EnumType.STRING)
    @Column(name = "resolution")
    public Resolution resolution;

    @Column(name = "linked_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime linkedAt;

    /** A new, unsaved link. */
    public static ContactLink of(Key key, String customerId, String displayName, String email, Resolution resolution) {
        ContactLink link = new ContactLink();
        link.key = key;
        link.customerId = customerId;
        link.displayName = displayName;
        link.email = email;
        link.resolution = resolution;
        return link;
    }
}
