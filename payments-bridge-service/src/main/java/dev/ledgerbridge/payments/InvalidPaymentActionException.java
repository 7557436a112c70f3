package dev.ledgerbridge.payments;

/** A payment action body that lacks what its action needs (HTTP 400 INVALID_REQUEST, the field named). */
public class InvalidPaymentActionException extends RuntimeException {

    /** Creates the failure with a message that names the field. */
    public InvalidPaymentActionException(String message) {
        super(message, null, false, false);
    }
}
