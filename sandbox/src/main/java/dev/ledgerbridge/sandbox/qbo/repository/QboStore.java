package dev.ledgerbridge.sandbox.qbo.repository;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ledgerbridge.sandbox.Reseedable;
import dev.ledgerbridge.sandbox.qbo.QboClock;
import dev.ledgerbridge.sandbox.qbo.QboEntityType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * All QBO companies of the sandbox, in memory. Besides serving the QBO resources it offers the admin layer
 * read-only audits: documents per realm and documents whose PrivateNote carries a marker.
 */
@ApplicationScoped
public class QboStore implements Reseedable {

    /**
     * A stored QBO document as the audits return it.
     *
     * @param type its entity type
     * @param entity a copy of the stored JSON
     */
    public record StoredDocument(QboEntityType type, ObjectNode entity) {
    }

    private final ObjectMapper mapper;
    private final QboClock clock;
    private final Map<String, QboCompany> companies = new ConcurrentHashMap<>();

    public QboStore(ObjectMapper mapper, QboClock clock) {
        this.mapper = mapper;
        this.clock = clock;
        reset();
    }

    @Override
    public void reset() {
        List<QboCompany> seeded = QboSeed.companies(mapper, clock.now());
        companies.clear();
        seeded.forEach(c -> companies.put(c.realmId(), c));
    }

    /** The company with this realm id, if the sandbox has it. */
    public Optional<QboCompany> company(String realmId) {
        return Optional.ofNullable(companies.get(realmId));
    }

    /** Realm ids of all companies. */
    public Collection<String> realmIds() {
        return List.copyOf(companies.keySet());
    }

    /** Number of live (not deleted) transactions per transaction type in a realm; empty map for unknown realms. */
    public Map<QboEntityType, Integer> countDocuments(String realmId) {
        Map<QboEntityType, Integer> counts = new EnumMap<>(QboEntityType.class);
        company(realmId).ifPresent(company -> {
            synchronized (company) {
                for (QboEntityType type : QboEntityType.values()) {
                    if (type.isTransaction()) {
                        counts.put(type, company.all(type).size());
                    }
                }
            }
        });
        return counts;
    }

    /** Copies of the live transactions in a realm whose PrivateNote contains {@code marker}, any type. */
    public List<StoredDocument> documentsWithPrivateNoteContaining(String realmId, String marker) {
        List<StoredDocument> found = new ArrayList<>();
        company(realmId).ifPresent(company -> {
            synchronized (company) {
                for (QboEntityType type : QboEntityType.values()) {
                    if (!type.isTransaction()) {
                        continue;
                    }
                    for (ObjectNode document : company.all(type)) {
                        if (document.path("PrivateNote").asText("").contains(marker)) {
                            found.add(new StoredDocument(type, document.deepCopy()));
                        }
                    }
                }
            }
        });
        return found;
    }
}
