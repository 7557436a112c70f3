package dev.ledgerbridge.catalog.service;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ledgerbridge.catalog.CatalogItem;
import dev.ledgerbridge.catalog.CatalogSyncState;
import dev.ledgerbridge.catalog.ItemLookup.LookupScope;
import dev.ledgerbridge.catalog.LineItem;
import dev.ledgerbridge.catalog.LineItemRefusal;
import dev.ledgerbridge.catalog.MatchedBy;
import dev.ledgerbridge.catalog.MirrorItem;
import dev.ledgerbridge.catalog.QboStubs;
import dev.ledgerbridge.catalog.QboStubs.StubItem;
import dev.ledgerbridge.catalog.ResolveLineItemsCommand;
import dev.ledgerbridge.catalog.ResolvedLine;
import dev.ledgerbridge.catalog.SyncInProgressException;
import dev.ledgerbridge.catalog.WireMockVendors;
import dev.ledgerbridge.catalog.WireMockVendors.InjectWireMock;
import dev.ledgerbridge.catalog.client.QboItemLookup;
import dev.ledgerbridge.catalog.repository.CatalogItemRepository;
import dev.ledgerbridge.catalog.repository.CatalogSyncStateRepository;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mirror against QBO and the gateway in WireMock: full loads, CDC, the 30-day rule and resolution from it. */
@QuarkusTest
@QuarkusTestResource(WireMockVendors.class)
class CatalogMirrorTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    CatalogMirror mirror;

    @Inject
    CatalogItemRepository items;

    @Inject
    CatalogSyncStateRepository states;

    @Inject
    LineItemResolver resolver;

    @Inject
    MirrorItemLookup mirrorLookup;

    @Inject
    QboItemLookup directLookup;

    @Inject
    Pool pool;

    private QboStubs qbo;

    @AfterEach
    void resetBreakers() {
        CircuitBreakerMaintenance.get().resetAll();
    }

    @BeforeEach
    void resetVendors() {
        wireMock.resetAll();
        qbo = new QboStubs(wireMock);
    }

    @Test
    void shouldLoadTwoThousandFiveHundredItemsWithOneCountAndThreePageQueries() {
        String realm = "9130350000000501";
        qbo.token(realm);
        List<StubItem> catalog = new ArrayList<>();
        for (int i = 1; i <= 2500; i++) {
            // Every tenth item is inactive: loaded too, so a later reactivation by CDC needs no extra read.
            catalog.add(new StubItem(String.valueOf(i), "Product " + i, "SKU-" + i, "Service", i % 10 != 0));
        }
        qbo.catalog(realm, catalog, 1000);

        long started = System.nanoTime();
        CatalogSyncState state = mirror.syncNow(realm).await().atMost(WAIT);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("catalog mirror: full load of 2500 items took " + millis + " ms");

        assertEquals(List.of(
                "SELECT COUNT(*) FROM Item WHERE Active IN (true, false)",
                "SELECT * FROM Item WHERE Active IN (true, false) STARTPOSITION 1 MAXRESULTS 1000",
                "SELECT * FROM Item WHERE Active IN (true, false) STARTPOSITION 1001 MAXRESULTS 1000",
                "SELECT * FROM Item WHERE Active IN (true, false) STARTPOSITION 2001 MAXRESULTS 1000"),
                qbo.statements(realm));
        assertTrue(state.loaded());
        assertFalse(state.syncing());
        assertEquals(2500, state.itemCount());
        assertEquals(2250, state.activeItemCount());
        assertNull(state.lastError());
        MirrorItem last = items.find(realm, "2500").await().atMost(WAIT);
        assertEquals("Product 2500", last.name());
        assertFalse(last.active());
        assertEquals(0, new BigDecimal("100").compareTo(items.find(realm, "1999").await().atMost(WAIT).unitPrice()));
    }

    @Test
    void shouldApplyARenameAnInactivationAndADeletionFromCdc() {
        String realm = "9130350000000502";
        loaded(realm, StubItem.service("1", "Annual Subscription", "SUB-ANNUAL"),
                StubItem.service("2", "Onboarding Package", "ONB-001"), StubItem.service("3", "Support Hours", "SUP-HR"));
        OffsetDateTime fullLoad = states.find(realm).await().atMost(WAIT).lastFullLoadAt();
        wireMock.resetRequests();
        qbo.cdc(realm, List.of(StubItem.service("1", "Annual Plan", "SUB-ANNUAL"),
                new StubItem("2", "Onboarding Package", "ONB-001", "Service", false)), List.of("3"));

        CatalogSyncState state = mirror.syncNow(realm).await().atMost(WAIT);

        assertEquals(0, qbo.statements(realm).size(), "CDC, not a reload");
        assertEquals(1, qbo.cdcCalls(realm).size());
        var cdc = qbo.cdcCalls(realm).get(0);
        assertEquals("Item", cdc.queryParameter("entities").firstValue());
        OffsetDateTime changedSince = OffsetDateTime.parse(cdc.queryParameter("changedSince").firstValue());
        assertTrue(!changedSince.isAfter(fullLoad) && changedSince.isAfter(fullLoad.minusMinutes(3)),
                "asks for changes since the load, with a small overlap: " + changedSince);
        assertNotNull(state.lastCdcAt());
        assertEquals(2, state.itemCount());
        assertEquals(1, state.activeItemCount());
        assertEquals("Annual Plan", items.find(realm, "1").await().atMost(WAIT).name());
        assertFalse(items.find(realm, "2").await().atMost(WAIT).active());
        assertNull(items.find(realm, "3").await().atMost(WAIT));

        LineItemRefusal refusal = assertInstanceOf(LineItemRefusal.class, assertThrows(RuntimeException.class,
                () -> resolve(realm, line("401", "Onboarding Package", "ONB-001"), line("402", "Support Hours", null))));
        assertEquals(List.of("401", "402"), refusal.unmatched().stream().map(LineItem::lineItemId).toList());
        assertEquals(List.of(new ResolvedLine("403", "1", "Annual Plan", MatchedBy.NAME)),
                resolve(realm, line("403", "annual plan", null)));
    }

    @Test
    void shouldReloadFullyWhenTheLastSyncIsOlderThanCdcsThirtyDayLookBack() {
        String realm = "9130350000000503";
        loaded(realm, StubItem.service("1", "Kept", null), StubItem.service("2", "Deleted Meanwhile", null));
        pool.preparedQuery("UPDATE catalog_sync_state SET last_full_load_at = now() - interval '31 days'"
                + " WHERE realm_id = $1").execute(Tuple.of(realm)).await().atMost(WAIT);
        wireMock.resetAll();
        qbo.token(realm);
        qbo.catalog(realm, List.of(StubItem.service("1", "Kept", null)), 1000);

        CatalogSyncState state = mirror.syncNow(realm).await().atMost(WAIT);

        assertEquals(0, qbo.cdcCalls(realm).size());
        assertEquals(2, qbo.statements(realm).size(), "count and one page: " + qbo.statements(realm));
        assertTrue(state.lastFullLoadAt().isAfter(OffsetDateTime.now().minusMinutes(1)));
        assertEquals(1, state.itemCount());
        assertNull(items.find(realm, "2").await().atMost(WAIT), "an item QBO no longer returns leaves the mirror");
    }

    @Test
    void shouldUseCdcWhileTheLastSyncIsWithinTheLookBack() {
        String realm = "9130350000000504";
        loaded(realm, StubItem.service("1", "Kept", null));
        pool.preparedQuery("UPDATE catalog_sync_state SET last_full_load_at = now() - interval '29 days'"
                + " WHERE realm_id = $1").execute(Tuple.of(realm)).await().atMost(WAIT);
        wireMock.resetRequests();
        qbo.cdc(realm, List.of(), List.of());

        mirror.syncNow(realm).await().atMost(WAIT);

        assertEquals(1, qbo.cdcCalls(realm).size());
        assertEquals(0, qbo.statements(realm).size());
    }

    @Test
    void shouldResolveFromTheLoadedMirrorWithoutAnyQboCall() {
        String realm = "9130350000000505";
        loaded(realm, StubItem.service("2", "Annual Subscription", "SUB-ANNUAL"),
                StubItem.service("7", "Zoë Ånd Hardware", null), StubItem.service("8", "Plan A", "DUP"),
                StubItem.service("9", "Plan B", "dup "));
        wireMock.resetRequests();

        List<ResolvedLine> lines = resolve(realm, line("401", "whatever", " sub-annual"),
                line("402", java.text.Normalizer.normalize("zoë ånd hardware ", java.text.Normalizer.Form.NFD), null));
        LineItemRefusal ambiguous = assertInstanceOf(LineItemRefusal.class, assertThrows(RuntimeException.class,
                () -> resolve(realm, line("403", "Plan A", "DUP"))));

        assertEquals(List.of(new ResolvedLine("401", "2", "Annual Subscription", MatchedBy.SKU),
                new ResolvedLine("402", "7", "Zoë Ånd Hardware", MatchedBy.NAME)), lines);
        assertEquals(LineItemRefusal.AMBIGUOUS_LINE_ITEMS, ambiguous.code());
        assertEquals(List.of("8", "9"), ambiguous.ambiguous().get(0).candidates().stream()
                .map(CatalogItem::itemId).toList());
        assertEquals(0, wireMock.findAll(anyRequestedFor(anyUrl())).size(),
                "no QBO call and no token call once mirrored");
    }

    @Test
    void shouldLookUpInQboBeforeTheFirstLoadAndStartThatLoadInTheBackground() {
        String realm = "9130350000000506";
        qbo.token(realm);
        qbo.items(realm, "Sku IN", StubItem.service("2", "Annual Subscription", "SUB-ANNUAL"));
        qbo.catalog(realm, List.of(StubItem.service("2", "Annual Subscription", "SUB-ANNUAL")), 1000);
        MirrorFirstItemLookup lookup = new MirrorFirstItemLookup(mirrorLookup, directLookup, mirror, true);
        LookupScope scope = new LookupScope(realm, null);

        List<CatalogItem> first = lookup.activeItemsBySku(scope, Set.of("SUB-ANNUAL")).await().atMost(WAIT);

        assertEquals(List.of("2"), first.stream().map(CatalogItem::itemId).toList());
        await().atMost(WAIT).until(() -> states.isLoaded(realm).await().atMost(WAIT));
        wireMock.resetRequests();
        List<CatalogItem> second = lookup.activeItemsBySku(scope, Set.of("SUB-ANNUAL")).await().atMost(WAIT);
        assertEquals(List.of("2"), second.stream().map(CatalogItem::itemId).toList());
        assertEquals(0, wireMock.findAll(anyRequestedFor(anyUrl())).size(), "the mirror answers now");
    }

    @Test
    void shouldRefuseToSyncACompanyWhoseLeaseAnotherReplicaHolds() {
        String realm = "9130350000000507";
        qbo.token(realm);
        assertNotNull(states.claim(realm, "other-replica/run", Duration.ofMinutes(10)).await().atMost(WAIT));

        Throwable failure = assertThrows(RuntimeException.class, () -> mirror.syncNow(realm).await().atMost(WAIT));

        assertInstanceOf(SyncInProgressException.class, failure);
        assertEquals(0, qbo.statements(realm).size());
    }

    @Test
    void shouldRecordAFailedLoadKeepTheCompanyUnloadedAndReleaseTheLease() {
        String realm = "9130350000000508";
        qbo.token(realm);
        qbo.itemCount(realm, 5);
        qbo.fault(realm, "STARTPOSITION 1 MAXRESULTS", 500, "10000", "An application error has occurred");

        assertThrows(RuntimeException.class, () -> mirror.syncNow(realm).await().atMost(WAIT));

        CatalogSyncState state = states.find(realm).await().atMost(WAIT);
        assertFalse(state.loaded());
        assertFalse(state.syncing());
        assertTrue(state.lastError().contains("An application error has occurred"), state.lastError());
    }

    @Test
    void shouldSyncEveryCompanyWithAStateInTheScheduledRound() {
        String realm = "9130350000000509";
        loaded(realm, StubItem.service("1", "Annual Subscription", null));
        wireMock.resetRequests();
        qbo.cdc(realm, List.of(StubItem.service("1", "Annual Plan", null)), List.of());
        // Companies other tests left behind have no stubs now: their runs fail, are recorded, and the round goes on.

        mirror.syncAll().await().atMost(WAIT);

        assertEquals(1, qbo.cdcCalls(realm).size());
        assertEquals("Annual Plan", items.find(realm, "1").await().atMost(WAIT).name());
    }

    private void loaded(String realm, StubItem... catalog) {
        qbo.token(realm);
        qbo.catalog(realm, List.of(catalog), 1000);
        assertTrue(mirror.syncNow(realm).await().atMost(WAIT).loaded());
    }

    private List<ResolvedLine> resolve(String realm, LineItem... lines) {
        return resolver.resolve(new ResolveLineItemsCommand(realm, 40213377L, List.of(lines), null))
                .await().atMost(WAIT);
    }

    private static LineItem line(String id, String name, String sku) {
        return new LineItem(id, name, sku, null, BigDecimal.ONE, new BigDecimal("100.00"));
    }
}
