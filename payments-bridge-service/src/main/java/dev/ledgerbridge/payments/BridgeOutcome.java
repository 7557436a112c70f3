package dev.ledgerbridge.payments;

import java.math.BigDecimal;

/**
 * The answer to one payment action (also what the ledger keeps of a bridged payment).
 *
 * @param outcome      {@code CREATED}, {@code REPLAYED}, {@code REFUSED} or {@code NO_OP}
 * @param documentType QBO entity written ({@code Invoice}, {@code SalesReceipt}, {@code Purchase},
 *                     {@code RefundReceipt}), null when nothing was written
 * @param documentId   QBO id of the document (of the invoice for a paid invoice)
 * @param docNumber    QBO document number, may be null
 * @param total        the document's total
 * @param paymentId    QBO id of the Payment applied to a paid invoice, else null
 * @param code         refusal or no-op code, else null
 * @param message      sentence for a finance user explaining a refusal or no-op, else null
 */
public record BridgeOutcome(String outcome, String documentType, String documentId, String docNumber,
        BigDecimal total, String paymentId, String code, String message) {

    public static final String CREATED = "CREATED";
    public static final String REPLAYED = "REPLAYED";
    public static final String REFUSED = "REFUSED";
    public static final String NO_OP = "NO_OP";

    /** A refusal: nothing was written. */
    public static BridgeOutcome refused(String code, String message) {
        return new BridgeOutcome(REFUSED, null, null, null, null, null, code, message);
    }

    /** Nothing to write, and that is not an error. */
    public static BridgeOutcome noOp(String code, String message) {
        return new BridgeOutcome(NO_OP, null, null, null, null, null, code, message);
    }

    /** The same document, answered again from the ledger. */
    public BridgeOutcome asReplayed() {
        return new BridgeOutcome(REPLAYED, documentType, documentId, docNumber, total, paymentId, code, message);
    }
}
