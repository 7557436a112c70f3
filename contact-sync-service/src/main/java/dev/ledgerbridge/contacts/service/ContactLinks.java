package dev.ledgerbridge.contacts.service;

import dev.ledgerbridge.contacts.ContactLink;
import dev.ledgerbridge.contacts.repository.ContactLinkRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Finds and records contact-to-customer links; the first link recorded for a contact wins. */
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

    /**
     * Records the link unless the contact is linked already, and returns the link that is stored: a concurrent
     * resolution may have won the insert, and its link is then the one every later resolution uses.
     */
    @WithTransaction
    public Uni<ContactLink> record(ContactLink link) {
        return repository.insertIfAbsent(link)
                .chain(inserted -> repository.findLink(link.key.realmId(), link.key.portalId(), link.key.contactId())
                        .invoke(stored -> {
                            if (!inserted) {
                                Log.infof("Contact %s in realm %s was linked concurrently to customer %s; keeping that link",
                                        link.key.contactId(), link.key.realmId(), stored.customerId);
                            }
                        }));
    }
}
