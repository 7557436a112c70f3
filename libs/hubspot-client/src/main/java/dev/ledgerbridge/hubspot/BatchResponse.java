package dev.ledgerbridge.hubspot;

import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Batch response ({@code BatchResponse*} in the specs): status, results and, for an HTTP 207, per-input errors.
 *
 * @param <T> result type
 */
@RegisterForReflection // Jackson (de)serialises it inside this library, outside Quarkus REST.
public record BatchResponse<T>(String status, List<T> results, List<BatchError> errors, Integer numErrors,
        Instant requestedAt, Instant startedAt, Instant completedAt) {

    public BatchResponse {
        results = results == null ? List.of() : List.copyOf(results);
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** True when HubSpot reported at least one failed input (HTTP 207). */
    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
