package dev.ledgerbridge.sandbox.hubspot;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** HubSpot's timestamp format: UTC ISO-8601 with milliseconds, e.g. {@code 2026-01-05T10:00:00.000Z}. */
public final class HubSpotTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private HubSpotTime() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }
}
