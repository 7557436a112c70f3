-- Customer-matching settings per QuickBooks company (R8). A company without a row uses the defaults
-- (LEGACY, no filters, version 0). filter_groups holds HubSpot-style filter groups:
-- [{"filters": [{"property": "lifecyclestage", "operator": "EQUALS", "values": ["customer"]}]}].
CREATE TABLE matching_settings (
    realm_id      VARCHAR(32)  PRIMARY KEY,
    mode          VARCHAR(16)  NOT NULL CHECK (mode IN ('LEGACY', 'SYNC_FILTERS')),
    filter_groups JSONB        NOT NULL DEFAULT '[]'::jsonb,
    version       BIGINT       NOT NULL CHECK (version > 0),
    updated_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_by    VARCHAR(200) NOT NULL
);

-- Every change, with who made it and the settings before and after ({"mode": ..., "filterGroups": [...]}).
-- One row per version: the primary key also stops two writers recording the same version.
CREATE TABLE matching_settings_audit (
    realm_id   VARCHAR(32)  NOT NULL,
    version    BIGINT       NOT NULL,
    actor      VARCHAR(200) NOT NULL,
    changed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    before     JSONB        NOT NULL,
    after      JSONB        NOT NULL,
    PRIMARY KEY (realm_id, version)
);
