package dev.ledgerbridge.gateway;

import java.util.Optional;

/** The QuickBooks sales forms the create-document actions (A1-A3) write, with what differs between them. */
public enum DocumentType {

    INVOICE("CREATE_INVOICE", "invoice", "invoice", "invoice"),
    ESTIMATE("CREATE_ESTIMATE", "estimate", "estimate", "estimate"),
    SALES_RECEIPT("CREATE_SALES_RECEIPT", "sales-receipt", "salesreceipt", "sales receipt");

    private final String actionType;
    private final String keySuffix;
    private final String qboAppPath;
    private final String label;

    DocumentType(String actionType, String keySuffix, String qboAppPath, String label) {
        this.actionType = actionType;
        this.keySuffix = keySuffix;
        this.qboAppPath = qboAppPath;
        this.label = label;
    }

    /** {@code action_type} of the action in the journal, e.g. {@code CREATE_ESTIMATE}. */
    public String actionType() {
        return actionType;
    }

    /** Last part of the document-service idempotency key, e.g. {@code sales-receipt}. */
    public String keySuffix() {
        return keySuffix;
    }

    /** The QBO web UI page of this form, e.g. {@code salesreceipt} in {@code /app/salesreceipt?txnId=130}. */
    public String qboAppPath() {
        return qboAppPath;
    }

    /** What a finance user calls it, e.g. "sales receipt". */
    public String label() {
        return label;
    }

    /** The type whose journal {@code action_type} this is, if any. */
    public static Optional<DocumentType> fromActionType(String actionType) {
        for (DocumentType type : values()) {
            if (type.actionType.equals(actionType)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The {@code type} document-service takes. */
    public String wireName() {
        return name();
    }
}
