package dev.ledgerbridge.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fault run's verdict: for every execution the harness enrolled, what HubSpot's engine saw and which QBO
 * documents carry its callbackId in their PrivateNote; exactly one document where one was due, none where the
 * execution was refused, and every execution finished with every delivery answered.
 */
public final class ExactlyOnceAudit {

    private static final Pattern CALLBACK_MARKER = Pattern.compile("callback=(\\S+)");

    /** One execution as the harness enrolled it: whether a document is due, and how it was delivered. */
    public record Planned(String callbackId, String objectId, String realm, boolean documentDue, int deliveries,
                          boolean concurrent) {
    }

    /** One execution as the workflow engine ended it. */
    public record EngineView(String callbackId, String state, int deliveries, int answeredDeliveries, String errorCode,
                             String documentId) {
    }

    /** One QBO document. */
    public record Document(String id, String privateNote) {
    }

    /** One execution that broke the rule, and how. */
    public record Finding(String callbackId, String objectId, String realm, String problem) {
    }

    /**
     * The counts; {@code duplicates} is the number of documents beyond the first for any execution, {@code lost} the
     * number of executions that are due a document and have none, or that did not finish.
     */
    public record Result(int executed, int succeeded, Map<String, Integer> refusedByCode, int duplicates, int lost,
                         int unfinished, int documentsWhereRefused, int wrongDocumentId, int orphanDocuments,
                         int duplicatedDeliveries, int concurrentDeliveries, List<Finding> findings) {

        /** True when the run proves exactly-once: no duplicate, nothing lost, no document for a refusal. */
        public boolean passed() {
            return duplicates == 0 && lost == 0 && documentsWhereRefused == 0 && wrongDocumentId == 0;
        }
    }

    private ExactlyOnceAudit() {
    }

    /** The callbackId in a document's PrivateNote marker, or null. */
    static String callbackOf(String privateNote) {
        if (privateNote == null) {
            return null;
        }
        Matcher m = CALLBACK_MARKER.matcher(privateNote);
        return m.find() ? m.group(1) : null;
    }

    /** Audits the planned executions against the engine's views and every document of the company. */
    public static Result audit(List<Planned> planned, Map<String, EngineView> engine, List<Document> documents) {
        Map<String, List<String>> documentsByCallback = new HashMap<>();
        for (Document d : documents) {
            String callback = callbackOf(d.privateNote());
            if (callback != null) {
                documentsByCallback.computeIfAbsent(callback, k -> new ArrayList<>()).add(d.id());
            }
        }
        int succeeded = 0;
        int duplicates = 0;
        int lost = 0;
        int unfinished = 0;
        int documentsWhereRefused = 0;
        int wrongDocumentId = 0;
        int duplicated = 0;
        int concurrent = 0;
        Map<String, Integer> refused = new TreeMap<>();
        List<Finding> findings = new ArrayList<>();
        Set<String> known = new HashSet<>();
        for (Planned p : planned) {
            known.add(p.callbackId());
            if (p.deliveries() > 1) {
                duplicated++;
                if (p.concurrent()) {
                    concurrent++;
                }
            }
            EngineView view = engine.get(p.callbackId());
            List<String> docs = documentsByCallback.getOrDefault(p.callbackId(), List.of());
            String state = view == null ? "UNKNOWN" : view.state();
            boolean finished = view != null && (state.equals("SUCCESS") || state.equals("FAIL_CONTINUE"))
                    && view.answeredDeliveries() >= view.deliveries();
            if (!finished) {
                unfinished++;
                lost++;
                findings.add(new Finding(p.callbackId(), p.objectId(), p.realm(), "unfinished in the engine: state " + state
                        + (view == null ? "" : ", " + view.answeredDeliveries() + " of " + view.deliveries() + " deliveries answered")
                        + ", " + docs.size() + " document(s)"));
                if (docs.size() > 1) {
                    duplicates += docs.size() - 1;
                }
                continue;
            }
            if (docs.size() > 1) {
                duplicates += docs.size() - 1;
                findings.add(new Finding(p.callbackId(), p.objectId(), p.realm(), docs.size() + " documents " + docs
                        + " (deliveries " + p.deliveries() + (p.concurrent() ? ", concurrent" : "") + ")"));
            }
            if (state.equals("SUCCESS")) {
                if (docs.isEmpty()) {
                    lost++;
                    findings.add(new Finding(p.callbackId(), p.objectId(), p.realm(),
                            "SUCCESS with document " + view.documentId() + " but no document carries its marker"));
                } else {
                    succeeded++;
                    if (!docs.contains(view.documentId())) {
                        wrongDocumentId++;
                        findings.add(new Finding(p.callbackId(), p.objectId(), p.realm(),
                                "HubSpot got document " + view.documentId() + " but QBO holds " + docs));
                    }
                }
                if (!p.documentDue()) {
                    findings.add(new Finding(p.callbackId(), p.objectId(), p.realm(), "succeeded where a refusal was expected"));
                }
            } else {
                refused.merge(view.errorCode() == null || view.errorCode().isBlank() ? "(none)" : view.errorCode(), 1, Integer::sum);
                if (!docs.isEmpty()) {
                    documentsWhereRefused += docs.size();
                    findings.add(new Finding(p.callbackId(), p.objectId(), p.realm(),
                            "refused " + view.errorCode() + " but documents " + docs + " exist"));
                }
                if (p.documentDue()) {
                    // A transient fault must be retried, never turned into a refusal: the document due was lost.
                    lost++;
                    findings.add(new Finding(p.callbackId(), p.objectId(), p.realm(),
                            "refused " + view.errorCode() + " where a document was due"));
                }
            }
        }
        int orphans = 0;
        for (Map.Entry<String, List<String>> e : documentsByCallback.entrySet()) {
            if (!known.contains(e.getKey())) {
                orphans += e.getValue().size();
            }
        }
        return new Result(planned.size(), succeeded, refused, duplicates, lost, unfinished, documentsWhereRefused,
                wrongDocumentId, orphans, duplicated, concurrent, findings);
    }
}
