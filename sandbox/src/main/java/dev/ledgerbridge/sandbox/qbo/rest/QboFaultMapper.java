package dev.ledgerbridge.sandbox.qbo.rest;

import dev.ledgerbridge.sandbox.qbo.QboClock;
import dev.ledgerbridge.sandbox.qbo.QboFault;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns a {@link QboFault} (only ever thrown by the QBO half) into QBO's Fault body. */
public class QboFaultMapper {

    private final QboClock clock;

    public QboFaultMapper(QboClock clock) {
        this.clock = clock;
    }

    @ServerExceptionMapper
    public Response map(QboFault fault) {
        return Response.status(fault.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(QboFaultBodies.fault(fault, clock.now()))
                .build();
    }
}
