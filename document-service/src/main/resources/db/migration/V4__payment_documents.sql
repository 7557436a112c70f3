-- Issue 7: a paid invoice is an invoice (qbo_id, doc_number, total_amount, recorded while the row is still PENDING)
-- plus the QBO Payment applied to it (payment_id, recorded when the row becomes CREATED); a fee expense (QBO
-- Purchase) has no customer.
ALTER TABLE document
    ADD COLUMN payment_id VARCHAR(32);
ALTER TABLE document ALTER COLUMN customer_id DROP NOT NULL;
