package dev.ledgerbridge.catalog.client;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Fetches QBO access tokens from the gateway; an unconnected company is a null item, not a failure. */
@ApplicationScoped
public class GatewayTokenClient {

    private final GatewayTokenApi api;

    /** CDI constructor. */
    public GatewayTokenClient(@RestClient GatewayTokenApi api) {
        this.api = api;
    }

    /**
     * The current token of the realm, or null when the gateway answers 404 (company not connected). Any other
     * failure arrives as {@link AccessTokenUnavailableException} after two quick retries (the call only reads).
     */
    // The 404 is recovered inside the retry and the breaker, so an unconnected company neither retries nor trips it.
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = AccessTokenUnavailableException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000,
            failOn = AccessTokenUnavailableException.class)
    public Uni<GatewayAccessToken> fetch(String realmId) {
        return api.accessToken(realmId)
                .onFailure(WebApplicationException.class)
                .recoverWithUni(failure -> {
                    int status = ((WebApplicationException) failure).getResponse().getStatus();
                    if (status == 404) {
                        Log.infof("gateway: QBO company %s is not connected", realmId);
                        return Uni.createFrom().nullItem();
                    }
                    return Uni.createFrom().failure(failure);
                })
                .onFailure(failure -> !(failure instanceof AccessTokenUnavailableException))
                .transform(failure -> {
                    Log.warnf("gateway: no QBO token for realm %s: %s", realmId, failure.toString());
                    return new AccessTokenUnavailableException(realmId, failure);
                });
    }
}
