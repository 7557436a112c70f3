package dev.ledgerbridge.hubspot;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Paging block of a collection response; {@code next} is null on the last page. */
@RegisterForReflection // Jackson (de)serialises it inside this library, outside Quarkus REST.
public record Paging(NextPage next) {

    /** The cursor for the following page, or null when this was the last one. */
    public String nextAfter() {
        return next == null ? null : next.after();
    }
}
