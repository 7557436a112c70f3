package dev.ledgerbridge.hubspot.signature;

/**
 * Why a HubSpot request signature was accepted or rejected.
 */
public enum SignatureOutcome {
    /** The signature matches. */
    VALID,
    /** A required header (signature or timestamp) is absent or blank. */
    MISSING,
    /** The v3 timestamp is more than five minutes away from the clock, in either direction. */
    EXPIRED,
    /** A header is present but unusable, e.g. a non-numeric timestamp or an unknown signature version. */
    MALFORMED,
    /** Well-formed and in time, but the signature does not match (tampered request or wrong secret). */
    MISMATCH
}
