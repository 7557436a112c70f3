package dev.ledgerbridge.hubspot;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Cursor of the next page ({@code paging.next}); pass {@code after} back to get it. */
@RegisterForReflection // Jackson (de)serialises it inside this library, outside Quarkus REST.
public record NextPage(String after, String link) {
}
