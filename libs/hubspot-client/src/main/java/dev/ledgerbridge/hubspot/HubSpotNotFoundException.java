package dev.ledgerbridge.hubspot;

/**
 * HubSpot answered 404. Single reads by id ({@code get}, {@code getActionDefinition}) never throw it: they emit a
 * null item instead; every other operation fails with it.
 */
public class HubSpotNotFoundException extends HubSpotApiException {

    public HubSpotNotFoundException(HubSpotError error, String method, String path) {
        super(404, error, method, path);
    }
}
