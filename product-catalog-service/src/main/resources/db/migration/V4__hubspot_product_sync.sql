-- Per company: whether QBO items are upserted into a HubSpot portal's product library, and how far that got.
-- synced_through is the start of the last mirror run whose items all reached HubSpot: items mirrored later
-- (catalog_item.mirrored_at > synced_through) are sent by the next run, so a failed run is simply retried.
CREATE TABLE hubspot_product_sync (
    realm_id         VARCHAR(32)  PRIMARY KEY,
    enabled          BOOLEAN      NOT NULL,
    portal_id        BIGINT       NOT NULL,
    synced_through   TIMESTAMPTZ,
    last_run_at      TIMESTAMPTZ,
    products_synced  INTEGER      NOT NULL DEFAULT 0,
    last_error       TEXT,
    last_error_at    TIMESTAMPTZ,
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now()
);
