package dev.ledgerbridge.catalog.client;

/** The gateway gave no HubSpot token for a portal: not connected (404) or the call failed. */
public class HubSpotTokenUnavailableException extends RuntimeException {

    /** A failure naming the portal and why. */
    public HubSpotTokenUnavailableException(long portalId, String reason, Throwable cause) {
        super("no HubSpot access token for portal " + portalId + ": " + reason, cause);
    }
}
