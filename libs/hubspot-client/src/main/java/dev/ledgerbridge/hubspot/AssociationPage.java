package dev.ledgerbridge.hubspot;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One page of a v4 association list ({@code CollectionResponseMultiAssociatedObjectWithLabelForwardPaging}). */
@RegisterForReflection // Jackson (de)serialises it inside this library, outside Quarkus REST.
public record AssociationPage(List<AssociatedObject> results, Paging paging) {

    public AssociationPage {
        results = results == null ? List.of() : List.copyOf(results);
    }
}
