package dev.ledgerbridge.hubspot;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Type of one v4 association ({@code AssociationSpecWithLabel}); {@code label} is null for unlabelled types. */
@RegisterForReflection // Jackson (de)serialises it inside this library, outside Quarkus REST.
public record AssociationType(String category, Integer typeId, String label) {
}
