package dev.ledgerbridge.documents.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.ledgerbridge.documents.Document;
import dev.ledgerbridge.documents.DocumentState;
import dev.ledgerbridge.documents.DocumentType;
import dev.ledgerbridge.quickbooks.RequestIds;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The claim protocol on the real PostgreSQL; every step in its own transaction, as the service runs it. */
@QuarkusTest
class DocumentRepositoryTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    @Inject
    DocumentRepository documents;

    @Test
    @RunOnVertxContext
    void shouldInsertOnlyOneRowPerIdempotencyKey(UniAsserter asserter) {
        String key = newKey();
        Document other = pending(key);
        other.customerId = "99";

        asserter.assertEquals(() -> Panache.withTransaction(() -> documents.insertPending(pending(key))), true);
        asserter.assertEquals(() -> Panache.withTransaction(() -> documents.insertPending(other)), false);
        asserter.assertThat(() -> Panache.withSession(() -> documents.findById(key)), row -> {
            assertEquals(DocumentState.PENDING, row.state);
            assertEquals("58", row.customerId);
            assertEquals(1, row.attempts);
            assertNotNull(row.attemptStartedAt);
            assertEquals(RequestIds.derive(key), row.requestId);
        });
    }

    @Test
    @RunOnVertxContext
    void shouldNotClaimARowWhoseAttemptIsStillWithinItsLease(UniAsserter asserter) {
        String key = newKey();

        asserter.execute(() -> Panache.withTransaction(() -> documents.insertPending(pending(key))));
        asserter.assertEquals(() -> Panache.withTransaction(() -> documents.claimPending(key, LEASE)), false);
    }

    @Test
    @RunOnVertxContext
    void shouldClaimAReleasedRowAtOnceAndCountTheAttempt(UniAsserter asserter) {
        String key = newKey();

        asserter.execute(() -> Panache.withTransaction(() -> documents.insertPending(pending(key))));
        asserter.assertEquals(() -> Panache.withTransaction(() -> documents.releasePending(key, "6070")), 1);
        asserter.assertEquals(() -> Panache.withTransaction(() -> documents.claimPending(key, LEASE)), true);
        asserter.assertEquals(() -> Panache.withTransaction(() -> documents.claimPending(key, LEASE)), false);
        asserter.assertThat(() -> Panache.withSession(() -> documents.findById(key)), row -> {
            assertEquals(2, row.attempts);
            assertEquals("6070", row.lastErrorCode);
            assertNotNull(row.attemptStartedAt);
        });
    }

    @Test
    @RunOnVertxContext
    void shouldClaimARowWhoseLeaseHasExpired(UniAsserter asserter) {
        String key = newKey();

        asserter.execute(() -> Panache.withTransaction(() -> documents.insertPending(pending(key))));
        asserter.assertEquals(() -> Panache.withTransaction(() -> documents.claimPending(key, Duration.ZERO)), true);
    }

    @Test
    @RunOnVertxContext
    void shouldRecordTheQboResultOnlyOnceAndNeverClaimACreatedRow(UniAsserter asserter) {
        String key = newKey();

        asserter.execute(() -> Panache.withTransaction(() -> documents.insertPending(pending(key))));
        asserter.assertEquals(() -> Panache.withTransaction(
                () -> documents.markCreated(key, "130", "1001", new BigDecimal("1049.97"), null)), true);
        asserter.assertEquals(() -> Panache.withTransaction(
                () -> documents.markCreated(key, "131", "1002", new BigDecimal("1.00"), null)), false);
        asserter.assertEquals(() -> Panache.withTransaction(() -> documents.claimPending(key, Duration.ZERO)), false);
        asserter.assertThat(() -> Panache.withSession(() -> documents.findById(key)), row -> {
            assertEquals(DocumentState.CREATED, row.state);
            assertEquals("130", row.qboId);
            assertEquals("1001", row.docNumber);
            assertEquals(new BigDecimal("1049.97"), row.totalAmount);
            assertNotNull(row.completedAt);
            assertEquals(null, row.attemptStartedAt);
        });
    }

    @Test
    @RunOnVertxContext
    void shouldRejectASecondKeyWithTheSameRequestIdInTheSameRealm(UniAsserter asserter) {
        String key = newKey();
        Document clash = pending(newKey());
        clash.requestId = RequestIds.derive(key);

        asserter.execute(() -> Panache.withTransaction(() -> documents.insertPending(pending(key))));
        asserter.assertFailedWith(() -> Panache.withTransaction(() -> documents.insertPending(clash)),
                PersistenceException.class);
    }

    private static String newKey() {
        return "40213377:ap-" + UUID.randomUUID() + ":invoice";
    }

    private static Document pending(String key) {
        Document row = new Document();
        row.idempotencyKey = key;
        row.realmId = "9130350000000001";
        row.type = DocumentType.INVOICE;
        row.requestId = RequestIds.derive(key);
        row.customerId = "58";
        row.portalId = 40213377L;
        row.sourceObjectType = "DEAL";
        row.sourceObjectId = "301";
        row.callbackId = "ap-1";
        return row;
    }
}
