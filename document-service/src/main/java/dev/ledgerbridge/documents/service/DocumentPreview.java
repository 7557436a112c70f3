package dev.ledgerbridge.documents.service;

import dev.ledgerbridge.documents.NewDocument;
import dev.ledgerbridge.documents.mapping.SalesDocumentBuilder.ReceiptAccounts;
import dev.ledgerbridge.quickbooks.model.QboEntity;
import dev.ledgerbridge.quickbooks.model.Term;

/**
 * A document as it would be sent to QBO, and what went into it; nothing was written to build it.
 *
 * @param document  the request it was built from
 * @param entity    the QBO invoice, estimate or sales receipt the create would POST
 * @param term      the resolved payment term of an invoice, null when none was asked
 * @param docNumber the DocNumber the create would send, null when QBO would number the document
 * @param receipt   deposit account and payment method of a sales receipt, null for the other types
 */
public record DocumentPreview(NewDocument document, QboEntity entity, Term term, String docNumber,
        ReceiptAccounts receipt) {
}
