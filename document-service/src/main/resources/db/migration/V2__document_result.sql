-- What a replay must answer without QBO (customer), where the document came from (the PrivateNote marker's
-- ids, for issue 6's crash recovery by query), and the lease of the attempt currently calling QBO.
ALTER TABLE document
    ADD COLUMN customer_id          VARCHAR(32),
    ADD COLUMN portal_id            BIGINT,
    ADD COLUMN source_object_type   VARCHAR(32),
    ADD COLUMN source_object_id     VARCHAR(64),
    ADD COLUMN callback_id          VARCHAR(200),
    ADD COLUMN attempts             INTEGER        NOT NULL DEFAULT 0,
    ADD COLUMN attempt_started_at   TIMESTAMPTZ,
    ADD COLUMN last_error_code      VARCHAR(64);

-- Rows written before V2 have no customer; every row written from now on has one.
UPDATE document SET customer_id = '' WHERE customer_id IS NULL;
ALTER TABLE document ALTER COLUMN customer_id SET NOT NULL;
