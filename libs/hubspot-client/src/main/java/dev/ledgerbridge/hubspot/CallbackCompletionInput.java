package dev.ledgerbridge.hubspot;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One entry of a batch callback completion ({@code CallbackCompletionBatchRequest}). */
@RegisterForReflection // Jackson (de)serialises it inside this library, outside Quarkus REST.
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallbackCompletionInput(String callbackId, Map<String, String> outputFields,
        Map<String, Object> typedOutputs, String failureReasonType) {

    public CallbackCompletionInput {
        outputFields = outputFields == null ? Map.of() : Map.copyOf(outputFields);
        typedOutputs = typedOutputs == null ? Map.of() : Map.copyOf(typedOutputs);
    }

    /** Pairs a callback id with a single-callback completion body. */
    public static CallbackCompletionInput of(String callbackId, CallbackCompletion completion) {
        return new CallbackCompletionInput(callbackId, completion.outputFields(), completion.typedOutputs(),
                completion.failureReasonType());
    }
}
