package dev.ledgerbridge.quickbooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.ledgerbridge.quickbooks.model.QboEntity;

import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The one Jackson configuration the client reads and writes QBO JSON with, and the exact request bodies it
 * sends; public so tests can check those bodies against Intuit's own model.
 */
public final class QboJson {

    // Nulls omitted (QBO clears fields sent as null on full updates), money written plain ("3000.00", never
    // "3E+3"), unknown response fields ignored (QBO adds fields in new minor versions), decimals kept exact
    // and with their scale when read through a tree, dates as ISO strings with QBO's own offsets kept.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private QboJson() {
    }

    /** The shared, thread-safe mapper; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The body of a create request: the entity's non-null fields. */
    public static String createBody(QboEntity entity) {
        Objects.requireNonNull(entity, "entity");
        return write(MAPPER.valueToTree(entity));
    }

    /**
     * The body of a sparse update: {@code "sparse": true}, {@code Id}, {@code SyncToken} and the non-null fields,
     * so QBO changes only those and leaves every omitted field as it is.
     */
    public static String sparseUpdateBody(QboEntity entity) {
        Objects.requireNonNull(entity, "entity");
        if (entity.id() == null || entity.syncToken() == null) {
            throw new IllegalArgumentException("a sparse update needs the entity's Id and current SyncToken");
        }
        ObjectNode body = MAPPER.createObjectNode();
        body.put("sparse", true);
        body.setAll((ObjectNode) MAPPER.valueToTree(entity));
        return write(body);
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialise a QBO request body", e);
        }
    }
}
