package dev.ledgerbridge.hubspot;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Body that completes one blocked workflow action ({@code CallbackCompletionRequest}).
 *
 * @param outputFields      string outputs, including {@code hs_execution_state} ({@code SUCCESS} or {@code FAIL_CONTINUE})
 * @param typedOutputs      typed outputs; the spec marks it required, so it is sent as {@code {}} when empty
 * @param failureReasonType optional failure reason, omitted when null
 */
@RegisterForReflection // Jackson (de)serialises it inside this library, outside Quarkus REST.
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallbackCompletion(Map<String, String> outputFields, Map<String, Object> typedOutputs,
        String failureReasonType) {

    public static final String EXECUTION_STATE = "hs_execution_state";

    public CallbackCompletion {
        outputFields = outputFields == null ? Map.of() : Map.copyOf(outputFields);
        typedOutputs = typedOutputs == null ? Map.of() : Map.copyOf(typedOutputs);
    }

    /** Completion with {@code hs_execution_state=SUCCESS} plus {@code outputs}. */
    public static CallbackCompletion success(Map<String, String> outputs) {
        return withState("SUCCESS", outputs);
    }

    /** Completion with {@code hs_execution_state=FAIL_CONTINUE} plus {@code outputs} (e.g. an {@code errorCode}). */
    public static CallbackCompletion failContinue(Map<String, String> outputs) {
        return withState("FAIL_CONTINUE", outputs);
    }

    private static CallbackCompletion withState(String state, Map<String, String> outputs) {
        Map<String, String> fields = new LinkedHashMap<>(outputs);
        fields.put(EXECUTION_STATE, state);
        return new CallbackCompletion(fields, Map.of(), null);
    }
}
