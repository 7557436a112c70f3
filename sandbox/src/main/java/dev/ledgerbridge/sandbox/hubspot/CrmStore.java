package dev.ledgerbridge.sandbox.hubspot;

import dev.ledgerbridge.sandbox.Reseedable;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The in-memory HubSpot CRM of the one seeded portal: objects by type and id, and their associations in
 * insertion order (both directions are stored, as HubSpot links are two-way).
 */
@ApplicationScoped
public class CrmStore implements Reseedable {

    /** A stored link leaving one object towards one object type. */
    public record Link(String toId, List<AssociationSpec> types) {
    }

    private record LinkKey(HubSpotObjectType from, String fromId, HubSpotObjectType to) {
    }

    private final Map<HubSpotObjectType, Map<String, CrmRecord>> records = new EnumMap<>(HubSpotObjectType.class);
    private final Map<LinkKey, LinkedHashMap<String, List<AssociationSpec>>> links = new LinkedHashMap<>();
    private final Clock clock;
    // Told about every create and update after the store's lock is released (the workflow engine's triggers).
    private final List<Consumer<CrmChange>> listeners = new CopyOnWriteArrayList<>();
    private long nextId;

    public CrmStore() {
        this(Clock.systemUTC());
    }

    CrmStore(Clock clock) {
        this.clock = clock;
        reset();
    }

    @Override
    public synchronized void reset() {
        records.clear();
        links.clear();
        nextId = 10_001;
        HubSpotSeed.load(this, clock.instant());
    }

    /** A copy of the object, or null when it does not exist. */
    public synchronized CrmRecord get(HubSpotObjectType type, String id) {
        CrmRecord r = records.getOrDefault(type, Map.of()).get(id);
        return r == null ? null : copy(r);
    }

    /** Copies of every object of a type, in id order of insertion. */
    public synchronized List<CrmRecord> all(HubSpotObjectType type) {
        return records.getOrDefault(type, Map.of()).values().stream().map(CrmStore::copy).toList();
    }

    /**
     * Registers a listener told about every create and update, on the writing thread, after the write and outside
     * the store's lock; a listener that throws does not undo the write. Listeners survive a reset.
     */
    public void addListener(Consumer<CrmChange> listener) {
        listeners.add(listener);
    }

    /** Stores a new object under a fresh id. */
    public CrmRecord create(HubSpotObjectType type, Map<String, String> properties) {
        CrmRecord created;
        synchronized (this) {
            created = put(type, Long.toString(nextId++), properties, clock.instant());
        }
        notifyListeners(new CrmChange(type, created.id(), null, Collections.unmodifiableMap(new LinkedHashMap<>(created.properties()))));
        return created;
    }

    /** Stores an object under a given id (seed data). */
    synchronized CrmRecord put(HubSpotObjectType type, String id, Map<String, String> properties, Instant at) {
        CrmRecord r = new CrmRecord(type, id, at);
        r.properties().putAll(properties);
        r.properties().put("hs_object_id", id);
        r.properties().put("createdate", HubSpotTime.format(at));
        r.properties().put(type == HubSpotObjectType.CONTACTS ? "lastmodifieddate" : "hs_lastmodifieddate", HubSpotTime.format(at));
        records.computeIfAbsent(type, t -> new LinkedHashMap<>()).put(id, r);
        return copy(r);
    }

    /** Sets properties (an empty string clears one, as in HubSpot); null when the object does not exist. */
    public CrmRecord update(HubSpotObjectType type, String id, Map<String, String> properties) {
        CrmRecord updated;
        Map<String, String> before;
        synchronized (this) {
            CrmRecord r = records.getOrDefault(type, Map.of()).get(id);
            if (r == null) {
                return null;
            }
            before = Collections.unmodifiableMap(new LinkedHashMap<>(r.properties()));
            Instant now = clock.instant();
            properties.forEach((k, v) -> {
                if (v == null || v.isEmpty()) {
                    r.properties().remove(k);
                } else {
                    r.properties().put(k, v);
                }
            });
            r.touch(now);
            r.properties().put(type == HubSpotObjectType.CONTACTS ? "lastmodifieddate" : "hs_lastmodifieddate", HubSpotTime.format(now));
            updated = copy(r);
        }
        notifyListeners(new CrmChange(type, id, before, Collections.unmodifiableMap(new LinkedHashMap<>(updated.properties()))));
        return updated;
    }

    private void notifyListeners(CrmChange change) {
        for (Consumer<CrmChange> listener : listeners) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                Log.warnf(e, "A CRM change listener failed for %s %s", change.type().pathName(), change.objectId());
            }
        }
    }

    /**
     * Links two objects with a type leaving {@code from}; the inverse type is stored on the other side.
     * Linking an existing pair again adds the type if it is new (HubSpot keeps one link with several types).
     */
    public synchronized void associate(HubSpotObjectType from, String fromId, HubSpotObjectType to, String toId,
                                       AssociationSpec spec) {
        addLink(from, fromId, to, toId, spec);
        AssociationTypes.byId(from, spec.typeId())
                .flatMap(AssociationTypes::inverse)
                .ifPresent(inv -> addLink(to, toId, from, fromId, new AssociationSpec(spec.category(), inv.typeId(), spec.label())));
    }

    private void addLink(HubSpotObjectType from, String fromId, HubSpotObjectType to, String toId, AssociationSpec spec) {
        List<AssociationSpec> types = links.computeIfAbsent(new LinkKey(from, fromId, to), k -> new LinkedHashMap<>())
                .computeIfAbsent(toId, k -> new ArrayList<>());
        if (types.stream().noneMatch(t -> t.typeId() == spec.typeId() && Objects.equals(t.category(), spec.category()))) {
            types.add(spec);
        }
    }

    /** The links from one object to one type, in the order they were made. */
    public synchronized List<Link> links(HubSpotObjectType from, String fromId, HubSpotObjectType to) {
        LinkedHashMap<String, List<AssociationSpec>> m = links.get(new LinkKey(from, fromId, to));
        if (m == null) {
            return List.of();
        }
        List<Link> out = new ArrayList<>(m.size());
        m.forEach((id, types) -> out.add(new Link(id, List.copyOf(types))));
        return out;
    }

    /** Removes every type of the link between two objects, both directions. */
    public synchronized void dissociate(HubSpotObjectType from, String fromId, HubSpotObjectType to, String toId) {
        LinkedHashMap<String, List<AssociationSpec>> a = links.get(new LinkKey(from, fromId, to));
        if (a != null) {
            a.remove(toId);
        }
        LinkedHashMap<String, List<AssociationSpec>> b = links.get(new LinkKey(to, toId, from));
        if (b != null) {
            b.remove(fromId);
        }
    }

    private static CrmRecord copy(CrmRecord r) {
        CrmRecord c = new CrmRecord(r.type(), r.id(), r.createdAt());
        c.properties().putAll(r.properties());
        c.touch(r.updatedAt());
        return c;
    }
}
