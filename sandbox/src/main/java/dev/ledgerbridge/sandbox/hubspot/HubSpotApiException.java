package dev.ledgerbridge.sandbox.hubspot;

/** A failure the sandbox answers in HubSpot's error format with the given status and category. */
public class HubSpotApiException extends RuntimeException {

    private final int status;
    private final String category;

    public HubSpotApiException(int status, String category, String message) {
        super(message);
        this.status = status;
        this.category = category;
    }

    public int status() {
        return status;
    }

    public String category() {
        return category;
    }

    public static HubSpotApiException notFound(String message) {
        return new HubSpotApiException(404, "OBJECT_NOT_FOUND", message);
    }

    public static HubSpotApiException validation(String message) {
        return new HubSpotApiException(400, "VALIDATION_ERROR", message);
    }
}
