package dev.ledgerbridge.sandbox;

/**
 * A piece of sandbox state (a vendor's data, counters, fault settings) that the admin reset endpoint
 * puts back to its seed. Every {@code @ApplicationScoped} bean holding state implements it.
 */
public interface Reseedable {

    /** Drops everything recorded since start and loads the seed data again. */
    void reset();
}
