package dev.ledgerbridge.contacts;

import java.util.List;

/**
 * What resolving a contact would do now, found without writing anything (issue 4, preview).
 *
 * @param outcome         LINK, MATCH, CREATE or REFUSE
 * @param contactId       the chosen contact, null when the choice itself is refused
 * @param customerId      the linked or matching customer (LINK, MATCH)
 * @param displayName     its DisplayName (LINK, MATCH) or the one a create would use (CREATE)
 * @param reactivate      MATCH only: the customer is inactive and would be made active again
 * @param code            REFUSE only: the refusal code the resolution would answer
 * @param message         what happens, for a finance user
 * @param mode            the company's matching mode
 * @param settingsVersion the version of the company's matching settings that was applied
 * @param takenNames      CREATE only: more readable names that QBO already uses for a customer or vendor
 */
public record CustomerPreview(Outcome outcome, String contactId, String customerId, String displayName,
        boolean reactivate, String code, String message, MatchingMode mode, long settingsVersion,
        List<String> takenNames) {

    /** What a resolution would do. */
    public enum Outcome {
        /** The stored link names the customer; no QBO call. */
        LINK,
        /** An existing customer matches on name and e-mail. */
        MATCH,
        /** No customer matches; one would be created. */
        CREATE,
        /** The resolution would be refused. */
        REFUSE
    }

    /** Copies the list; null is none. */
    public CustomerPreview {
        takenNames = takenNames == null ? List.of() : List.copyOf(takenNames);
    }
}
