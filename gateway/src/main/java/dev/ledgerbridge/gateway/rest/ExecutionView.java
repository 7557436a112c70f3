package dev.ledgerbridge.gateway.rest;

import dev.ledgerbridge.gateway.ActionExecution;
import java.time.OffsetDateTime;
import java.util.Map;

/** A journal row as the admin API shows it; the completion fields tell whether a BLOCKed result reached HubSpot. */
public record ExecutionView(String callbackId, long portalId, String actionType, String objectType, String objectId,
        String state, Map<String, String> outputFields, String errorCode, int deliveries, OffsetDateTime receivedAt,
        OffsetDateTime finishedAt, String completionState, OffsetDateTime completedAt, String completionError) {

    static ExecutionView of(ActionExecution e) {
        return new ExecutionView(e.callbackId(), e.portalId(), e.actionType(), e.objectType(), e.objectId(),
                e.state().name(), e.outputFields(), e.errorCode(), e.deliveries(), e.receivedAt(), e.finishedAt(),
                e.completionState(), e.completedAt(), e.completionError());
    }
}
