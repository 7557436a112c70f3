package dev.ledgerbridge.contacts.rest;

import dev.ledgerbridge.contacts.Contact;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * One HubSpot contact as the gateway read it; only the id is required.
 *
 * @param id        HubSpot contact id
 * @param firstName {@code firstname}
 * @param lastName  {@code lastname}
 * @param email     {@code email}
 * @param company   {@code company}
 * @param phone      {@code phone}
 * @param properties further HubSpot properties by internal name: those the company's sync filters read (see
 *                   {@code GET /v1/companies/{realmId}/matching-settings/properties}); optional, null values allowed
 */
public record ContactPayload(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{1,64}", message = "must be a HubSpot contact id") String id,
        @Size(max = 1000) String firstName,
        @Size(max = 1000) String lastName,
        @Size(max = 320) String email,
        @Size(max = 1000) String company,
        @Size(max = 100) String phone,
        @Size(max = 100) Map<@NotBlank @Size(max = 100) String, @Size(max = 10000) String> properties) {

    Contact toContact() {
        return new Contact(id, firstName, lastName, email, company, phone, properties);
    }
}
