package dev.ledgerbridge.gateway.service;

import dev.ledgerbridge.gateway.DealContext;
import java.util.List;
import java.util.Locale;

/**
 * The action input {@code customer_contact} (R3): empty or {@code first} for the first associated contact, a contact
 * id, or {@code primary} for the contact whose association with the deal carries the primary label. The gateway
 * settles "primary" itself (labels are HubSpot's), and hands contact-sync a contact id or "first".
 */
public final class CustomerContactChoice {

    /** The input value that asks for the labelled primary contact. */
    public static final String PRIMARY = "primary";

    private CustomerContactChoice() {
    }

    /** True when the input asks for the primary contact, which needs the association labels. */
    public static boolean wantsPrimary(String input) {
        return input != null && PRIMARY.equals(input.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * The choice to send to contact-sync: the input unchanged, or for "primary" the id of the first contact (in
     * association order) whose association carries the label. No such contact is refused with NO_PRIMARY_CONTACT
     * rather than falling back to the first contact: the user asked for a specific person, and billing another one
     * is worse than stopping.
     */
    public static String forContactSync(String input, DealContext deal, String primaryLabel) {
        if (!wantsPrimary(input)) {
            return input;
        }
        List<DealContext.Contact> contacts = deal.contacts();
        if (contacts.isEmpty()) {
            // contact-sync answers NO_CONTACT, the same refusal as for any other choice.
            return null;
        }
        return contacts.stream()
                .filter(c -> c.labels().stream().anyMatch(label -> label.strip().equalsIgnoreCase(primaryLabel)))
                .map(DealContext.Contact::id)
                .findFirst()
                .orElseThrow(() -> new ActionRefusal("NO_PRIMARY_CONTACT", "The action bills the deal's primary contact,"
                        + " but none of the deal's " + contacts.size() + " contact" + (contacts.size() == 1 ? "" : "s")
                        + " is associated with the label \"" + primaryLabel + "\". Give one contact that label on the"
                        + " deal, or choose \"first\" or a contact id in the action's customer contact field."));
    }
}
