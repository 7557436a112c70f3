package dev.ledgerbridge.gateway.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ledgerbridge.gateway.ActionExecution;
import dev.ledgerbridge.gateway.ExecutionState;
import dev.ledgerbridge.gateway.support.DownstreamWireMock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The journal table on the real PostgreSQL: the primary key and conditional updates decide every race. */
@QuarkusTest
@WithTestResource(DownstreamWireMock.class)
class ActionExecutionRepositoryTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration LEASE = Duration.ofSeconds(60);

    @Inject
    ActionExecutionRepository executions;

    @Inject
    Pool pool;

    @Test
    void shouldLetExactlyOneOfTwoConcurrentInsertsWin() {
        String callbackId = newCallbackId();

        List<ActionExecution> results = Uni.join().all(
                        executions.insertRunning(callbackId, 40213377L, "CREATE_INVOICE", "DEAL", "301"),
                        executions.insertRunning(callbackId, 40213377L, "CREATE_INVOICE", "DEAL", "301"))
                .andCollectFailures().await().atMost(WAIT);

        assertEquals(1, results.stream().filter(Objects::nonNull).count(), "one insert creates the row");
        ActionExecution row = executions.findById(callbackId).await().atMost(WAIT);
        assertEquals(ExecutionState.RUNNING, row.state());
        assertEquals(1, row.deliveries());
    }

    @Test
    void shouldNotTakeOverRunningExecutionWithinItsLease() {
        String callbackId = insertRunning();

        assertNull(executions.takeOverExpired(callbackId, LEASE).await().atMost(WAIT));
    }

    @Test
    void shouldLetOnlyOneOfTwoConcurrentTakeoversOfAnExpiredLeaseWin() {
        String callbackId = insertRunning();
        pool.preparedQuery("UPDATE action_execution SET claimed_at = now() - interval '2 minutes' WHERE callback_id = $1")
                .execute(Tuple.of(callbackId)).await().atMost(WAIT);

        List<ActionExecution> results = Uni.join().all(executions.takeOverExpired(callbackId, LEASE),
                executions.takeOverExpired(callbackId, LEASE)).andCollectFailures().await().atMost(WAIT);

        assertEquals(1, results.stream().filter(Objects::nonNull).count());
        assertEquals(2, executions.findById(callbackId).await().atMost(WAIT).deliveries());
    }

    @Test
    void shouldMakeReleasedLeaseTakeableAtOnce() {
        String callbackId = insertRunning();

        executions.releaseLease(callbackId).await().atMost(WAIT);

        assertNotNull(executions.takeOverExpired(callbackId, LEASE).await().atMost(WAIT));
    }

    @Test
    void shouldStoreOutputFieldsOnceAndKeepThemForReplay() {
        String callbackId = insertRunning();
        Map<String, String> outputs = Map.of("hs_execution_state", "SUCCESS", "qbo_document_id", "130");

        assertTrue(executions.finish(callbackId, ExecutionState.SUCCEEDED, outputs, null, "9130350000000001")
                .await().atMost(WAIT));
        assertFalse(executions.finish(callbackId, ExecutionState.FAILED, Map.of(), "X", null).await().atMost(WAIT),
                "a finished row is never overwritten");

        ActionExecution counted = executions.countDelivery(callbackId).await().atMost(WAIT);
        assertEquals(ExecutionState.SUCCEEDED, counted.state());
        assertEquals(outputs, counted.outputFields());
        assertEquals(2, counted.deliveries());
        assertNotNull(counted.finishedAt());
        assertNull(executions.takeOverExpired(callbackId, Duration.ZERO).await().atMost(WAIT),
                "a finished row is never taken over");
    }

    private String insertRunning() {
        String callbackId = newCallbackId();
        assertNotNull(executions.insertRunning(callbackId, 40213377L, "CREATE_INVOICE", "DEAL", "301")
                .await().atMost(WAIT));
        return callbackId;
    }

    private static String newCallbackId() {
        return "ap-40213377-" + UUID.randomUUID();
    }
}
