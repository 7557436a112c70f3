package dev.ledgerbridge.contacts.service;

import dev.ledgerbridge.contacts.ContactLink;
import dev.ledgerbridge.contacts.repository.ContactLinkRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Finds contact-to-customer links for the warm path (no lock, no QBO call); links are written under the contact's
 * advisory lock by {@link dev.ledgerbridge.contacts.repository.ContactLockRepository}.
 */
@ApplicationScoped
public class ContactLinks {

    private final ContactLinkRepository repository;

    ContactLinks(ContactLinkRepository repository) {
        this.repository = repository;
    }

    /** The contact's link in the company, or null. */
    public Uni<ContactLink> find(String realmId, long portalId, String contactId) {
        return repository.findLink(realmId, portalId, contactId);
    }
}
