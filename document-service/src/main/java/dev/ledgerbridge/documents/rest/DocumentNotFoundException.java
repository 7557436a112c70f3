package dev.ledgerbridge.documents.rest;

/** No confirmed document exists for an idempotency key (404). */
class DocumentNotFoundException extends RuntimeException {

    DocumentNotFoundException(String idempotencyKey) {
        super("No QuickBooks document has been created for idempotency key " + idempotencyKey + ".", null, false, false);
    }
}
