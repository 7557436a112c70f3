package dev.ledgerbridge.sandbox.qbo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** QBO's timestamp spellings: MetaData times to the second with offset, the response "time" to the milli. */
public final class QboTime {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    /** QBO's servers answer in Pacific time. */
    public static final ZoneId SERVER_ZONE = ZoneId.of("America/Los_Angeles");

    private QboTime() {
    }

    /** A MetaData timestamp, e.g. {@code 2026-03-02T09:17:31-08:00}. */
    public static String metaData(Instant instant, ZoneId zone) {
        return SECONDS.format(instant.atZone(zone));
    }

    /** The {@code time} member of every response, e.g. {@code 2026-03-02T09:17:31.892-08:00}. */
    public static String responseTime(Instant instant) {
        return MILLIS.format(instant.atZone(SERVER_ZONE));
    }

    /** The company's calendar date at {@code instant}, for TxnDate defaults. */
    public static LocalDate date(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate();
    }
}
