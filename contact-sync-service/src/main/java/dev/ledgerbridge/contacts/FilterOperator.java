package dev.ledgerbridge.contacts;

/** The operators of a sync filter condition, after HubSpot's own filter vocabulary (domain brief 2.6). */
public enum FilterOperator {
    /** The property equals the one value (case-insensitive; numerically when both are numbers). */
    EQUALS,
    /** The property is unknown or differs from the one value. */
    NOT_EQUALS,
    /** The property equals one of the values. */
    IS_ANY_OF,
    /** The property is unknown or equals none of the values. */
    IS_NONE_OF,
    /** The property contains the one value (case-insensitive). */
    CONTAINS,
    /** The property has a non-blank value; takes no values. */
    IS_KNOWN,
    /** The property is absent or blank; takes no values. */
    IS_UNKNOWN,
    /** The property is a number or date greater (later) than the one value. */
    GREATER_THAN,
    /** The property is a number or date less (earlier) than the one value. */
    LESS_THAN
}
