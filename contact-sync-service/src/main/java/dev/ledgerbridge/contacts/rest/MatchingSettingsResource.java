package dev.ledgerbridge.contacts.rest;

import dev.ledgerbridge.contacts.UpdateMatchingSettingsCommand;
import dev.ledgerbridge.contacts.service.MatchingSettingsService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** A QuickBooks company's customer-matching settings (R8), for the gateway's admin API. */
@Path("/v1/companies/{realmId}/matching-settings")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MatchingSettingsResource {

    /** Who changes the settings; recorded in the audit. */
    public static final String ACTOR_HEADER = "X-LedgerBridge-Actor";

    private final MatchingSettingsService service;

    MatchingSettingsResource(MatchingSettingsService service) {
        this.service = service;
    }

    /** 200 with the settings; the defaults (LEGACY, version 0) when the company never changed them. */
    @GET
    public Uni<MatchingSettingsResponse> get(@RestPath @Pattern(regexp = "[0-9]{1,32}",
            message = "must be a numeric QuickBooks company id") String realmId) {
        return service.settings(realmId).map(MatchingSettingsResponse::from);
    }

    /** 200 with the stored settings; 400 invalid filters or missing actor, 409 when expectedVersion is stale. */
    @PUT
    public Uni<MatchingSettingsResponse> put(
            @RestPath @Pattern(regexp = "[0-9]{1,32}", message = "must be a numeric QuickBooks company id") String realmId,
            @RestHeader(ACTOR_HEADER) @NotBlank @Size(max = 200) String actor,
            @NotNull @Valid MatchingSettingsRequest request) {
        return service.update(new UpdateMatchingSettingsCommand(realmId, request.mode(), request.filterGroups(),
                        request.expectedVersion(), actor.strip()))
                .map(MatchingSettingsResponse::from);
    }

    /** 200 with the audited changes, newest first. */
    @GET
    @Path("/history")
    public Uni<List<MatchingSettingsChangeResponse>> history(
            @RestPath @Pattern(regexp = "[0-9]{1,32}", message = "must be a numeric QuickBooks company id") String realmId,
            @RestQuery @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return service.history(realmId, limit)
                .map(changes -> changes.stream().map(MatchingSettingsChangeResponse::from).toList());
    }

    /** 200 with the contact properties the gateway must read and pass in resolve requests for this company. */
    @GET
    @Path("/properties")
    public Uni<FilterPropertiesResponse> properties(
            @RestPath @Pattern(regexp = "[0-9]{1,32}", message = "must be a numeric QuickBooks company id") String realmId) {
        return service.settings(realmId).map(settings -> new FilterPropertiesResponse(realmId, settings.mode(),
                settings.version(), settings.filterProperties()));
    }
}
