package dev.ledgerbridge.contacts.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the contact sync service (prefix {@code ledgerbridge.contacts}). */
@ConfigMapping(prefix = "ledgerbridge.contacts")
public interface ContactSyncConfig {

    /** How long before its expiry a cached QBO access token is fetched again; default 60 s. */
    @WithDefault("PT60S")
    Duration tokenRefreshMargin();

    /** MAXRESULTS of the e-mail look-up, i.e. the most QBO customers sharing one e-mail that are compared; default 100. */
    @WithDefault("100")
    int maxEmailCandidates();

    /** Retry-After sent with a 503 QBO_THROTTLED answer; default 60 s, the wait Intuit asks for after a 429. */
    @WithDefault("PT60S")
    Duration throttledRetryAfter();
}
