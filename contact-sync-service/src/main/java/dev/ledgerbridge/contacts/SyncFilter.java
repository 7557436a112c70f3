package dev.ledgerbridge.contacts;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * One condition on a HubSpot contact property, as the settings API receives and stores it; the operator stays a
 * string so that an unknown one can be refused with a message (see {@code SyncFilterValidation}).
 *
 * @param property HubSpot internal property name, e.g. {@code lifecyclestage}
 * @param operator one of {@link FilterOperator}
 * @param values   the operand(s); none for IS_KNOWN / IS_UNKNOWN
 */
// Serialised to the JSONB column with Jackson outside Quarkus REST.
@RegisterForReflection
public record SyncFilter(String property, String operator, List<String> values) {

    /** A null value list is an empty one. */
    public SyncFilter {
        values = values == null ? List.of() : values.stream().toList();
    }

    /** The operator as an enum; call only on validated filters. */
    public FilterOperator operatorValue() {
        return FilterOperator.valueOf(operator);
    }
}
