package dev.ledgerbridge.quickbooks;

import dev.ledgerbridge.quickbooks.model.QboEntity;

import java.util.List;
import java.util.Map;

/**
 * The answer of a CDC call: per requested entity type, the entities changed since the given time and the ids
 * of those deleted since then.
 */
public final class QboChanges {

    private final Map<Class<? extends QboEntity>, List<? extends QboEntity>> changed;
    private final Map<Class<? extends QboEntity>, List<DeletedEntity>> deleted;

    QboChanges(Map<Class<? extends QboEntity>, List<? extends QboEntity>> changed,
            Map<Class<? extends QboEntity>, List<DeletedEntity>> deleted) {
        this.changed = Map.copyOf(changed);
        this.deleted = Map.copyOf(deleted);
    }

    /** Created or updated entities of the type (empty if none, or if the type was not requested). */
    @SuppressWarnings("unchecked") // the map is filled per type by the client, so the cast holds
    public <T extends QboEntity> List<T> changed(Class<T> type) {
        return (List<T>) changed.getOrDefault(type, List.of());
    }

    /** Deleted entities of the type. */
    public List<DeletedEntity> deleted(Class<? extends QboEntity> type) {
        return deleted.getOrDefault(type, List.of());
    }
}
