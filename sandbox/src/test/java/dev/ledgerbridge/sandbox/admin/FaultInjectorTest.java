package dev.ledgerbridge.sandbox.admin;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultInjectorTest {

    private static List<FaultInjector.Decision> run(FaultInjector f, int n) {
        List<FaultInjector.Decision> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(f.decide("qbo", "POST", "/v3/company/1/invoice", "/v3/company/{realmId}/invoice"));
        }
        return out;
    }

    @Test
    void shouldGiveTheSameDecisionsForTheSameSeedAndRoughlyTheAskedShares() {
        FaultSettings s = new FaultSettings(5L, List.of(new FaultRule("qbo", "POST /v3/company/{realmId}/invoice", 0.2, 0.1, 500,
                100L, 0.5, 0.1, null, null, null)));
        FaultInjector f = new FaultInjector();
        f.apply(s);
        List<FaultInjector.Decision> first = run(f, 1000);
        f.apply(s);
        assertEquals(first, run(f, 1000));
        long throttled = first.stream().filter(d -> d.status() == 429).count();
        long failed = first.stream().filter(d -> d.status() == 500).count();
        long dropped = first.stream().filter(d -> d.action() == FaultInjector.Action.DROP).count();
        long slow = first.stream().filter(d -> d.latencyMs() == 100).count();
        assertTrue(throttled > 150 && throttled < 250, "429s: " + throttled);
        assertTrue(failed > 60 && failed < 140, "500s: " + failed);
        assertTrue(dropped > 60 && dropped < 140, "drops: " + dropped);
        assertTrue(slow > 400 && slow < 600, "slow: " + slow);
    }

    @Test
    void shouldLeaveOtherVendorsAndEndpointsAloneAndRetireSpentRules() {
        FaultInjector f = new FaultInjector();
        f.apply(new FaultSettings(null, List.of(new FaultRule("qbo", "*/invoice", 1.0, null, null, null, null, null, null, 2, null))));
        assertEquals(FaultInjector.Action.PASS, f.decide("hubspot", "POST", "/crm/v3/objects/deals", "/crm/v3/objects/deals").action());
        assertEquals(FaultInjector.Action.PASS, f.decide("qbo", "GET", "/v3/company/1/query", "/v3/company/{realmId}/query").action());
        assertEquals(2, run(f, 5).stream().filter(d -> d.status() == 429).count());
    }

    @Test
    void shouldRetireATimedRuleWhenItsTimeIsUp() {
        FaultInjector f = new FaultInjector();
        f.apply(new FaultSettings(null, List.of(new FaultRule("qbo", null, 1.0, null, null, null, null, null, 1, null,
                0.3))));
        assertEquals(429, f.decide("qbo", "POST", "/v3/company/1/invoice", "/v3/company/{realmId}/invoice").status());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> f.decide("qbo", "POST", "/v3/company/1/invoice", "/v3/company/{realmId}/invoice")
                        .action() == FaultInjector.Action.PASS);
        assertThrows(IllegalArgumentException.class, () -> f.apply(new FaultSettings(null, List.of(
                new FaultRule("qbo", null, 1.0, null, null, null, null, null, null, null, 0.0)))));
    }

    @Test
    void shouldRefuseSharesAboveOne() {
        FaultInjector f = new FaultInjector();
        assertThrows(IllegalArgumentException.class, () -> f.apply(new FaultSettings(null,
                List.of(new FaultRule(null, null, 0.6, 0.6, null, null, null, null, null, null, null)))));
    }
}
