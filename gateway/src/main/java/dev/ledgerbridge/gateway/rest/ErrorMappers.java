package dev.ledgerbridge.gateway.rest;

import dev.ledgerbridge.gateway.ConnectionState;
import dev.ledgerbridge.gateway.ConnectionVendor;
import dev.ledgerbridge.gateway.client.DownstreamUnavailableException;
import dev.ledgerbridge.gateway.client.TokenEndpointUnavailableException;
import dev.ledgerbridge.gateway.security.TokenDecryptionException;
import dev.ledgerbridge.gateway.service.ConnectionUnusableException;
import dev.ledgerbridge.gateway.service.OAuthCallbackException;
import dev.ledgerbridge.gateway.client.ServiceAnswerException;
import dev.ledgerbridge.gateway.mapping.ActionRequestParser.InvalidActionRequestException;
import dev.ledgerbridge.gateway.service.HubSpotRequestVerifier.BodyTooLargeException;
import dev.ledgerbridge.gateway.service.HubSpotRequestVerifier.InvalidSignatureException;
import dev.ledgerbridge.hubspot.HubSpotApiException;
import dev.ledgerbridge.hubspot.HubSpotRateLimitException;
import dev.ledgerbridge.quickbooks.QboException;
import dev.ledgerbridge.quickbooks.QboFaultException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.CompositeException;
import io.vertx.core.VertxException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Duration;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error answer of the gateway, in one place (style guide 9). Business refusals never get here: they are
 * FAIL_CONTINUE answers. What does get here is either the caller's fault (401, 400) or transient (5xx, or 429 with
 * Retry-After), which makes HubSpot retry the execution later.
 */
public class ErrorMappers {

    /** The IOException Quarkus' request input stream throws past {@code quarkus.http.limits.max-body-size}. */
    private static final String REQUEST_TOO_LARGE = "Request too large";

    @ServerExceptionMapper
    public Response invalidSignature(InvalidSignatureException e) {
        return error(401, "INVALID_SIGNATURE", "The request is not signed by HubSpot for this app", null);
    }

    @ServerExceptionMapper
    public Response bodyTooLarge(BodyTooLargeException e) {
        return error(413, PublicRequestGuard.CODE, PublicRequestGuard.message(e.limitBytes()), null);
    }

    @ServerExceptionMapper
    public Response invalidActionRequest(InvalidActionRequestException e) {
        return error(400, "INVALID_REQUEST", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response oauthRefused(OAuthCallbackException e) {
        return error(e.status(), e.code(), e.getMessage(), null);
    }

    /** 404 for a connection that does not exist or was disconnected, 409 for one an admin must reconnect. */
    @ServerExceptionMapper
    public Response connectionUnusable(ConnectionUnusableException e) {
        int status = e.state() == ConnectionState.RECONNECT_NEEDED ? 409 : 404;
        return error(status, e.code(), e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response tokenEndpointUnavailable(TokenEndpointUnavailableException e) {
        Log.warnf("token endpoint unavailable: %s", e.getMessage());
        return error(503, "TOKEN_ENDPOINT_UNAVAILABLE", e.getMessage(),
                e.vendor() == ConnectionVendor.QUICKBOOKS ? "intuit-oauth" : "hubspot-oauth");
    }

    /** A stored token that does not decrypt (key missing after a rotation, or the row was changed): an operator's job. */
    @ServerExceptionMapper
    public Response tokenUnreadable(TokenDecryptionException e) {
        Log.errorf("stored token unreadable: %s", e.getMessage());
        return error(500, "TOKEN_UNREADABLE", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response invalidArgument(IllegalArgumentException e) {
        return error(400, "INVALID_REQUEST", e.getMessage(), null);
    }

    /** A service's 4xx that an admin endpoint passes on as it came (e.g. 409 VERSION_CONFLICT of a settings change). */
    @ServerExceptionMapper
    public Response serviceAnswer(ServiceAnswerException e) {
        Response.ResponseBuilder answer = Response.status(e.status());
        return (e.body() == null ? answer : answer.entity(e.body()).type(MediaType.APPLICATION_JSON)).build();
    }

    @ServerExceptionMapper
    public Response downstreamUnavailable(DownstreamUnavailableException e) {
        Log.warnf("downstream %s unavailable: %s %s", e.downstream(), e.code(), e.getMessage());
        if (e.retryAfter().isPresent()) {
            return paced(e.code(), e.getMessage(), e.downstream(), e.retryAfter().get());
        }
        return error(503, e.code(), e.getMessage(), e.downstream());
    }

    @ServerExceptionMapper
    public Response hubSpotFailed(HubSpotApiException e) {
        if (e instanceof HubSpotRateLimitException limited) {
            return paced("HUBSPOT_RATE_LIMITED", "HubSpot's rate limit is reached", "hubspot",
                    limited.retryAfter().orElse(Duration.ofSeconds(10)));
        }
        Log.warnf("HubSpot call failed: %s", e.getMessage());
        return error(e.httpStatus() >= 500 ? 503 : 502, "HUBSPOT_ERROR", e.getMessage(), "hubspot");
    }

    @ServerExceptionMapper
    public Response quickBooksFailed(QboFaultException e) {
        Log.warnf("QBO call failed: HTTP %d %s", e.httpStatus(), e.firstCode());
        if (e.isThrottled()) {
            return paced("QBO_THROTTLED", "QuickBooks is throttling this company", "quickbooks",
                    Duration.ofSeconds(60));
        }
        return error(502, "QBO_ERROR", e.getMessage(), "quickbooks");
    }

    /** QBO answered something that is not its API (e.g. a proxy's HTML or text page): a vendor failure, not ours. */
    @ServerExceptionMapper
    public Response quickBooksUnreadable(QboException e) {
        if (e instanceof QboFaultException fault) {
            return quickBooksFailed(fault);
        }
        Log.warnf("QBO answer unusable: HTTP %d %s", e.httpStatus(), e.getMessage());
        if (e.isThrottled()) {
            return paced("QBO_THROTTLED", "QuickBooks is throttling this company", "quickbooks", Duration.ofSeconds(60));
        }
        return error(502, "QBO_ERROR", "QuickBooks answered HTTP " + e.httpStatus() + " without a usable body",
                "quickbooks");
    }

    @ServerExceptionMapper({ ProcessingException.class, TimeoutException.class, CircuitBreakerOpenException.class,
            IOException.class, VertxException.class })
    public Response unreachable(Exception e) {
        if (e instanceof IOException && REQUEST_TOO_LARGE.equals(e.getMessage())) {
            // Not a downstream failure: Quarkus read a chunked body past quarkus.http.limits.max-body-size.
            return error(413, PublicRequestGuard.CODE, "The request body is larger than this server accepts", null);
        }
        Log.warnf("downstream unreachable: %s %s", e.getClass().getSimpleName(), e.getMessage());
        return error(503, "DOWNSTREAM_UNAVAILABLE", "A LedgerBridge service or vendor API is unreachable; retry later",
                null);
    }

    /** Mutiny wraps parallel or callback failures; the first cause decides the answer. */
    @ServerExceptionMapper
    public Response composite(CompositeException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e.getCauses().get(0);
        if (cause instanceof InvalidSignatureException s) {
            return invalidSignature(s);
        }
        if (cause instanceof ServiceAnswerException a) {
            return serviceAnswer(a);
        }
        if (cause instanceof DownstreamUnavailableException d) {
            return downstreamUnavailable(d);
        }
        if (cause instanceof HubSpotApiException h) {
            return hubSpotFailed(h);
        }
        if (cause instanceof QboFaultException q) {
            return quickBooksFailed(q);
        }
        if (cause instanceof QboException q) {
            return quickBooksUnreadable(q);
        }
        if (cause instanceof ConnectionUnusableException c) {
            return connectionUnusable(c);
        }
        if (cause instanceof TokenEndpointUnavailableException t) {
            return tokenEndpointUnavailable(t);
        }
        if (cause instanceof OAuthCallbackException o) {
            return oauthRefused(o);
        }
        if (cause instanceof ProcessingException || cause instanceof TimeoutException
                || cause instanceof CircuitBreakerOpenException || cause instanceof IOException
                || cause instanceof VertxException) {
            return unreachable((Exception) cause);
        }
        Log.errorf(cause, "unexpected failure");
        return error(500, "INTERNAL_ERROR", "Unexpected failure; retry later", null);
    }

    private static Response paced(String code, String message, String downstream, Duration retryAfter) {
        return Response.status(429).header("Retry-After", Math.max(1, retryAfter.toSeconds()))
                .entity(new ErrorBody(code, message, downstream)).type(MediaType.APPLICATION_JSON).build();
    }

    private static Response error(int status, String code, String message, String downstream) {
        return Response.status(status).entity(new ErrorBody(code, message, downstream))
                .type(MediaType.APPLICATION_JSON).build();
    }
}
