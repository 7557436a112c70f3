package dev.ledgerbridge.documents.mapping;

import dev.ledgerbridge.documents.NewDocument;

/**
 * The marker stamped into a document's PrivateNote so that a document whose local row was lost can be found again
 * by a query (architecture invariant 1): {@code LedgerBridge portal=<portalId> object=<TYPE>/<id> callback=<callbackId>}.
 */
public final class PrivateNoteMarker {

    private PrivateNoteMarker() {
    }

    /** The marker for a document of the given HubSpot origin. */
    public static String of(NewDocument.Source source) {
        return "LedgerBridge portal=" + source.portalId() + " object=" + source.objectType() + "/" + source.objectId()
                + " callback=" + source.callbackId();
    }
}
