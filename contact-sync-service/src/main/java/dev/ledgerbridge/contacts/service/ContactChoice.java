package dev.ledgerbridge.contacts.service;

import dev.ledgerbridge.contacts.Contact;
import dev.ledgerbridge.contacts.CustomerResolutionRefusal;
import dev.ledgerbridge.contacts.CustomerResolutionRefusal.Code;
import java.util.List;
import java.util.Locale;

/** Which associated contact becomes the QBO customer (R3): the first one by default, else the one the action names. */
public final class ContactChoice {

    /** The choice value (besides null or blank) that means "the first associated contact". */
    public static final String FIRST = "first";

    private ContactChoice() {
    }

    /**
     * The chosen contact; refuses with NO_CONTACT, CONTACT_NOT_ASSOCIATED or CONTACT_INCOMPLETE.
     *
     * @param choice   null, blank or {@value #FIRST} (any case) for the first contact, else a contact id
     * @param contacts the record's contacts in association order
     */
    public static Contact choose(String choice, List<Contact> contacts) {
        if (contacts.isEmpty()) {
            throw new CustomerResolutionRefusal(Code.NO_CONTACT, "This record has no associated contact, so there is"
                    + " no one to bill in QuickBooks. Associate a contact with the record and run the action again.");
        }
        Contact chosen = isFirst(choice) ? contacts.get(0) : byId(choice.strip(), contacts);
        if (chosen.isIncomplete()) {
            throw new CustomerResolutionRefusal(Code.CONTACT_INCOMPLETE, "Contact " + chosen.id() + " has no name and"
                    + " no email address, so no QuickBooks customer can be found or created for it. Add a name or an"
                    + " email address to the contact and run the action again.");
        }
        return chosen;
    }

    private static boolean isFirst(String choice) {
        return choice == null || choice.isBlank() || FIRST.equals(choice.strip().toLowerCase(Locale.ROOT));
    }

    private static Contact byId(String id, List<Contact> contacts) {
        return contacts.stream().filter(c -> id.equals(c.id())).findFirst()
                .orElseThrow(() -> new CustomerResolutionRefusal(Code.CONTACT_NOT_ASSOCIATED, "The action names contact "
                        + id + ", which is not associated with this record. Associate that contact with the record or"
                        + " choose another contact in the action."));
    }
}
