package dev.ledgerbridge.payments.client;

/** Header names shared by every internal call. */
public final class ServiceHeaders {

    /** Carries the HubSpot callbackId to the services, which pass it on to the vendor clients. */
    public static final String CORRELATION_ID = "X-LedgerBridge-Correlation-Id";

    private ServiceHeaders() {
    }
}
