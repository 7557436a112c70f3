package dev.ledgerbridge.sandbox.qbo.repository;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ledgerbridge.sandbox.qbo.QboEntityType;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
    // Indexes kept by put/delete, so a write does not scan every transaction of its type under the company's
    // monitor: with tens of thousands of invoices (a benchmark run) those scans made the sandbox the bottleneck.
    private final Map<QboEntityType, Map<String, Set<String>>> idsByDocNumber = new EnumMap<>(QboEntityType.class);
    private final Map<QboEntityType, Map<String, Set<String>>> idsByCustomer = new EnumMap<>(QboEntityType.class);
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
        String id = entity.get("Id").asText();
        unindex(type, id, entities.get(type).put(id, entity));
        String docNumber = entity.path("DocNumber").asText(null);
        if (docNumber != null) {
            idsByDocNumber.computeIfAbsent(type, t -> new HashMap<>()).computeIfAbsent(docNumber, d -> new LinkedHashSet<>()).add(id);
        }
        String customer = entity.path("CustomerRef").path("value").asText(null);
        if (customer != null) {
            idsByCustomer.computeIfAbsent(type, t -> new HashMap<>()).computeIfAbsent(customer, c -> new LinkedHashSet<>()).add(id);
        }
    }

    /** Removes a transaction and leaves a tombstone for CDC. */
    public void delete(QboEntityType type, String id, Instant at) {
        unindex(type, id, entities.get(type).remove(id));
        tombstones.add(new Tombstone(type, id, at));
    }

    private void unindex(QboEntityType type, String id, ObjectNode previous) {
        if (previous == null) {
            return;
        }
        String docNumber = previous.path("DocNumber").asText(null);
        if (docNumber != null) {
            Set<String> ids = idsByDocNumber.getOrDefault(type, Map.of()).get(docNumber);
            if (ids != null) {
                ids.remove(id);
            }
        }
        String customer = previous.path("CustomerRef").path("value").asText(null);
        if (customer != null) {
            Set<String> ids = idsByCustomer.getOrDefault(type, Map.of()).get(customer);
            if (ids != null) {
                ids.remove(id);
            }
        }
    }

    /** The live entities of a type carrying a DocNumber, in insertion order. */
    public List<ObjectNode> withDocNumber(QboEntityType type, String docNumber) {
        return live(type, idsByDocNumber.getOrDefault(type, Map.of()).getOrDefault(docNumber, Set.of()));
    }

    /** The live entities of a type whose CustomerRef is the given customer, in insertion order. */
    public List<ObjectNode> ofCustomer(QboEntityType type, String customerId) {
        return live(type, idsByCustomer.getOrDefault(type, Map.of()).getOrDefault(customerId, Set.of()));
    }

    private List<ObjectNode> live(QboEntityType type, Set<String> ids) {
        List<ObjectNode> found = new ArrayList<>();
        for (String id : ids) {
            ObjectNode entity = entities.get(type).get(id);
            if (entity != null) {
                found.add(entity);
            }
        }
        return found;
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
