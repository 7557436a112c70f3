package dev.ledgerbridge.sandbox.qbo.repository;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ledgerbridge.sandbox.qbo.QboEntityType;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One QBO company (realm) in memory: its entities as Jackson trees, deletion tombstones for CDC and its id and
 * document-number sequences. Not thread-safe on its own: callers hold the company's monitor
 * ({@code synchronized (company)}) for every read-modify-write, which also serialises a realm's writes as
 * QBO's requestid replay needs.
 */
public final class QboCompany {

    /**
     * A deleted transaction as CDC reports it.
     *
     * @param type the entity type
     * @param id the deleted Id
     * @param deletedAt when it was deleted
     */
    public record Tombstone(QboEntityType type, String id, Instant deletedAt) {
    }

    private final String realmId;
    private final ZoneId zone;
    private final Map<QboEntityType, Map<String, ObjectNode>> entities = new EnumMap<>(QboEntityType.class);
    private final List<Tombstone> tombstones = new ArrayList<>();
    private final Map<QboEntityType, Long> nameListIds = new EnumMap<>(QboEntityType.class);
    private final Map<QboEntityType, Long> docNumbers = new EnumMap<>(QboEntityType.class);
    private long transactionIds = 129;

    public QboCompany(String realmId, ZoneId zone) {
        this.realmId = realmId;
        this.zone = zone;
        for (QboEntityType type : QboEntityType.values()) {
            entities.put(type, new LinkedHashMap<>());
        }
    }

    public String realmId() {
        return realmId;
    }

    /** The company's time zone (for TxnDate defaults and MetaData offsets). */
    public ZoneId zone() {
        return zone;
    }

    /** The live entity, or empty (deleted transactions are gone). */
    public Optional<ObjectNode> find(QboEntityType type, String id) {
        return Optional.ofNullable(entities.get(type).get(id));
    }

    /** All stored entities of a type, active or not, in insertion order (live view). */
    public Collection<ObjectNode> all(QboEntityType type) {
        return entities.get(type).values();
    }

    /** Stores (or replaces) an entity under its Id. */
    public void put(QboEntityType type, ObjectNode entity) {
        entities.get(type).put(entity.get("Id").asText(), entity);
    }

    /** Removes a transaction and leaves a tombstone for CDC. */
    public void delete(QboEntityType type, String id, Instant at) {
        entities.get(type).remove(id);
        tombstones.add(new Tombstone(type, id, at));
    }

    /** Deletion tombstones, oldest first. */
    public List<Tombstone> tombstones() {
        return List.copyOf(tombstones);
    }

    /** The next Id: name lists count per type, transactions share one sequence (as QBO's TxnIds do). */
    public String nextId(QboEntityType type) {
        if (type.isTransaction()) {
            transactionIds++;
            return Long.toString(transactionIds);
        }
        long next = nameListIds.getOrDefault(type, 0L) + 1;
        nameListIds.put(type, next);
        return Long.toString(next);
    }

    /** The next automatic DocNumber for a transaction type, starting at 1001. */
    public String nextDocNumber(QboEntityType type) {
        long next = docNumbers.getOrDefault(type, 1000L) + 1;
        docNumbers.put(type, next);
        return Long.toString(next);
    }
}
