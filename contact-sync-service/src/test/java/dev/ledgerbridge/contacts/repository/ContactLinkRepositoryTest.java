package dev.ledgerbridge.contacts.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ledgerbridge.contacts.ContactLink;
import dev.ledgerbridge.contacts.Resolution;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** contact_link on the real PostgreSQL: written under the contact's lock, read by the warm path. */
@QuarkusTest
class ContactLinkRepositoryTest {

    @Inject
    ContactLinkRepository repository;

    @Inject
    ContactLockRepository locks;

    @Test
    @RunOnVertxContext
    void shouldKeepTheFirstLinkWhenTheContactIsLinkedTwice(UniAsserter asserter) {
        ContactLink.Key key = new ContactLink.Key("9130350000000001", 40213377L, "repo-1");
        asserter.execute(() -> Panache.withTransaction(() -> repository.delete("key.contactId", "repo-1")));
        asserter.assertThat(() -> locks.withLock(key, locked -> locked.insertIfAbsent("58", "Ada Lovelace",
                "ada@example.com", Resolution.MATCHED)), stored -> assertEquals("58", stored.customerId));
        asserter.assertThat(() -> locks.withLock(key, locked -> locked.insertIfAbsent("99", "Ada Lovelace (2)", null,
                Resolution.CREATED)), stored -> assertEquals("58", stored.customerId, "the first link stays"));
        asserter.assertThat(() -> repository.findLink(key.realmId(), key.portalId(), key.contactId()), link -> {
            assertEquals("58", link.customerId);
            assertEquals("Ada Lovelace", link.displayName);
            assertEquals("ada@example.com", link.email);
            assertEquals(Resolution.MATCHED, link.resolution);
            assertNotNull(link.linkedAt);
        });
    }

    @Test
    @RunOnVertxContext
    void shouldScopeLinksToTheCompanyAndPortal(UniAsserter asserter) {
        ContactLink.Key key = new ContactLink.Key("9130350000000001", 40213377L, "repo-2");
        asserter.execute(() -> Panache.withTransaction(() -> repository.delete("key.contactId", "repo-2")));
        asserter.execute(() -> locks.withLock(key, locked -> locked.insertIfAbsent("58", "Ada Lovelace", null,
                Resolution.CREATED)));
        asserter.assertThat(() -> repository.findLink("9130350000000002", 40213377L, "repo-2"), link -> assertNull(link));
        asserter.assertThat(() -> repository.findLink("9130350000000001", 1L, "repo-2"), link -> assertNull(link));
        asserter.assertThat(() -> repository.findLink("9130350000000001", 40213377L, "repo-2"),
                link -> assertNull(link.email));
    }

    @Test
    @RunOnVertxContext
    void shouldDeleteALinkOnlyWhileItStillNamesTheStaleCustomer(UniAsserter asserter) {
        ContactLink.Key key = new ContactLink.Key("9130350000000001", 40213377L, "repo-3");
        asserter.execute(() -> Panache.withTransaction(() -> repository.delete("key.contactId", "repo-3")));
        asserter.execute(() -> locks.withLock(key, locked -> locked.insertIfAbsent("70", "Ada Lovelace", null,
                Resolution.CREATED)));
        asserter.assertThat(() -> locks.withLock(key, locked -> locked.deleteIfCustomer("58")),
                deleted -> assertFalse(deleted, "a link someone already repaired is not dropped"));
        asserter.assertThat(() -> locks.withLock(key, locked -> locked.deleteIfCustomer("70")),
                deleted -> assertTrue(deleted));
        asserter.assertThat(() -> locks.withLock(key, ContactLockRepository.LockedLink::find), link -> assertNull(link));
    }
}
