package dev.ledgerbridge.quickbooks;

import java.time.OffsetDateTime;

/**
 * An entity CDC reported as deleted ({@code "status": "Deleted"}); QBO sends only its id and timestamp.
 *
 * @param entity          QBO entity name, e.g. {@code Item}
 * @param id              the deleted entity's id
 * @param lastUpdatedTime when it was deleted, null if QBO omitted it
 */
public record DeletedEntity(String entity, String id, OffsetDateTime lastUpdatedTime) {
}
