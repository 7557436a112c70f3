-- QuickBooks companies connected to this installation (R1) with their country (R23: only US companies are served).
-- Tokens arrive with the OAuth issue; until then the pre-authorised sandbox tokens stand in for them.
CREATE TABLE quickbooks_connection (
    realm_id      VARCHAR(32)  PRIMARY KEY,
    company_name  VARCHAR(500) NOT NULL,
    country       VARCHAR(8),
    state         VARCHAR(16)  NOT NULL CHECK (state IN ('CONNECTED', 'DISCONNECTED')),
    connected_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- The lease of a RUNNING execution: the delivery that claimed it last owns it until claimed_at + lease; a later
-- delivery of the same callbackId takes it over after that (every downstream step is idempotent). A transient
-- failure releases the lease at once so HubSpot's retry does not have to wait for it.
ALTER TABLE action_execution ADD COLUMN claimed_at TIMESTAMPTZ NOT NULL DEFAULT now();
-- The QBO company the execution wrote to, for the admin view and support.
ALTER TABLE action_execution ADD COLUMN realm_id VARCHAR(32);
