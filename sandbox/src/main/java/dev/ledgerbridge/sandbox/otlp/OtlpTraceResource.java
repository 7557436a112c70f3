package dev.ledgerbridge.sandbox.otlp;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A local OpenTelemetry collector: accepts OTLP/HTTP protobuf trace exports on {@code /v1/traces} (what the
 * services send when {@code quarkus.otel.exporter.otlp.traces.endpoint} points here) ({@link TraceAdminResource} shows them).
 */
@Path("/v1/traces")
public class OtlpTraceResource {

    private static final String PROTOBUF = "application/x-protobuf";

    private final TraceStore store;

    public OtlpTraceResource(TraceStore store) {
        this.store = store;
    }

    @POST
    @Consumes(PROTOBUF)
    @Produces(PROTOBUF)
    public Response export(byte[] body) {
        try {
            store.add(OtlpTraceDecoder.decode(body));
        } catch (IllegalArgumentException e) {
            return Response.status(400).type(MediaType.TEXT_PLAIN).entity(e.getMessage()).build();
        }
        // An empty ExportTraceServiceResponse: everything accepted.
        return Response.ok(new byte[0], PROTOBUF).build();
    }
}
