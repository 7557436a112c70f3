package dev.ledgerbridge.sandbox.hubspot;

import static dev.ledgerbridge.sandbox.hubspot.HubSpotObjectType.COMMERCE_PAYMENTS;
import static dev.ledgerbridge.sandbox.hubspot.HubSpotObjectType.COMPANIES;
import static dev.ledgerbridge.sandbox.hubspot.HubSpotObjectType.CONTACTS;
import static dev.ledgerbridge.sandbox.hubspot.HubSpotObjectType.DEALS;
import static dev.ledgerbridge.sandbox.hubspot.HubSpotObjectType.LINE_ITEMS;
import static dev.ledgerbridge.sandbox.hubspot.HubSpotObjectType.NOTES;
import static dev.ledgerbridge.sandbox.hubspot.HubSpotObjectType.QUOTES;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * HubSpot-defined association type ids (domain brief §2.6), each with its inverse. Where the brief marks
 * a pair UNCONFIRMED the sandbox still picks one value and exposes it through the labels endpoint, so
 * clients that resolve ids at run time work either way.
 */
public final class AssociationTypes {

    /** One directional HubSpot-defined association type. */
    public record Type(HubSpotObjectType from, HubSpotObjectType to, int typeId) {
    }

    /**
     * A portal-defined (USER_DEFINED) association label, as a portal admin creates one in HubSpot's settings; HubSpot
     * has no built-in "primary contact" of a deal, portals label one themselves.
     */
    public record UserLabel(HubSpotObjectType from, HubSpotObjectType to, int typeId, String label) {
    }

    private static final List<Type> TYPES = new ArrayList<>();
    // The seeded portal's labels (README): deal -> contact "Primary".
    private static final List<UserLabel> USER_LABELS = List.of(new UserLabel(DEALS, CONTACTS, 1001, "Primary"));

    static {
        pair(CONTACTS, COMPANIES, 1, 2);
        pair(DEALS, CONTACTS, 3, 4);
        pair(DEALS, COMPANIES, 5, 6);
        pair(DEALS, LINE_ITEMS, 19, 20);
        pair(DEALS, QUOTES, 63, 64);
        pair(QUOTES, LINE_ITEMS, 67, 68);
        pair(QUOTES, CONTACTS, 69, 70);
        pair(NOTES, CONTACTS, 202, 201);
        pair(NOTES, DEALS, 214, 213);
        pair(NOTES, QUOTES, 218, 217);
        pair(COMMERCE_PAYMENTS, CONTACTS, 387, 388);
        pair(COMMERCE_PAYMENTS, COMPANIES, 389, 390);
        pair(COMMERCE_PAYMENTS, DEALS, 391, 392);
        pair(COMMERCE_PAYMENTS, LINE_ITEMS, 395, 396);
        pair(COMMERCE_PAYMENTS, QUOTES, 397, 398);
    }

    private AssociationTypes() {
    }

    private static void pair(HubSpotObjectType a, HubSpotObjectType b, int aToB, int bToA) {
        TYPES.add(new Type(a, b, aToB));
        TYPES.add(new Type(b, a, bToA));
    }

    /** The default (unlabelled) type from one object type to another. */
    public static Optional<Type> defaultType(HubSpotObjectType from, HubSpotObjectType to) {
        return TYPES.stream().filter(t -> t.from() == from && t.to() == to).findFirst();
    }

    /** The type with this id leaving {@code from}. */
    public static Optional<Type> byId(HubSpotObjectType from, int typeId) {
        return TYPES.stream().filter(t -> t.from() == from && t.typeId() == typeId).findFirst();
    }

    /** The inverse of a type (same pair, other direction). */
    public static Optional<Type> inverse(Type type) {
        return defaultType(type.to(), type.from());
    }

    /** The portal's user-defined label with this type id between the two object types. */
    public static Optional<UserLabel> userLabel(HubSpotObjectType from, HubSpotObjectType to, int typeId) {
        return USER_LABELS.stream().filter(l -> l.from() == from && l.to() == to && l.typeId() == typeId).findFirst();
    }

    /** The portal's user-defined labels between the two object types. */
    public static List<UserLabel> userLabels(HubSpotObjectType from, HubSpotObjectType to) {
        return USER_LABELS.stream().filter(l -> l.from() == from && l.to() == to).toList();
    }

    /** v3's name of an association type, e.g. {@code deal_to_contact}. */
    public static String v3Name(HubSpotObjectType from, HubSpotObjectType to) {
        return from.singular() + "_to_" + to.singular();
    }
}
