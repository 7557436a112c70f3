package dev.ledgerbridge.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;


/**
 * A QBO reference to another entity: {@code {"value": "<Id>", "name": "<display>", "type": "<entity>"}}.
 * <p>Only {@code value} is required on input; {@code name} and {@code type} are informational.
 */
// Reflection: serialised by the client's own ObjectMapper, outside Quarkus REST.
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Ref(
        @JsonProperty("value") String value,
        @JsonProperty("name") String name,
        @JsonProperty("type") String type) {

    /** A reference by id only, the form QBO needs on input. */
    public static Ref of(String value) {
        return new Ref(value, null, null);
    }

    /** A reference by id with a display name. */
    public static Ref of(String value, String name) {
        return new Ref(value, name, null);
    }

    /** A reference that names the referenced entity type, as {@code Purchase.EntityRef} accepts ({@code Vendor}, {@code Customer}, {@code Employee}). */
    public static Ref typed(String value, String type) {
        return new Ref(value, null, type);
    }
}
