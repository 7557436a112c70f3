package dev.ledgerbridge.gateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ledgerbridge.gateway.config.GatewayConfig;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The in-flight bound: never more slots than the bound, even when many threads ask at once. */
class ActionAdmissionTest {

    @Test
    void shouldGiveAtMostTheBoundAndTakeAgainAfterLeave() {
        ActionAdmission admission = new ActionAdmission(config(2));

        assertTrue(admission.tryEnter());
        assertTrue(admission.tryEnter());
        assertFalse(admission.tryEnter());
        assertEquals(2, admission.inFlight());
        admission.leave();
        assertTrue(admission.tryEnter());
        assertEquals(Duration.ofSeconds(1), admission.retryAfter());
    }

    @Test
    void shouldNeverExceedTheBoundUnderConcurrentEntries() throws Exception {
        ActionAdmission admission = new ActionAdmission(config(5));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> entries = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                entries.add(pool.submit(() -> {
                    start.await();
                    return admission.tryEnter();
                }));
            }
            start.countDown();
            int admitted = 0;
            for (Future<Boolean> entry : entries) {
                admitted += entry.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(5, admitted);
            assertEquals(5, admission.inFlight());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldRefuseABoundBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new ActionAdmission(config(0)));
    }

    private static GatewayConfig config(int maxInFlight) {
        GatewayConfig.Admission admission = new GatewayConfig.Admission() {
            @Override
            public int maxInFlight() {
                return maxInFlight;
            }

            @Override
            public Duration retryAfter() {
                return Duration.ofSeconds(1);
            }
        };
        return (GatewayConfig) Proxy.newProxyInstance(GatewayConfig.class.getClassLoader(),
                new Class<?>[] {GatewayConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("admission")) {
                        return admission;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
