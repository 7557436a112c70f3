-- The action journal: one row per HubSpot execution (callbackId). Invariant 1 (exactly once):
-- the primary key makes a concurrent duplicate delivery lose the insert race instead of running twice.
CREATE TABLE action_execution (
    callback_id      VARCHAR(200) PRIMARY KEY,
    portal_id        BIGINT       NOT NULL,
    action_type      VARCHAR(64)  NOT NULL,
    object_type      VARCHAR(32)  NOT NULL,
    object_id        VARCHAR(64)  NOT NULL,
    state            VARCHAR(16)  NOT NULL CHECK (state IN ('RUNNING', 'BLOCKED', 'SUCCEEDED', 'FAILED')),
    output_fields    JSONB,
    error_code       VARCHAR(64),
    deliveries       INTEGER      NOT NULL DEFAULT 1,
    received_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    finished_at      TIMESTAMPTZ
);

CREATE INDEX action_execution_unfinished ON action_execution (received_at) WHERE finished_at IS NULL;
