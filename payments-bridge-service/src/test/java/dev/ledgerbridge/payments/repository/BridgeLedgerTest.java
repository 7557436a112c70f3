package dev.ledgerbridge.payments.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ledgerbridge.payments.BridgeOutcome;
import dev.ledgerbridge.payments.PaymentAction;
import dev.ledgerbridge.payments.repository.BridgeLedger.Claim;
import dev.ledgerbridge.payments.repository.BridgeLedger.Key;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ledger on the real PostgreSQL: one claim per (portal, payment, action), also when callers race. */
@QuarkusTest
class BridgeLedgerTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration LEASE = Duration.ofMinutes(2);

    @Inject
    BridgeLedger ledger;

    @Inject
    Pool pool;

    private Key key;

    @BeforeEach
    void newPayment() {
        key = new Key(40213377L, "ledger-" + UUID.randomUUID(), PaymentAction.PAID_INVOICE);
    }

    @Test
    void shouldLetTheFirstCallerBridgeAndTellTheSecondItIsInProgress() {
        Claim first = claim(key, "ap-1", LEASE);
        Claim second = claim(key, "ap-2", LEASE);

        assertInstanceOf(Claim.Owned.class, first);
        assertInstanceOf(Claim.InProgress.class, second);
    }

    @Test
    void shouldGiveTheFirstResultToEveryLaterCaller() {
        Claim.Owned owned = (Claim.Owned) claim(key, "ap-1", LEASE);
        BridgeOutcome result = new BridgeOutcome(BridgeOutcome.CREATED, "Invoice", "130", "1001",
                new BigDecimal("1500.00"), "131", null, null);

        assertTrue(ledger.complete(owned, result).await().atMost(WAIT));

        Claim later = claim(key, "ap-other-workflow", LEASE);
        assertEquals(new Claim.Done(result), later);
        assertEquals("SUCCEEDED", state(key));
    }

    @Test
    void shouldKeepTheSameKeyApartPerActionAndPortal() {
        assertInstanceOf(Claim.Owned.class, claim(key, "ap-1", LEASE));
        assertInstanceOf(Claim.Owned.class,
                claim(new Key(key.portalId(), key.paymentId(), PaymentAction.FEE_EXPENSE), "ap-1", LEASE));
        assertInstanceOf(Claim.Owned.class, claim(new Key(1L, key.paymentId(), key.action()), "ap-1", LEASE));
    }

    @Test
    void shouldLetTheNextCallerBridgeAfterARelease() {
        Claim.Owned owned = (Claim.Owned) claim(key, "ap-1", LEASE);

        ledger.release(owned).await().atMost(WAIT);

        assertInstanceOf(Claim.Owned.class, claim(key, "ap-2", LEASE));
    }

    @Test
    void shouldLetACallerTakeOverAClaimWhoseLeaseRanOut() {
        Claim.Owned crashed = (Claim.Owned) claim(key, "ap-1", LEASE);
        pool.preparedQuery("UPDATE bridged_payment SET claimed_at = now() - interval '10 minutes'"
                        + " WHERE payment_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(key.paymentId())).await().atMost(WAIT);

        Claim.Owned takeover = (Claim.Owned) claim(key, "ap-2", LEASE);

        // The crashed holder can neither complete nor release what is no longer its claim.
        assertFalse(ledger.complete(crashed, BridgeOutcome.refused("X", "x")).await().atMost(WAIT));
        ledger.release(crashed).await().atMost(WAIT);
        assertEquals("PENDING", state(key));
        assertTrue(ledger.complete(takeover, new BridgeOutcome(BridgeOutcome.CREATED, "Invoice", "130", null,
                BigDecimal.TEN, null, null, null)).await().atMost(WAIT));
    }

    @Test
    void shouldLetExactlyOneOfManyConcurrentCallersBridgeTheSamePayment() {
        int callers = 12;
        List<Uni<Claim>> claims = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            claims.add(ledger.claim(key, "9130350000000001", "ap-race-" + i, LEASE));
        }

        List<Claim> results = Uni.join().all(claims).andFailFast().await().atMost(WAIT);

        assertEquals(1, results.stream().filter(Claim.Owned.class::isInstance).count(), results.toString());
        assertEquals(callers - 1, results.stream().filter(Claim.InProgress.class::isInstance).count());
        long rows = pool.preparedQuery("SELECT count(*) AS n FROM bridged_payment WHERE payment_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(key.paymentId())).await().atMost(WAIT)
                .iterator().next().getLong("n");
        assertEquals(1L, rows);
    }

    private Claim claim(Key k, String callbackId, Duration lease) {
        return ledger.claim(k, "9130350000000001", callbackId, lease).await().atMost(WAIT);
    }

    private String state(Key k) {
        return pool.preparedQuery("SELECT state FROM bridged_payment WHERE portal_id = $1 AND payment_id = $2"
                        + " AND action_type = $3")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(k.portalId(), k.paymentId(), k.action().name()))
                .await().atMost(WAIT).iterator().next().getString("state");
    }
}
