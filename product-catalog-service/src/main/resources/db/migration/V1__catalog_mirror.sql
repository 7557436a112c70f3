-- The mirror of each company's QBO items (R13): matching reads this, never QBO.
CREATE TABLE catalog_item (
    realm_id          VARCHAR(32)    NOT NULL,
    item_id           VARCHAR(32)    NOT NULL,
    name              VARCHAR(100)   NOT NULL,
    name_key          VARCHAR(100)   NOT NULL,  -- name normalised for matching (NFC, case-folded, trimmed)
    sku               VARCHAR(100),
    type              VARCHAR(32)    NOT NULL,
    unit_price        NUMERIC(19, 5),
    taxable           BOOLEAN        NOT NULL DEFAULT FALSE,
    active            BOOLEAN        NOT NULL DEFAULT TRUE,
    sync_token        VARCHAR(32)    NOT NULL,
    last_updated_time TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (realm_id, item_id)
);

CREATE INDEX catalog_item_sku ON catalog_item (realm_id, sku) WHERE active;
CREATE INDEX catalog_item_name ON catalog_item (realm_id, name_key) WHERE active;

-- Links a HubSpot product to a QBO item (R13).
CREATE TABLE product_link (
    realm_id          VARCHAR(32)  NOT NULL,
    portal_id         BIGINT       NOT NULL,
    product_id        VARCHAR(64)  NOT NULL,
    item_id           VARCHAR(32)  NOT NULL,
    linked_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (realm_id, portal_id, product_id)
);
