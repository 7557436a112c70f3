package dev.ledgerbridge.gateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.ledgerbridge.gateway.client.ContactSyncClient;
import dev.ledgerbridge.gateway.client.FilterProperties;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FilterPropertiesCacheTest {

    private static final String REALM = "9130350000000003";

    private final ContactSyncClient contactSync = mock(ContactSyncClient.class);
    private final MutableClock clock = new MutableClock();
    private final FilterPropertiesCache cache = new FilterPropertiesCache(contactSync, Duration.ofSeconds(30), clock);

    @BeforeEach
    void twoVersionsOfTheFilters() {
        when(contactSync.filterProperties(REALM)).thenReturn(
                Uni.createFrom().item(new FilterProperties(REALM, "SYNC_FILTERS", 1, List.of("lifecyclestage"))),
                Uni.createFrom().item(new FilterProperties(REALM, "SYNC_FILTERS", 2, List.of("country"))));
    }

    private List<String> read() {
        return cache.properties(REALM).await().atMost(Duration.ofSeconds(1));
    }

    @Test
    void shouldAskContactSyncOncePerCompanyWithinTheTtl() {
        assertEquals(List.of("lifecyclestage"), read());
        clock.advance(Duration.ofSeconds(29));
        assertEquals(List.of("lifecyclestage"), read());

        verify(contactSync, times(1)).filterProperties(REALM);
    }

    @Test
    void shouldAskAgainOnceTheTtlIsOver() {
        read();
        clock.advance(Duration.ofSeconds(30));

        assertEquals(List.of("country"), read());
        verify(contactSync, times(2)).filterProperties(REALM);
    }

    @Test
    void shouldAskAgainAtOnceAfterAnInvalidation() {
        read();
        cache.invalidate(REALM);

        assertEquals(List.of("country"), read());
    }

    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-11-27T02:00:00Z");

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
}
