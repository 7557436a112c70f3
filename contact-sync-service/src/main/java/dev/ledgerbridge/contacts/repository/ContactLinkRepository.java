package dev.ledgerbridge.contacts.repository;

import dev.ledgerbridge.contacts.ContactLink;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads {@link ContactLink} rows (table {@code contact_link}); writes happen under the contact's lock. */
@ApplicationScoped
@WithSession
public class ContactLinkRepository implements PanacheRepositoryBase<ContactLink, ContactLink.Key> {

    /** The link of a contact in a company, or null. */
    public Uni<ContactLink> findLink(String realmId, long portalId, String contactId) {
        return findById(new ContactLink.Key(realmId, portalId, contactId));
    }
}
