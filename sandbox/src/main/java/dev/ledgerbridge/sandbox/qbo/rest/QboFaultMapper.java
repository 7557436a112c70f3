package dev.ledgerbridge.sandbox.qbo.rest;

import dev.ledgerbridge.sandbox.qbo.QboClock;
import dev.ledgerbridge.sandbox.qbo.QboFault;
import dev.ledgerbridge.sandbox.qbo.service.IntuitTokenService.OAuthException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns the QBO half's own exceptions into wire bodies: {@link QboFault} into QBO's Fault, {@link OAuthException}
 * into Intuit's {@code {"error":"..."}}. Both types are only ever thrown by the QBO half.
 */
public class QboFaultMapper {

    private final QboClock clock;

    public QboFaultMapper(QboClock clock) {
        this.clock = clock;
    }

    /**
     * Intuit's OAuth error body.
     *
     * @param error the RFC 6749 error code, e.g. {@code invalid_grant}
     */
    public record OAuthError(String error) {
    }

    @ServerExceptionMapper
    public Response mapOAuth(OAuthException e) {
        Response.ResponseBuilder response = Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new OAuthError(e.error()));
        if (e.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Intuit\"");
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response map(QboFault fault) {
        return Response.status(fault.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(QboFaultBodies.fault(fault, clock.now()))
                .build();
    }
}
