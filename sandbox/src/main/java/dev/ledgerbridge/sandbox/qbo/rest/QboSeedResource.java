package dev.ledgerbridge.sandbox.qbo.rest;

import dev.ledgerbridge.sandbox.qbo.QboClock;
import dev.ledgerbridge.sandbox.qbo.repository.QboCompany;
import dev.ledgerbridge.sandbox.qbo.repository.QboSeed;
import dev.ledgerbridge.sandbox.qbo.repository.QboStore;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.util.Map;

/**
 * Sandbox-only seeding of a QBO company beyond the fixed seed: {@code POST /_sandbox/qbo/{realmId}/seed/items}
 * {@code {"count": 5000, "prefix": "Bulk"}} adds that many items, created and last updated 60 days ago, so tests can
 * load a realistically large catalogue and CDC afterwards sees only what changed since.
 * Not part of QBO's API; a reset of the sandbox drops them again.
 */
@Path("/_sandbox/qbo/{realmId}/seed")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QboSeedResource {

    /** More than any test needs; keeps a typo from exhausting the sandbox's memory. */
    static final int MAX_ITEMS = 50_000;
    /** How old seeded items are (their MetaData times): older than CDC's 30-day look-back. */
    static final Duration SEEDED_AGE = Duration.ofDays(60);

    private final QboStore store;
    private final QboClock clock;

    public QboSeedResource(QboStore store, QboClock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Items to add.
     *
     * @param count  how many (1 to 50,000)
     * @param prefix name and SKU prefix, default {@code Bulk}
     */
    public record ItemSeed(Integer count, String prefix) {
    }

    /** 200 {@code {"realmId", "added", "itemCount"}}; 404 for an unknown realm; 400 for a bad count or prefix. */
    @POST
    @Path("/items")
    public Response items(@PathParam("realmId") String realmId, ItemSeed seed) {
        int count = seed == null || seed.count() == null ? 0 : seed.count();
        String prefix = seed == null || seed.prefix() == null || seed.prefix().isBlank() ? "Bulk" : seed.prefix().strip();
        if (count < 1 || count > MAX_ITEMS) {
            return Response.status(400).entity(Map.of("message", "count must be 1 to " + MAX_ITEMS)).build();
        }
        if (prefix.length() > 40 || prefix.contains(":")) {
            return Response.status(400).entity(Map.of("message", "prefix must be at most 40 characters, no colon"))
                    .build();
        }
        QboCompany company = store.company(realmId).orElse(null);
        if (company == null) {
            return Response.status(404).entity(Map.of("message", "no QBO company " + realmId)).build();
        }
        int total;
        synchronized (company) {
            // Dated back like the fixed seed: a large catalogue is old, so CDC (30 days) sees only later changes.
            total = QboSeed.addItems(company, clock.now().minus(SEEDED_AGE), count, prefix);
        }
        return Response.ok(Map.of("realmId", realmId, "added", count, "itemCount", total)).build();
    }
}
