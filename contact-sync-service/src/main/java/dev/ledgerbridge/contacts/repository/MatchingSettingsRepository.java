package dev.ledgerbridge.contacts.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ledgerbridge.contacts.MatchingMode;
import dev.ledgerbridge.contacts.MatchingSettings;
import dev.ledgerbridge.contacts.MatchingSettingsChange;
import dev.ledgerbridge.contacts.MatchingSettingsConflictException;
import dev.ledgerbridge.contacts.SettingsSnapshot;
import dev.ledgerbridge.contacts.SyncFilterGroup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and changes a company's matching settings and their audit (tables {@code matching_settings},
 * {@code matching_settings_audit}). Plain SQL on the reactive pool rather than Panache: the filters are JSONB, and
 * a change is a version compare-and-set plus its audit row in one transaction, which reads clearest as SQL.
 */
@ApplicationScoped
public class MatchingSettingsRepository {

    private static final String FIND = """
            SELECT mode, filter_groups::text AS filter_groups, version, updated_at, updated_by
            FROM matching_settings WHERE realm_id = $1""";
    private static final String FIND_FOR_UPDATE = FIND + " FOR UPDATE";
    // ON CONFLICT: another writer created the company's first version a moment ago; that is a version conflict.
    private static final String INSERT_FIRST = """
            INSERT INTO matching_settings (realm_id, mode, filter_groups, version, updated_by)
            VALUES ($1, $2, $3::text::jsonb, 1, $4)
            ON CONFLICT (realm_id) DO NOTHING
            RETURNING version, updated_at""";
    private static final String UPDATE = """
            UPDATE matching_settings
            SET mode = $2, filter_groups = $3::text::jsonb, version = version + 1, updated_at = now(), updated_by = $4
            WHERE realm_id = $1 AND version = $5
            RETURNING version, updated_at""";
    private static final String AUDIT = """
            INSERT INTO matching_settings_audit (realm_id, version, actor, changed_at, before, after)
            VALUES ($1, $2, $3, $4, $5::text::jsonb, $6::text::jsonb)""";
    private static final String HISTORY = """
            SELECT version, actor, changed_at, before::text AS before, after::text AS after
            FROM matching_settings_audit WHERE realm_id = $1 ORDER BY version DESC LIMIT $2""";

    private final Pool pool;
    private final ObjectMapper json;
    private final JavaType groupList;

    MatchingSettingsRepository(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
        this.groupList = json.getTypeFactory().constructCollectionType(List.class, SyncFilterGroup.class);
    }

    /** The stored settings of the company, or null when it never changed them. */
    public Uni<MatchingSettings> find(String realmId) {
        return pool.preparedQuery(FIND).execute(Tuple.of(realmId)).map(rows -> settings(realmId, rows));
    }

    /**
     * Stores the new mode and filters when the stored version (0 when none) is {@code expectedVersion}, and audits the
     * change, in one transaction; fails with {@link MatchingSettingsConflictException} otherwise.
     */
    public Uni<MatchingSettings> replace(String realmId, long expectedVersion, SettingsSnapshot after, String actor) {
        return pool.withTransaction(connection -> connection.preparedQuery(FIND_FOR_UPDATE)
                .execute(Tuple.of(realmId))
                .chain(rows -> {
                    MatchingSettings current = settings(realmId, rows);
                    MatchingSettings before = current == null ? MatchingSettings.defaults(realmId) : current;
                    if (before.version() != expectedVersion) {
                        return Uni.createFrom().failure(
                                new MatchingSettingsConflictException(realmId, expectedVersion, before.version()));
                    }
                    Uni<RowSet<Row>> write = current == null
                            ? connection.preparedQuery(INSERT_FIRST).execute(Tuple.of(realmId, after.mode().name(),
                                    write(after.filterGroups()), actor))
                            : connection.preparedQuery(UPDATE).execute(Tuple.of(realmId, after.mode().name(),
                                    write(after.filterGroups()), actor, expectedVersion));
                    return write.chain(written -> written.size() == 0
                            ? concurrentlyChanged(connection, realmId, expectedVersion)
                            : audit(connection, realmId, written.iterator().next(), before, after, actor));
                }));
    }

    /** The company's changes, newest first, at most {@code limit}. */
    public Uni<List<MatchingSettingsChange>> history(String realmId, int limit) {
        return pool.preparedQuery(HISTORY).execute(Tuple.of(realmId, limit)).map(rows -> {
            List<MatchingSettingsChange> changes = new ArrayList<>();
            for (Row row : rows) {
                changes.add(new MatchingSettingsChange(realmId, row.getLong("version"), row.getString("actor"),
                        row.getOffsetDateTime("changed_at"), read(row.getString("before"), SettingsSnapshot.class),
                        read(row.getString("after"), SettingsSnapshot.class)));
            }
            return changes;
        });
    }

    private Uni<MatchingSettings> audit(SqlConnection connection, String realmId, Row written, MatchingSettings before,
            SettingsSnapshot after, String actor) {
        long version = written.getLong("version");
        MatchingSettings stored = new MatchingSettings(realmId, after.mode(), after.filterGroups(), version,
                written.getOffsetDateTime("updated_at"), actor);
        return connection.preparedQuery(AUDIT)
                .execute(Tuple.of(realmId, version, actor, stored.updatedAt(), write(before.snapshot()), write(after)))
                .replaceWith(stored);
    }

    private Uni<MatchingSettings> concurrentlyChanged(SqlConnection connection, String realmId, long expectedVersion) {
        return connection.preparedQuery(FIND).execute(Tuple.of(realmId)).chain(rows -> {
            MatchingSettings now = settings(realmId, rows);
            return Uni.createFrom().failure(new MatchingSettingsConflictException(realmId, expectedVersion,
                    now == null ? 0 : now.version()));
        });
    }

    private MatchingSettings settings(String realmId, RowSet<Row> rows) {
        if (rows.size() == 0) {
            return null;
        }
        Row row = rows.iterator().next();
        List<SyncFilterGroup> groups = read(row.getString("filter_groups"), groupList);
        return new MatchingSettings(realmId, MatchingMode.valueOf(row.getString("mode")), groups,
                row.getLong("version"), row.getOffsetDateTime("updated_at"), row.getString("updated_by"));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException corrupt) {
            throw new UncheckedIOException(corrupt);
        }
    }

    private <T> T read(String text, JavaType type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException corrupt) {
            throw new UncheckedIOException(corrupt);
        }
    }
}
