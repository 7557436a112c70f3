package dev.ledgerbridge.gateway;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One row of the action journal: a HubSpot execution identified by its {@code callbackId} (invariant 1).
 *
 * @param outputFields the fields answered to HubSpot once finished, empty while running
 * @param deliveries   how many times HubSpot delivered this execution (1 for the first)
 * @param completionState for an execution answered BLOCK: PENDING until HubSpot accepted the completion callback,
 *                        then SENT (or REJECTED when HubSpot refused it for good); null for one answered directly
 * @param completionError HubSpot's or the transport's reason for the last failed completion attempt, or null
 */
public record ActionExecution(String callbackId, long portalId, String actionType, String objectType,
        String objectId, ExecutionState state, Map<String, String> outputFields, String errorCode, int deliveries,
        OffsetDateTime receivedAt, OffsetDateTime claimedAt, OffsetDateTime finishedAt, String completionState,
        OffsetDateTime completedAt, String completionError) {

    public ActionExecution {
        outputFields = outputFields == null ? Map.of() : outputFields;
    }
}
