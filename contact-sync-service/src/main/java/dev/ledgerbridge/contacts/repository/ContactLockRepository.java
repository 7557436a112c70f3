package dev.ledgerbridge.contacts.repository;

import dev.ledgerbridge.contacts.ContactLink;
import dev.ledgerbridge.contacts.Resolution;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;

/**
 * Serialises the cold path of one contact across every replica with a PostgreSQL transaction-scoped advisory lock,
 * and reads and writes that contact's link on the locked connection.
 */
@ApplicationScoped
public class ContactLockRepository {

    // A lock id per (realm, portal, contact): two replicas resolving the same new contact queue here, so only the
    // first one asks QBO and creates; the second finds the first one's link once the lock is released. The lock is
    // released with the transaction, also when the work fails or the connection dies.
    private static final String LOCK = """
            SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtextextended($1, 0))) AS l""";
    private static final String FIND = """
            SELECT customer_id, display_name, email, resolution FROM contact_link
            WHERE realm_id = $1 AND portal_id = $2 AND contact_id = $3""";
    private static final String DELETE = """
            DELETE FROM contact_link WHERE realm_id = $1 AND portal_id = $2 AND contact_id = $3 AND customer_id = $4""";
    private static final String INSERT = """
            INSERT INTO contact_link (realm_id, portal_id, contact_id, customer_id, display_name, email, resolution)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (realm_id, portal_id, contact_id) DO NOTHING""";

    private final Pool pool;

    ContactLockRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Runs {@code work} in one transaction holding the contact's advisory lock; everything the work does through the
     * given {@link LockedLink} happens on that connection, so waiting for the lock never needs a second connection.
     */
    public <T> Uni<T> withLock(ContactLink.Key key, Function<LockedLink, Uni<T>> work) {
        String lockKey = "contact|" + key.realmId() + "|" + key.portalId() + "|" + key.contactId();
        return pool.withTransaction(connection -> connection.preparedQuery(LOCK).execute(Tuple.of(lockKey))
                .chain(() -> work.apply(new LockedLink(connection, key))));
    }

    /** The link row of the locked contact, read and written on the locked connection. */
    public static final class LockedLink {

        private final SqlConnection connection;
        private final ContactLink.Key key;

        LockedLink(SqlConnection connection, ContactLink.Key key) {
            this.connection = connection;
            this.key = key;
        }

        /** The contact's link, or null. */
        public Uni<ContactLink> find() {
            return connection.preparedQuery(FIND).execute(Tuple.of(key.realmId(), key.portalId(), key.contactId()))
                    .map(rows -> rows.size() == 0 ? null : toLink(rows.iterator().next()));
        }

        /** Deletes the link when it still names {@code customerId}; true when it did. */
        public Uni<Boolean> deleteIfCustomer(String customerId) {
            return connection.preparedQuery(DELETE)
                    .execute(Tuple.of(key.realmId(), key.portalId(), key.contactId(), customerId))
                    .map(rows -> rows.rowCount() == 1);
        }

        /** Inserts the link unless one exists, then answers the stored link. */
        public Uni<ContactLink> insertIfAbsent(String customerId, String displayName, String email,
                Resolution resolution) {
            Tuple values = Tuple.tuple().addValue(key.realmId()).addValue(key.portalId()).addValue(key.contactId())
                    .addValue(customerId).addValue(displayName).addValue(email)
                    .addValue(resolution == null ? null : resolution.name());
            return connection.preparedQuery(INSERT).execute(values).chain(rows -> find());
        }

        private ContactLink toLink(Row row) {
            String resolution = row.getString("resolution");
            return ContactLink.of(key, row.getString("customer_id"), row.getString("display_name"),
                    row.getString("email"), resolution == null ? null : Resolution.valueOf(resolution));
        }
    }
}
