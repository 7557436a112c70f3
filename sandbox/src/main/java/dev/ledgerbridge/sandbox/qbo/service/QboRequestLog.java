package dev.ledgerbridge.sandbox.qbo.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ledgerbridge.sandbox.Reseedable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * QBO's {@code requestid} memory: per realm, the first answer (status and body) given to each request id, so a
 * repeated write is answered the same and writes nothing. Kept until reset (QBO's retention is unknown).
 */
@ApplicationScoped
public class QboRequestLog implements Reseedable {

    /**
     * The answer replayed for a request id.
     *
     * @param status HTTP status
     * @param body JSON body without the {@code time} member
     */
    public record StoredAnswer(int status, JsonNode body) {
    }

    private final Map<String, Map<String, StoredAnswer>> answers = new ConcurrentHashMap<>();

    /** The stored answer for this realm and request id, if any. */
    public Optional<StoredAnswer> find(String realmId, String requestId) {
        return Optional.ofNullable(answers.getOrDefault(realmId, Map.of()).get(requestId));
    }

    /** Remembers the first answer; later ones for the same id are ignored. */
    public void remember(String realmId, String requestId, StoredAnswer answer) {
        answers.computeIfAbsent(realmId, r -> new ConcurrentHashMap<>()).putIfAbsent(requestId, answer);
    }

    /** How many request ids a realm has answered (for admin counters and tests). */
    public int size(String realmId) {
        return answers.getOrDefault(realmId, Map.of()).size();
    }

    @Override
    public void reset() {
        answers.clear();
    }
}
