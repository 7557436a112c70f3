package dev.ledgerbridge.quickbooks;

import java.util.List;

/**
 * One page of a query result.
 *
 * @param items         the entities on this page, empty when nothing matched
 * @param startPosition 1-based position of the first item, as QBO reported it (or as requested)
 * @param maxResults    number of items QBO returned on this page
 */
public record QboPage<T>(List<T> items, int startPosition, int maxResults) {

    /** Copies the list so the page is immutable. */
    public QboPage {
        items = List.copyOf(items);
    }
}
