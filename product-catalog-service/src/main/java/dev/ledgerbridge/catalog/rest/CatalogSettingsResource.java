package dev.ledgerbridge.catalog.rest;

import dev.ledgerbridge.catalog.CatalogSettings;
import dev.ledgerbridge.catalog.service.CatalogSettingsService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

/** A company's catalog settings: the type and income account of items "Create missing products" creates (R12). */
@Path("/v1/companies/{realmId}/catalog-settings")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogSettingsResource {

    static final String SETTINGS_NOT_FOUND = "CATALOG_SETTINGS_NOT_FOUND";
    private static final String REALM_ID = "[0-9]{1,32}";
    private static final String REALM_ID_MESSAGE = "must be a QuickBooks company id (digits only)";

    private final CatalogSettingsService service;

    /** CDI constructor. */
    public CatalogSettingsResource(CatalogSettingsService service) {
        this.service = service;
    }

    /** 200 with the settings; 404 CATALOG_SETTINGS_NOT_FOUND when none were saved. */
    @GET
    public Uni<Response> get(@RestPath @Pattern(regexp = REALM_ID, message = REALM_ID_MESSAGE) String realmId) {
        return service.find(realmId)
                .onItem().ifNotNull().transform(settings -> Response.ok(Body.of(settings)).build())
                .onItem().ifNull().continueWith(() -> Response.status(404).type(MediaType.APPLICATION_JSON)
                        .entity(ErrorBody.of(SETTINGS_NOT_FOUND, "QuickBooks company " + realmId + " has no catalog"
                                + " settings yet: 'Create missing products' is refused until they are saved."))
                        .build());
    }

    /** 200 with the saved settings; 422 INVALID_CATALOG_SETTINGS when the account is unknown, inactive or not Income. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Body> put(@RestPath @Pattern(regexp = REALM_ID, message = REALM_ID_MESSAGE) String realmId,
            @NotNull(message = "a JSON body is required") @Valid Update update) {
        return service.save(realmId, update.itemType(), update.incomeAccountId()).map(Body::of);
    }

    /**
     * Body of the PUT.
     *
     * @param itemType        {@code Service} or {@code NonInventory}
     * @param incomeAccountId QBO id of an active account of type Income
     */
    public record Update(
            @NotBlank String itemType,
            @NotBlank @Pattern(regexp = "[0-9]{1,32}", message = "must be a QuickBooks account id (digits only)")
            String incomeAccountId) {
    }

    /**
     * The settings as shown.
     *
     * @param realmId           QBO company id
     * @param itemType          type of created items
     * @param incomeAccountId   income account of created items
     * @param incomeAccountName its name when the settings were saved
     */
    public record Body(String realmId, String itemType, String incomeAccountId, String incomeAccountName) {

        static Body of(CatalogSettings settings) {
            return new Body(settings.realmId(), settings.itemType(), settings.incomeAccountId(),
                    settings.incomeAccountName());
        }
    }
}
