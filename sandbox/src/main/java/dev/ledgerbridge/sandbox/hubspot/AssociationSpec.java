package dev.ledgerbridge.sandbox.hubspot;

/** One association type carried by a stored link (v4's {@code category, typeId, label}). */
public record AssociationSpec(String category, int typeId, String label) {
}
