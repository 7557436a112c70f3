-- Sync state of each company's mirror (R13) and the lease that lets one replica at a time sync it.
CREATE TABLE catalog_sync_state (
    realm_id          VARCHAR(32)    PRIMARY KEY,
    last_full_load_at TIMESTAMPTZ,             -- start of the last successful full load; null: never loaded
    last_cdc_at       TIMESTAMPTZ,             -- start of the last successful CDC run
    item_count        INTEGER        NOT NULL DEFAULT 0,  -- items in the mirror, active or not
    active_item_count INTEGER        NOT NULL DEFAULT 0,  -- items the resolver can match
    last_error        VARCHAR(1000),
    last_error_at     TIMESTAMPTZ,
    lease_owner       VARCHAR(200),            -- the replica run syncing now; null when nobody is
    lease_expires_at  TIMESTAMPTZ,             -- a crashed replica's lease is taken over after this
    created_at        TIMESTAMPTZ    NOT NULL DEFAULT now()
);

-- SKUs are matched by their normalised key like names (MatchKey); case folding can lengthen a value ("ß" -> "ss").
ALTER TABLE catalog_item ADD COLUMN sku_key TEXT;
ALTER TABLE catalog_item ALTER COLUMN name_key TYPE TEXT;
-- CDC answers may lack MetaData; the mirror does not need it to match.
ALTER TABLE catalog_item ALTER COLUMN last_updated_time DROP NOT NULL;
-- When a load last saw the row: a full reload removes the rows it did not see (items deleted meanwhile).
ALTER TABLE catalog_item ADD COLUMN mirrored_at TIMESTAMPTZ NOT NULL DEFAULT now();

CREATE INDEX catalog_item_sku_key ON catalog_item (realm_id, sku_key) WHERE active;
