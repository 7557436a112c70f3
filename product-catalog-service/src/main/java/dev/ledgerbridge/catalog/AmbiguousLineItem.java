package dev.ledgerbridge.catalog;

import java.util.List;

/**
 * A line item that matched several active QBO items under one rule; refused rather than guessed (R10).
 *
 * @param lineItem   the line item
 * @param matchedBy  the rule under which it matched more than one item
 * @param candidates the matching items, by ascending id
 */
public record AmbiguousLineItem(LineItem lineItem, MatchedBy matchedBy, List<CatalogItem> candidates) {

    /** Copies the candidate list. */
    public AmbiguousLineItem {
        candidates = List.copyOf(candidates);
    }
}
