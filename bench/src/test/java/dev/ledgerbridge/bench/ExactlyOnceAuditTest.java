package dev.ledgerbridge.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExactlyOnceAuditTest {

    private static final String US = "9130350000000001";

    private static ExactlyOnceAudit.Planned due(String callbackId) {
        return new ExactlyOnceAudit.Planned(callbackId, "301", US, true, 1, false);
    }

    private static ExactlyOnceAudit.EngineView done(String callbackId, String state, String code, String documentId) {
        return new ExactlyOnceAudit.EngineView(callbackId, state, 1, 1, code, documentId);
    }

    private static ExactlyOnceAudit.Document invoice(String id, String callbackId) {
        return new ExactlyOnceAudit.Document(id, "LedgerBridge portal=40213377 object=DEAL/301 callback=" + callbackId);
    }

    @Test
    void shouldPassWhenEveryDueExecutionHasExactlyOneDocumentAndRefusalsNone() {
        var planned = List.of(due("a"), new ExactlyOnceAudit.Planned("b", "304", US, false, 2, true));
        var engine = Map.of("a", done("a", "SUCCESS", "", "10"),
                "b", new ExactlyOnceAudit.EngineView("b", "FAIL_CONTINUE", 2, 2, "UNMATCHED_LINE_ITEMS", ""));

        var result = ExactlyOnceAudit.audit(planned, engine, List.of(invoice("10", "a"), new ExactlyOnceAudit.Document("1", null)));

        assertTrue(result.passed(), result.findings().toString());
        assertEquals(1, result.succeeded());
        assertEquals(Map.of("UNMATCHED_LINE_ITEMS", 1), result.refusedByCode());
        assertEquals(1, result.duplicatedDeliveries());
        assertEquals(1, result.concurrentDeliveries());
    }

    @Test
    void shouldCountEveryDocumentBeyondTheFirstAsADuplicate() {
        var result = ExactlyOnceAudit.audit(List.of(due("a")), Map.of("a", done("a", "SUCCESS", "", "10")),
                List.of(invoice("10", "a"), invoice("11", "a"), invoice("12", "a")));

        assertFalse(result.passed());
        assertEquals(2, result.duplicates());
        assertTrue(result.findings().get(0).problem().contains("3 documents"), result.findings().toString());
    }

    @Test
    void shouldCountAnUnfinishedExecutionAndAnUnansweredDuplicateDeliveryAsLost() {
        var planned = List.of(due("a"), new ExactlyOnceAudit.Planned("b", "301", US, true, 2, false), due("c"));
        var engine = Map.of("a", done("a", "RUNNING", "", ""),
                "b", new ExactlyOnceAudit.EngineView("b", "SUCCESS", 2, 1, "", "20"));

        var result = ExactlyOnceAudit.audit(planned, engine, List.of(invoice("20", "b")));

        assertEquals(3, result.lost());
        assertEquals(3, result.unfinished());
        assertFalse(result.passed());
    }

    @Test
    void shouldCountARefusalOfADueDocumentAsLostAndADocumentOfARefusalAsAViolation() {
        var planned = List.of(due("a"), new ExactlyOnceAudit.Planned("b", "301", "9130350000000002", false, 1, false));
        var engine = Map.of("a", done("a", "FAIL_CONTINUE", "QBO_REJECTED", ""),
                "b", done("b", "FAIL_CONTINUE", "COMPANY_NOT_US", ""));

        var result = ExactlyOnceAudit.audit(planned, engine, List.of(invoice("30", "b")));

        assertEquals(1, result.lost());
        assertEquals(1, result.documentsWhereRefused());
        assertEquals(Map.of("COMPANY_NOT_US", 1, "QBO_REJECTED", 1), result.refusedByCode());
        assertFalse(result.passed());
    }

    @Test
    void shouldFlagASuccessWhoseDocumentIdIsNotTheOneQboHolds() {
        var result = ExactlyOnceAudit.audit(List.of(due("a")), Map.of("a", done("a", "SUCCESS", "", "99")),
                List.of(invoice("10", "a")));

        assertEquals(1, result.wrongDocumentId());
        assertFalse(result.passed());
    }

    @Test
    void shouldFindTheCallbackIdInThePrivateNoteMarker() {
        assertEquals("ap-40213377-88000000001-1-0",
                ExactlyOnceAudit.callbackOf("LedgerBridge portal=40213377 object=DEAL/301 callback=ap-40213377-88000000001-1-0"));
        assertEquals(null, ExactlyOnceAudit.callbackOf("typed by a bookkeeper"));
    }
}
