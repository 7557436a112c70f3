package dev.ledgerbridge.hubspot.signature;

/**
 * HubSpot request-signature schemes: v1 (body only), v2 (method, URI, body), v3 (HMAC with timestamp).
 */
public enum SignatureVersion {
    V1, V2, V3
}
