package dev.ledgerbridge.gateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ledgerbridge.gateway.config.OptionsConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** TTL, stale fallback and shared fills of the options cache, on a clock the test moves. */
class QuickBooksListCacheTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String REALM = "9130350000000001";
    private static final List<OptionEntry> NET_30 = List.of(new OptionEntry("Net 30", "Net 30", null, null));
    private static final List<OptionEntry> NET_60 = List.of(new OptionEntry("Net 60", "Net 60", null, null));

    private final MovableClock clock = new MovableClock();
    private final QuickBooksListCache cache = new QuickBooksListCache(new Settings(), clock);
    private final AtomicInteger loads = new AtomicInteger();

    @Test
    void shouldReloadOnlyAfterTheTtl() {
        assertEquals(NET_30, get(() -> load(NET_30)).entries());
        clock.advance(Duration.ofSeconds(59));
        assertEquals(NET_30, get(() -> load(NET_60)).entries());
        clock.advance(Duration.ofSeconds(2));
        assertEquals(NET_60, get(() -> load(NET_60)).entries());

        assertEquals(2, loads.get());
    }

    @Test
    void shouldServeTheExpiredListWhileQboFailsWithinTheStaleTtl() {
        get(() -> load(NET_30));
        clock.advance(Duration.ofMinutes(10));

        QuickBooksListCache.Lookup lookup = get(this::failingLoad);

        assertEquals(NET_30, lookup.entries());
        assertTrue(lookup.failure() instanceof IllegalStateException);
    }

    @Test
    void shouldServeNothingWhenQboFailsAndTheListIsTooOld() {
        get(() -> load(NET_30));
        clock.advance(Duration.ofMinutes(16));

        QuickBooksListCache.Lookup lookup = get(this::failingLoad);

        assertEquals(List.of(), lookup.entries());
        assertTrue(lookup.failure() instanceof IllegalStateException);
    }

    @Test
    void shouldShareOneFillBetweenConcurrentMisses() {
        AtomicReference<UniEmitter<? super List<OptionEntry>>> pending = new AtomicReference<>();
        Uni<QuickBooksListCache.Lookup> first = cache.get(REALM, OptionKind.Source.TERMS, () -> {
            loads.incrementAndGet();
            return Uni.createFrom().<List<OptionEntry>>emitter(pending::set);
        });
        Uni<QuickBooksListCache.Lookup> second = cache.get(REALM, OptionKind.Source.TERMS, () -> load(NET_60));
        var firstResult = first.subscribeAsCompletionStage();
        var secondResult = second.subscribeAsCompletionStage();

        pending.get().complete(NET_30);

        assertEquals(NET_30, firstResult.join().entries());
        assertEquals(NET_30, secondResult.join().entries());
        assertNull(secondResult.join().failure());
        assertEquals(1, loads.get());
    }

    @Test
    void shouldKeepCompaniesApart() {
        get(() -> load(NET_30));
        QuickBooksListCache.Lookup other = cache.get("9130350000000002", OptionKind.Source.TERMS, () -> load(NET_60))
                .await().atMost(WAIT);

        assertSame(NET_60.get(0), other.entries().get(0));
        assertEquals(2, loads.get());
    }

    private QuickBooksListCache.Lookup get(java.util.function.Supplier<Uni<List<OptionEntry>>> loader) {
        return cache.get(REALM, OptionKind.Source.TERMS, loader).await().atMost(WAIT);
    }

    private Uni<List<OptionEntry>> load(List<OptionEntry> entries) {
        loads.incrementAndGet();
        return Uni.createFrom().item(entries);
    }

    private Uni<List<OptionEntry>> failingLoad() {
        loads.incrementAndGet();
        return Uni.createFrom().failure(new IllegalStateException("QBO unavailable"));
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-11-27T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** The defaults of {@link OptionsConfig}. */
    private static final class Settings implements OptionsConfig {

        @Override
        public Duration cacheTtl() {
            return Duration.ofSeconds(60);
        }

        @Override
        public Duration staleTtl() {
            return Duration.ofMinutes(15);
        }

        @Override
        public int pageSize() {
            return 50;
        }

        @Override
        public Duration fetchTimeout() {
            return Duration.ofSeconds(3);
        }
    }
}
