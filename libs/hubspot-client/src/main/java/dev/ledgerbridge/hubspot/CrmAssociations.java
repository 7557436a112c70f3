package dev.ledgerbridge.hubspot;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Associations of one target type embedded in a v3 object read ({@code CollectionResponseAssociatedId}). */
@RegisterForReflection // Jackson (de)serialises it inside this library, outside Quarkus REST.
public record CrmAssociations(List<CrmAssociationRef> results, Paging paging) {

    public CrmAssociations {
        results = results == null ? List.of() : List.copyOf(results);
    }
}
