-- Links a HubSpot contact to the QBO customer it resolved to, per company (realm), so that the next
-- action for the same contact makes no QBO read (invariant 4).
CREATE TABLE contact_link (
    realm_id          VARCHAR(32)  NOT NULL,
    portal_id         BIGINT       NOT NULL,
    contact_id        VARCHAR(64)  NOT NULL,
    customer_id       VARCHAR(32)  NOT NULL,
    display_name      VARCHAR(500) NOT NULL,
    linked_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (realm_id, portal_id, contact_id)
);
