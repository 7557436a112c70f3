package dev.ledgerbridge.contacts.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code POST /v1/customers/resolve}: which contact of a record becomes a customer in which QBO company.
 *
 * @param realmId       QBO company id
 * @param portalId      HubSpot portal id
 * @param contactChoice null or "first" for the first contact, else the id of one of {@code contacts} (R3)
 * @param contacts      the record's contacts in association order; empty or null is refused with NO_CONTACT
 * @param staleCustomerId optional: a customer QBO refused with fault 610 (deleted or merged away); a link to it is
 *                        dropped and the contact matched again without it
 */
public record ResolveCustomerRequest(
        @NotNull @Pattern(regexp = "[0-9]{1,32}", message = "must be a numeric QuickBooks company id") String realmId,
        @NotNull @Positive Long portalId,
        @Size(max = 64) String contactChoice,
        List<@NotNull @Valid ContactPayload> contacts,
        @Pattern(regexp = "[0-9]{1,32}", message = "must be a QuickBooks customer id") String staleCustomerId) {
}
