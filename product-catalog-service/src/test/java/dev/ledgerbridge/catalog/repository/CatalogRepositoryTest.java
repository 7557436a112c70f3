package dev.ledgerbridge.catalog.repository;

import dev.ledgerbridge.catalog.CatalogItem;
import dev.ledgerbridge.catalog.CatalogSyncState;
import dev.ledgerbridge.catalog.MirrorItem;
import dev.ledgerbridge.catalog.WireMockVendors;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mirror's tables on the real PostgreSQL: item upserts and the per-company lease. */
@QuarkusTest
@QuarkusTestResource(WireMockVendors.class)
class CatalogRepositoryTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration LEASE = Duration.ofMinutes(10);

    @Inject
    CatalogItemRepository items;

    @Inject
    CatalogSyncStateRepository states;

    @Test
    void shouldReplaceAnUpsertedItemAndMatchItByItsNewNameKeyOnly() {
        String realm = "9130350000000101";
        OffsetDateTime first = OffsetDateTime.now();
        await(items.upsert(realm, List.of(item("1", "Annual Subscription", "SUB-ANNUAL", true)), first));

        await(items.upsert(realm, List.of(item("1", "Annual Plan", "sub-annual", true)), first.plusSeconds(1)));

        MirrorItem stored = await(items.find(realm, "1"));
        assertEquals("Annual Plan", stored.name());
        assertEquals("sub-annual", stored.sku());
        assertEquals(List.of(new CatalogItem("1", "Annual Plan", "sub-annual", "Service")),
                await(items.matchableByNameKeys(realm, List.of("annual plan"))));
        assertEquals(List.of(), await(items.matchableByNameKeys(realm, List.of("annual subscription"))));
        assertEquals(1, await(items.matchableBySkuKeys(realm, List.of("sub-annual"))).size());
    }

    @Test
    void shouldNeverOfferInactiveItemsOrCategoriesForMatching() {
        String realm = "9130350000000102";
        await(items.upsert(realm, List.of(item("1", "Legacy Plan", "LEG-1", false),
                new MirrorItem("2", "Legacy Plan", null, "Category", null, false, true, "0", null)),
                OffsetDateTime.now()));

        assertEquals(List.of(), await(items.matchableByNameKeys(realm, List.of("legacy plan"))));
        assertEquals(List.of(), await(items.matchableBySkuKeys(realm, List.of("leg-1"))));
    }

    @Test
    void shouldRemoveOnlyTheRowsAFullLoadDidNotSee() {
        String realm = "9130350000000103";
        OffsetDateTime earlier = OffsetDateTime.now().minusHours(1);
        OffsetDateTime load = OffsetDateTime.now();
        await(items.upsert(realm, List.of(item("1", "Kept", null, true), item("2", "Gone", null, true)), earlier));
        await(items.upsert(realm, List.of(item("1", "Kept", null, true)), load));

        assertEquals(1, await(items.deleteNotMirroredSince(realm, load)));

        assertNotNull(await(items.find(realm, "1")));
        assertNull(await(items.find(realm, "2")));
    }

    @Test
    void shouldLetExactlyOneOfTwoConcurrentClaimsWin() {
        for (int i = 0; i < 20; i++) {
            String realm = "91303500000002" + String.format("%02d", i);

            List<CatalogSyncState> claims = await(Uni.combine().all()
                    .unis(states.claim(realm, "replica-a/run", LEASE), states.claim(realm, "replica-b/run", LEASE))
                    .with(results -> {
                        List<CatalogSyncState> list = new ArrayList<>();
                        results.forEach(r -> list.add((CatalogSyncState) r));
                        return list;
                    }));

            List<CatalogSyncState> winners = claims.stream().filter(Objects::nonNull).toList();
            assertEquals(1, winners.size(), "realm " + realm + ": " + claims);
            assertTrue(winners.get(0).syncing());
            assertEquals(winners.get(0).leaseOwner(), await(states.find(realm)).leaseOwner());
        }
    }

    @Test
    void shouldTakeOverALapsedLeaseAndTellTheOldOwnerItLostIt() {
        String realm = "9130350000000301";
        // A lease that lapsed a second ago: what a crashed replica leaves behind.
        assertNotNull(await(states.claim(realm, "crashed/run", Duration.ofSeconds(-1))));
        assertFalse(await(states.find(realm)).syncing());

        CatalogSyncState taken = await(states.claim(realm, "healthy/run", LEASE));

        assertNotNull(taken);
        assertEquals("healthy/run", taken.leaseOwner());
        assertFalse(await(states.renew(realm, "crashed/run", LEASE)));
        assertTrue(await(states.renew(realm, "healthy/run", LEASE)));
        assertNull(await(states.succeeded(realm, "crashed/run", true, OffsetDateTime.now())),
                "a run that lost its lease records nothing");
    }

    @Test
    void shouldRefuseALiveLeaseAndReleaseItWithTheCountsOnSuccess() {
        String realm = "9130350000000302";
        await(items.upsert(realm, List.of(item("1", "A", null, true), item("2", "B", null, false)), OffsetDateTime.now()));
        assertNotNull(await(states.claim(realm, "first/run", LEASE)));
        assertNull(await(states.claim(realm, "second/run", LEASE)));

        OffsetDateTime startedAt = OffsetDateTime.now().withNano(0);
        CatalogSyncState done = await(states.succeeded(realm, "first/run", true, startedAt));

        assertEquals(2, done.itemCount());
        assertEquals(1, done.activeItemCount());
        assertTrue(done.loaded());
        assertFalse(done.syncing());
        assertNull(done.leaseOwner());
        assertEquals(startedAt.toInstant(), done.lastFullLoadAt().toInstant());
        assertTrue(await(states.isLoaded(realm)));
        assertNotNull(await(states.claim(realm, "second/run", LEASE)), "released: the next run may claim it");
    }

    @Test
    void shouldRecordAFailureAndReleaseTheLease() {
        String realm = "9130350000000303";
        assertNotNull(await(states.claim(realm, "run", LEASE)));

        CatalogSyncState failed = await(states.failed(realm, "run", "QboFaultException: boom"));

        assertEquals("QboFaultException: boom", failed.lastError());
        assertNotNull(failed.lastErrorAt());
        assertFalse(failed.syncing());
        assertFalse(failed.loaded());
        assertFalse(await(states.isLoaded(realm)));
    }

    private static MirrorItem item(String id, String name, String sku, boolean active) {
        return new MirrorItem(id, name, sku, "Service", new BigDecimal("100.00"), false, active, "0",
                OffsetDateTime.parse("2026-11-20T10:00:00-08:00"));
    }

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(WAIT);
    }
}
