-- Per company: how "Create missing products" (R12) creates items. No row: creation is refused with a clear message.
CREATE TABLE catalog_settings (
    realm_id            VARCHAR(32)  PRIMARY KEY,
    item_type           VARCHAR(16)  NOT NULL CHECK (item_type IN ('Service', 'NonInventory')),
    income_account_id   VARCHAR(32)  NOT NULL,
    income_account_name VARCHAR(100),
    updated_at          TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- How each product link came about (a match by SKU or name, or an item created for the product).
ALTER TABLE product_link ADD COLUMN linked_by VARCHAR(16) NOT NULL DEFAULT 'SKU';
CREATE INDEX product_link_item ON product_link (realm_id, item_id);
