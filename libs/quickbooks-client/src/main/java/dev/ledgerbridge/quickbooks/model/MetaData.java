package dev.ledgerbridge.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.OffsetDateTime;

/**
 * Read-only creation and last-update timestamps QBO keeps on every entity.
 */
// Reflection: serialised by the client's own ObjectMapper, outside Quarkus REST.
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MetaData(
        @JsonProperty("CreateTime") OffsetDateTime createTime,
        @JsonProperty("LastUpdatedTime") OffsetDateTime lastUpdatedTime) {
}
