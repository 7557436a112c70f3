package dev.ledgerbridge.catalog.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Fetches HubSpot access tokens from the gateway, which holds the HubSpot connections. */
@ApplicationScoped
public class GatewayHubSpotTokenClient {

    private final GatewayHubSpotTokenApi api;

    /** CDI constructor. */
    public GatewayHubSpotTokenClient(@RestClient GatewayHubSpotTokenApi api) {
        this.api = api;
    }

    /**
     * The portal's current access token. Fails with {@link HubSpotTokenUnavailableException}: at once when the
     * portal is not connected (404), after two quick retries for anything else (the call only reads).
     */
    // Only called by the product sync, a background job: no circuit breaker, a failed run is retried next round.
    @Retry(maxRetries = 2, delay = 100, jitter = 50, abortOn = NotConnected.class)
    public Uni<String> accessToken(long portalId) {
        return api.accessToken(portalId)
                .map(GatewayAccessToken::accessToken)
                .onFailure(WebApplicationException.class).transform(failure -> {
                    int status = ((WebApplicationException) failure).getResponse().getStatus();
                    return status == 404 ? new NotConnected(portalId, failure)
                            : new HubSpotTokenUnavailableException(portalId, "gateway answered " + status, failure);
                })
                .onFailure(failure -> !(failure instanceof HubSpotTokenUnavailableException))
                .transform(failure -> new HubSpotTokenUnavailableException(portalId, failure.toString(), failure));
    }

    /** The gateway holds no connection of the portal: retrying will not help. */
    public static final class NotConnected extends HubSpotTokenUnavailableException {

        NotConnected(long portalId, Throwable cause) {
            super(portalId, "the gateway holds no connection of this portal", cause);
        }
    }
}
