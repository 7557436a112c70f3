package dev.ledgerbridge.sandbox.hubspot;

import java.util.Map;

/**
 * Completes a blocked workflow action execution (implemented by the workflow engine). Throws
 * {@link HubSpotApiException} 404 for an unknown callback id and 400 for one already finished.
 */
public interface CallbackCompleter {

    /** Checks that the callback can be completed with these outputs, without changing anything. */
    void check(String callbackId, Map<String, String> outputFields);

    /** Completes the callback. */
    void complete(String callbackId, Map<String, String> outputFields);
}
