-- One row per QBO document, unique per idempotency key (R16, invariant 1).
CREATE TABLE document (
    idempotency_key   VARCHAR(200)   PRIMARY KEY,
    realm_id          VARCHAR(32)    NOT NULL,
    document_type     VARCHAR(32)    NOT NULL,
    request_id        VARCHAR(50)    NOT NULL,
    qbo_id            VARCHAR(32),
    doc_number        VARCHAR(21),
    total_amount      NUMERIC(19, 2),
    state             VARCHAR(16)    NOT NULL CHECK (state IN ('PENDING', 'CREATED', 'REFUSED')),
    created_at        TIMESTAMPTZ    NOT NULL DEFAULT now(),
    completed_at      TIMESTAMPTZ,
    UNIQUE (realm_id, request_id)
);
