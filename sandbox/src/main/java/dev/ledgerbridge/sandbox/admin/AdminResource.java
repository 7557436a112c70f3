package dev.ledgerbridge.sandbox.admin;

import dev.ledgerbridge.sandbox.Reseedable;
import io.quarkus.logging.Log;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/** Sandbox-wide admin API: request counters, fault injection and reset of both vendors' state. */
@Path("/_sandbox")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final RequestStats stats;
    private final FaultInjector faults;
    private final Instance<Reseedable> reseedables;

    public AdminResource(RequestStats stats, FaultInjector faults, Instance<Reseedable> reseedables) {
        this.stats = stats;
        this.faults = faults;
        this.reseedables = reseedables;
    }

    @GET
    @Path("/stats")
    public Map<String, Object> stats() {
        return stats.view();
    }

    @GET
    @Path("/stats/correlation/{correlationId}")
    public Map<String, Object> correlation(@PathParam("correlationId") String correlationId) {
        return stats.correlation(correlationId);
    }

    @GET
    @Path("/faults")
    public Map<String, Object> faults() {
        return faults.view();
    }

    @PUT
    @Path("/faults")
    public Map<String, Object> setFaults(FaultSettings settings) {
        faults.apply(settings == null ? new FaultSettings(null, null) : settings);
        return faults.view();
    }

    @DELETE
    @Path("/faults")
    public Response clearFaults() {
        faults.reset();
        return Response.noContent().build();
    }

    /** Puts every stateful bean of both vendors (and the counters and faults) back to the seed. */
    @POST
    @Path("/reset")
    @Consumes(MediaType.WILDCARD)
    public Map<String, Object> reset() {
        int n = 0;
        for (Reseedable r : reseedables) {
            r.reset();
            n++;
        }
        Log.infof("Sandbox reset: %d stateful beans reseeded", n);
        return Map.of("reseeded", n);
    }

    @ServerExceptionMapper
    public Response badSettings(IllegalArgumentException e) {
        return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("message", e.getMessage())).build();
    }
}
