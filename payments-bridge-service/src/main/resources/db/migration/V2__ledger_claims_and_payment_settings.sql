-- The ledger's claim: who is bridging a PENDING (portal, payment, action) and since when. A claim older than the
-- lease (ledgerbridge.payments.pending-lease) may be taken over: its holder crashed. A refusal or a transient failure
-- deletes the claim, so only SUCCEEDED rows stay.
ALTER TABLE bridged_payment
    ADD COLUMN callback_id  VARCHAR(200),
    ADD COLUMN claim_token  UUID,
    ADD COLUMN claimed_at   TIMESTAMPTZ NOT NULL DEFAULT now();

-- Accounts and vendor per company for the payment actions, validated against QBO when saved.
CREATE TABLE payment_settings (
    realm_id                 VARCHAR(32)  PRIMARY KEY,
    deposit_account_id       VARCHAR(32),
    fee_expense_account_id   VARCHAR(32),
    fee_payment_account_id   VARCHAR(32),
    fee_vendor_id            VARCHAR(32),
    refund_from_account_id   VARCHAR(32),
    payment_method_id        VARCHAR(32),
    updated_at               TIMESTAMPTZ  NOT NULL DEFAULT now()
);
