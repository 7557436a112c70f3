package dev.ledgerbridge.gateway.mapping;

import dev.ledgerbridge.gateway.DocumentType;
import dev.ledgerbridge.gateway.client.CreatedDocument;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** The output fields the create-document actions answer HubSpot with (domain brief 2.3, the action definitions). */
public final class OutputFields {

    public static final String EXECUTION_STATE = "hs_execution_state";
    public static final String DOCUMENT_ID = "qbo_document_id";
    public static final String DOC_NUMBER = "qbo_doc_number";
    public static final String TOTAL = "qbo_total";
    public static final String LINK = "qbo_link";
    public static final String ERROR_CODE = "error_code";
    public static final String ERROR_MESSAGE = "error_message";

    private OutputFields() {
    }

    /** SUCCESS with the document's QBO id, number, total (plain decimal, e.g. {@code 15000.00}) and QBO web link. */
    public static Map<String, String> success(CreatedDocument document, String link) {
        BigDecimal total = document.totalAmount();
        return fields("SUCCESS", document.documentId(), document.docNumber(), total == null ? "" : total.toPlainString(),
                link, "", "");
    }

    /** FAIL_CONTINUE: the workflow goes on, HubSpot shows the code and message. */
    public static Map<String, String> failContinue(String errorCode, String errorMessage) {
        return fields("FAIL_CONTINUE", "", "", "", "", errorCode, errorMessage);
    }

    /**
     * The document's page in the QBO web UI, e.g. {@code https://app.qbo.intuit.com/app/salesreceipt?txnId=130}.
     *
     * @param baseUrl the UI's base, with or without a trailing slash
     */
    public static String link(String baseUrl, DocumentType type, String documentId) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + "/app/" + type.qboAppPath() + "?txnId=" + documentId;
    }

    private static Map<String, String> fields(String state, String documentId, String docNumber, String total,
            String link, String code, String message) {
        // Every field is always present (empty when not applicable): HubSpot's output fields are strings.
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(EXECUTION_STATE, state);
        fields.put(DOCUMENT_ID, nullToEmpty(documentId));
        fields.put(DOC_NUMBER, nullToEmpty(docNumber));
        fields.put(TOTAL, nullToEmpty(total));
        fields.put(LINK, nullToEmpty(link));
        fields.put(ERROR_CODE, nullToEmpty(code));
        fields.put(ERROR_MESSAGE, nullToEmpty(message));
        return fields;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
