-- How each link was made: the e-mail the contact had then (a later change can be detected and re-matched,
-- issue 4) and whether the customer was matched or created. Nullable: rows from V1 carry neither.
ALTER TABLE contact_link
    ADD COLUMN email      VARCHAR(320),
    ADD COLUMN resolution VARCHAR(16) CHECK (resolution IN ('MATCHED', 'CREATED'));
