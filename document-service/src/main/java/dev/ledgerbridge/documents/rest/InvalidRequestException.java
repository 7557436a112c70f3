package dev.ledgerbridge.documents.rest;

import java.util.List;

/** A request whose fields do not fit its document type (400 INVALID_REQUEST, the message names the fields). */
public class InvalidRequestException extends RuntimeException {

    /** The problems, each naming its field, in the order found. */
    public InvalidRequestException(List<String> problems) {
        super("Invalid request: " + String.join("; ", problems) + ".", null, false, false);
    }
}
