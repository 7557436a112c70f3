-- The ledger of (payment, action) already bridged: the same payment through the same action,
-- from any workflow, gives the first result back and writes nothing new.
CREATE TABLE bridged_payment (
    portal_id         BIGINT       NOT NULL,
    payment_id        VARCHAR(64)  NOT NULL,
    action_type       VARCHAR(64)  NOT NULL,
    realm_id          VARCHAR(32)  NOT NULL,
    state             VARCHAR(16)  NOT NULL CHECK (state IN ('PENDING', 'SUCCEEDED', 'REFUSED')),
    result            JSONB,
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    completed_at      TIMESTAMPTZ,
    PRIMARY KEY (portal_id, payment_id, action_type)
);
