-- Per-company document settings (issue 6): where sales receipts are deposited, their payment method, and the
-- DocNumber pattern used while the company numbers its own documents. Checked against QBO when saved.
CREATE TABLE document_settings (
    realm_id             VARCHAR(32)   PRIMARY KEY,
    deposit_account_id   VARCHAR(32),
    payment_method_id    VARCHAR(32),
    doc_number_pattern   VARCHAR(64),
    updated_at           TIMESTAMPTZ   NOT NULL DEFAULT now()
);
