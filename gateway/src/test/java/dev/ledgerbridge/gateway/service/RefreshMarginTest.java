package dev.ledgerbridge.gateway.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** When a stored access token is still handed out and when it is refreshed first. */
class RefreshMarginTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Duration MARGIN = Duration.ofMinutes(5);

    @Test
    void shouldUseATokenWithMoreThanTheMarginLeft() {
        assertTrue(ConnectionTokens.isFresh(at(NOW.plus(Duration.ofMinutes(50))), NOW, MARGIN));
        assertTrue(ConnectionTokens.isFresh(at(NOW.plus(MARGIN).plusSeconds(1)), NOW, MARGIN));
    }

    @Test
    void shouldRefreshATokenWithinTheMarginExpiredOrWithoutExpiry() {
        assertFalse(ConnectionTokens.isFresh(at(NOW.plus(MARGIN)), NOW, MARGIN), "exactly the margin left");
        assertFalse(ConnectionTokens.isFresh(at(NOW.plus(Duration.ofMinutes(4))), NOW, MARGIN));
        assertFalse(ConnectionTokens.isFresh(at(NOW.minusSeconds(1)), NOW, MARGIN));
        assertFalse(ConnectionTokens.isFresh(null, NOW, MARGIN));
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
