package dev.ledgerbridge.gateway.rest;

import dev.ledgerbridge.gateway.service.TokenKeyRotation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Admin API of the token encryption keys: re-encrypting every stored token after a key rotation. */
@Path("/admin/v1/connections/token-encryption")
@Produces(MediaType.APPLICATION_JSON)
public class TokenKeyAdminResource {

    private final TokenKeyRotation rotation;

    public TokenKeyAdminResource(TokenKeyRotation rotation) {
        this.rotation = rotation;
    }

    /** Re-encrypts every stored token with the active key; 200 with the counts (gateway README, "Key rotation"). */
    @POST
    @Path("/re-encryption")
    public Uni<TokenKeyRotation.Report> reEncrypt() {
        return rotation.reEncryptAll();
    }
}
