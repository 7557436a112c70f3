package dev.ledgerbridge.contacts.repository;

import dev.ledgerbridge.contacts.ContactLink;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads and writes {@link ContactLink} rows (table {@code contact_link}). */
@ApplicationScoped
@WithSession
public class ContactLinkRepository implements PanacheRepositoryBase<ContactLink, ContactLink.Key> {

    // ON CONFLICT DO NOTHING: a concurrent resolution of the same contact may have linked it a moment ago, and
    // a failed INSERT would abort the surrounding transaction.
    private static final String INSERT_IF_ABSENT = """
            INSERT INTO contact_link (realm_id, portal_id, contact_id, customer_id, display_name, email, resolution)
            VALUES (:realmId, :portalId, :contactId, :customerId, :displayName, :email, :resolution)
            ON CONFLICT (realm_id, portal_id, contact_id) DO NOTHING""";

    /** The link of a contact in a company, or null. */
    public Uni<ContactLink> findLink(String realmId, long portalId, String contactId) {
        return findById(new ContactLink.Key(realmId, portalId, contactId));
    }

    /** Inserts the link unless the contact is already linked; true when this call inserted it. */
    public Uni<Boolean> insertIfAbsent(ContactLink link) {
        return getSession().chain(session -> session.createNativeQuery(INSERT_IF_ABSENT)
                        .setParameter("realmId", link.key.realmId())
                        .setParameter("portalId", link.key.portalId())
                        .setParameter("contactId", link.key.contactId())
                        .setParameter("customerId", link.customerId)
                        .setParameter("displayName", link.displayName)
                        .setParameter("email", link.email)
                        .setParameter("resolution", link.resolution == null ? null : link.resolution.name())
                        .executeUpdate())
                .map(rows -> rows == 1);
    }
}
