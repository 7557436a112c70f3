-- OAuth connections (issue 8): tokens of each QBO company and HubSpot portal, encrypted by the gateway (TokenCipher:
-- AES-256-GCM, "v1:<key id>:<iv>:<ciphertext>"), never in plaintext; the expiries stay readable for the refresh logic.

-- RECONNECT_NEEDED: Intuit refused the refresh token (invalid_grant); an admin must run the authorization flow again.
-- CONNECTING: tokens stored by the callback while it reads CompanyInfo with them; not usable by actions.
ALTER TABLE quickbooks_connection DROP CONSTRAINT quickbooks_connection_state_check;
ALTER TABLE quickbooks_connection ADD CONSTRAINT quickbooks_connection_state_check
    CHECK (state IN ('CONNECTING', 'CONNECTED', 'RECONNECT_NEEDED', 'DISCONNECTED'));
ALTER TABLE quickbooks_connection
    ADD COLUMN state_reason             VARCHAR(500),
    ADD COLUMN access_token             TEXT,
    ADD COLUMN access_token_expires_at  TIMESTAMPTZ,
    ADD COLUMN refresh_token            TEXT,
    ADD COLUMN refresh_token_expires_at TIMESTAMPTZ,
    ADD COLUMN tokens_refreshed_at      TIMESTAMPTZ;

-- HubSpot portals that installed the app (one row per hub id).
CREATE TABLE hubspot_connection (
    portal_id                VARCHAR(20)  PRIMARY KEY,
    hub_domain               VARCHAR(255),
    scopes                   TEXT,
    state                    VARCHAR(16)  NOT NULL
        CHECK (state IN ('CONNECTING', 'CONNECTED', 'RECONNECT_NEEDED', 'DISCONNECTED')),
    state_reason             VARCHAR(500),
    access_token             TEXT,
    access_token_expires_at  TIMESTAMPTZ,
    refresh_token            TEXT,
    refresh_token_expires_at TIMESTAMPTZ,
    tokens_refreshed_at      TIMESTAMPTZ,
    connected_at             TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at               TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- The single-use `state` of an authorization in progress. Only its SHA-256 is kept: a leaked table cannot be replayed
-- at the callback. The redirect URI sent with the authorize request must be sent again with the code exchange.
CREATE TABLE oauth_state (
    state_hash   CHAR(64)     PRIMARY KEY,
    provider     VARCHAR(16)  NOT NULL CHECK (provider IN ('QUICKBOOKS', 'HUBSPOT')),
    redirect_uri VARCHAR(1000) NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    expires_at   TIMESTAMPTZ  NOT NULL,
    consumed_at  TIMESTAMPTZ
);
CREATE INDEX oauth_state_expires_at ON oauth_state (expires_at);
