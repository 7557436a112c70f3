package dev.ledgerbridge.e2e;

/** The applications of the suite as the launcher starts them: module, local port and database. */
public enum SuiteApp {
    SANDBOX("sandbox", 8090, null),
    GATEWAY("gateway", 8080, "gateway"),
    CONTACT_SYNC("contact-sync-service", 8081, "contacts"),
    PRODUCT_CATALOG("product-catalog-service", 8082, "catalog"),
    DOCUMENT("document-service", 8083, "documents"),
    PAYMENTS_BRIDGE("payments-bridge-service", 8084, "payments");

    private final String module;
    private final int defaultPort;
    private final String database;

    SuiteApp(String module, int defaultPort, String database) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.database = database;
    }

    /** The Maven module, which is also the process name in logs. */
    public String module() {
        return module;
    }

    /** The port the demo uses; tests take free ports instead. */
    public int defaultPort() {
        return defaultPort;
    }

    /** The service's own PostgreSQL database, or null for the in-memory sandbox. */
    public String database() {
        return database;
    }
}
