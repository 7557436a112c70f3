package dev.ledgerbridge.gateway.mapping;

import java.util.LinkedHashMap;
import java.util.Map;

/** The output fields the create-document actions answer HubSpot with (domain brief 2.3). */
public final class OutputFields {

    public static final String EXECUTION_STATE = "hs_execution_state";
    public static final String DOCUMENT_ID = "qbo_document_id";
    public static final String DOC_NUMBER = "qbo_doc_number";
    public static final String ERROR_CODE = "error_code";
    public static final String ERROR_MESSAGE = "error_message";

    private OutputFields() {
    }

    /** SUCCESS with the document's QBO id and number. */
    public static Map<String, String> success(String documentId, String docNumber) {
        return fields("SUCCESS", documentId, docNumber, "", "");
    }

    /** FAIL_CONTINUE: the workflow goes on, HubSpot shows the code and message. */
    public static Map<String, String> failContinue(String errorCode, String errorMessage) {
        return fields("FAIL_CONTINUE", "", "", errorCode, errorMessage);
    }

    private static Map<String, String> fields(String state, String documentId, String docNumber, String code,
            String message) {
        // Every field is always present (empty when not applicable): HubSpot's output fields are strings.
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(EXECUTION_STATE, state);
        fields.put(DOCUMENT_ID, nullToEmpty(documentId));
        fields.put(DOC_NUMBER, nullToEmpty(docNumber));
        fields.put(ERROR_CODE, nullToEmpty(code));
        fields.put(ERROR_MESSAGE, nullToEmpty(message));
        return fields;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
