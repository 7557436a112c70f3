package dev.ledgerbridge.gateway.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ledgerbridge.gateway.service.HubSpotOptions;
import dev.ledgerbridge.gateway.service.HubSpotRequestVerifier;
import dev.ledgerbridge.gateway.service.OptionKind;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** HubSpot's external options fetches for the action dropdowns ({@code optionsUrl} of the action definitions). */
@Path("/hubspot/options")
public class HubSpotOptionsResource {

    private final HubSpotRequestVerifier verifier;
    private final HubSpotOptions options;
    private final ObjectMapper json;

    public HubSpotOptionsResource(HubSpotRequestVerifier verifier, HubSpotOptions options, ObjectMapper json) {
        this.verifier = verifier;
        this.options = options;
        this.json = json;
    }

    /**
     * One page of a dropdown. Signed like action requests, so the raw body is verified before it is parsed; every
     * answer after that is a 200 (possibly an empty list), because HubSpot shows users an error for anything else.
     */
    @POST
    @Path("/{kind}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> fetch(@PathParam("kind") String kind, byte[] body, @Context HttpHeaders headers,
            @Context HttpServerRequest request) {
        verifier.verify(request.method().name(), request.scheme(), hostOf(request), request.uri(), body,
                headers::getHeaderString);
        Optional<OptionKind> known = OptionKind.fromPath(kind);
        if (known.isEmpty()) {
            return Uni.createFrom().item(Response.status(404).type(MediaType.APPLICATION_JSON)
                    .entity(new ErrorBody("UNKNOWN_OPTIONS", "No options list is called " + kind)).build());
        }
        OptionsFetchRequest fetch = OptionsFetchRequest.parse(json, body);
        return options.fetch(known.get(), fetch.company(), fetch.query(), fetch.after()).map(page -> {
            Log.debugf("portalId=%d options %s field=%s company=%s: %d options", fetch.portalId(), kind,
                    fetch.inputFieldName(), fetch.company(), page.options().size());
            return Response.ok(OptionsResponse.of(page)).build();
        });
    }

    /** Host and port exactly as the caller wrote them (Host header, or :authority for HTTP/2). */
    private static String hostOf(HttpServerRequest request) {
        String host = request.getHeader("Host");
        if (host != null && !host.isBlank()) {
            return host;
        }
        var authority = request.authority();
        return authority == null ? "localhost" : authority.host() + (authority.port() > 0 ? ":" + authority.port() : "");
    }
}
