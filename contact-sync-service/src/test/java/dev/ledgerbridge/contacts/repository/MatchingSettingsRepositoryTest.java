package dev.ledgerbridge.contacts.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ledgerbridge.contacts.MatchingMode;
import dev.ledgerbridge.contacts.MatchingSettings;
import dev.ledgerbridge.contacts.MatchingSettingsConflictException;
import dev.ledgerbridge.contacts.SettingsSnapshot;
import dev.ledgerbridge.contacts.SyncFilter;
import dev.ledgerbridge.contacts.SyncFilterGroup;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** matching_settings and its audit on the real PostgreSQL. */
@QuarkusTest
class MatchingSettingsRepositoryTest {

    private static final SettingsSnapshot CUSTOMERS_ONLY = new SettingsSnapshot(MatchingMode.SYNC_FILTERS, List.of(
            new SyncFilterGroup(List.of(new SyncFilter("lifecyclestage", "EQUALS", List.of("customer"))))));
    private static final SettingsSnapshot LEGACY = new SettingsSnapshot(MatchingMode.LEGACY, List.of());

    @Inject
    MatchingSettingsRepository repository;

    @Inject
    Pool pool;

    private void clean(UniAsserter asserter, String realmId) {
        asserter.execute(() -> pool.preparedQuery("DELETE FROM matching_settings WHERE realm_id = $1")
                .execute(Tuple.of(realmId))
                .chain(() -> pool.preparedQuery("DELETE FROM matching_settings_audit WHERE realm_id = $1")
                        .execute(Tuple.of(realmId))));
    }

    @Test
    @RunOnVertxContext
    void shouldStoreTheFirstVersionAndAuditTheDefaultsAsBefore(UniAsserter asserter) {
        String realm = "9130350000000201";
        clean(asserter, realm);
        asserter.assertThat(() -> repository.find(realm), found -> assertNull(found));
        asserter.assertThat(() -> repository.replace(realm, 0, CUSTOMERS_ONLY, "ops@example.com"), stored -> {
            assertEquals(1, stored.version());
            assertEquals(CUSTOMERS_ONLY, stored.snapshot());
            assertNotNull(stored.updatedAt());
        });
        asserter.assertThat(() -> repository.find(realm), found -> {
            assertEquals(CUSTOMERS_ONLY, found.snapshot());
            assertEquals(1, found.version());
            assertEquals("ops@example.com", found.updatedBy());
        });
        asserter.assertThat(() -> repository.history(realm, 10), history -> {
            assertEquals(1, history.size());
            assertEquals(LEGACY, history.get(0).before());
            assertEquals(CUSTOMERS_ONLY, history.get(0).after());
            assertEquals("ops@example.com", history.get(0).actor());
        });
    }

    @Test
    @RunOnVertxContext
    void shouldRefuseAStaleVersionAndChangeNothing(UniAsserter asserter) {
        String realm = "9130350000000202";
        clean(asserter, realm);
        asserter.execute(() -> repository.replace(realm, 0, CUSTOMERS_ONLY, "first"));
        asserter.execute(() -> repository.replace(realm, 1, LEGACY, "second"));
        asserter.assertFailedWith(() -> repository.replace(realm, 1, CUSTOMERS_ONLY, "late"), failure -> assertEquals(
                "The matching settings of company " + realm + " are at version 2, not 1: someone changed them in the"
                        + " meantime. Reload them and apply your change again.",
                assertInstanceOf(MatchingSettingsConflictException.class, failure).getMessage()));
        asserter.assertFailedWith(() -> repository.replace(realm, 0, CUSTOMERS_ONLY, "late"),
                failure -> assertInstanceOf(MatchingSettingsConflictException.class, failure));
        asserter.assertThat(() -> repository.find(realm), found -> {
            assertEquals(2, found.version());
            assertEquals(LEGACY, found.snapshot());
            assertEquals("second", found.updatedBy());
        });
        asserter.assertThat(() -> repository.history(realm, 10), history -> {
            assertEquals(List.of(2L, 1L), history.stream().map(change -> change.version()).toList());
            assertEquals(CUSTOMERS_ONLY, history.get(0).before());
            assertEquals(LEGACY, history.get(0).after());
        });
        asserter.assertThat(() -> repository.history(realm, 1), history -> assertEquals(1, history.size()));
    }

    @Test
    @RunOnVertxContext
    void shouldKeepCompaniesApart(UniAsserter asserter) {
        clean(asserter, "9130350000000203");
        clean(asserter, "9130350000000204");
        asserter.execute(() -> repository.replace("9130350000000203", 0, CUSTOMERS_ONLY, "ops"));
        asserter.assertThat(() -> repository.find("9130350000000204"), found -> assertNull(found));
        asserter.assertThat(() -> repository.history("9130350000000204", 10), history -> assertEquals(0, history.size()));
        asserter.assertThat(() -> repository.replace("9130350000000204", 0, LEGACY, "ops"),
                (MatchingSettings stored) -> assertEquals(1, stored.version()));
    }
}
