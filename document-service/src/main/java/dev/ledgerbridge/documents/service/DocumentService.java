package dev.ledgerbridge.documents.service;

import dev.ledgerbridge.documents.Document;
import dev.ledgerbridge.documents.DocumentRefusedException;
import dev.ledgerbridge.documents.DocumentResult;
import dev.ledgerbridge.documents.DocumentType;
import dev.ledgerbridge.documents.NewDocument;
import dev.ledgerbridge.documents.UpstreamUnavailableException;
import dev.ledgerbridge.documents.config.DocumentsConfig;
import dev.ledgerbridge.documents.mapping.InvoiceBuilder;
import dev.ledgerbridge.quickbooks.QboCompany;
import dev.ledgerbridge.quickbooks.QboException;
import dev.ledgerbridge.quickbooks.QboFaultException;
import dev.ledgerbridge.quickbooks.QuickBooksClient;
import dev.ledgerbridge.quickbooks.RequestIds;
import dev.ledgerbridge.quickbooks.model.Invoice;
import dev.ledgerbridge.quickbooks.model.Line;
import dev.ledgerbridge.quickbooks.model.Term;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * Creates QBO documents exactly once per idempotency key (R16, architecture invariant 1).
 * <p>The row is committed PENDING before the QBO write and CREATED after it; the QBO {@code requestid} is derived
 * from the key, so any later attempt for a PENDING row (our retry, a HubSpot retry, recovery after a crash) sends
 * the same id and QBO replays instead of writing a second document. Only one attempt per key calls QBO at a time:
 * the row carries a lease, and a concurrent request waits for the row to become CREATED instead of sending a second
 * in-flight request with the same id (how QBO treats that is not documented: it may answer error 600).
 */
@ApplicationScoped
public class DocumentService {

    private final DocumentLedger ledger;
    private final QuickBooksClient quickBooks;
    private final PaymentTermResolver terms;
    private final InvoiceBuilder invoices;
    private final DocumentsConfig config;
    private final Vertx vertx;

    DocumentService(DocumentLedger ledger, QuickBooksClient quickBooks, PaymentTermResolver terms,
            InvoiceBuilder invoices, DocumentsConfig config, Vertx vertx) {
        this.ledger = ledger;
        this.quickBooks = quickBooks;
        this.terms = terms;
        this.invoices = invoices;
        this.config = config;
        this.vertx = vertx;
    }

    /**
     * Creates the document, or returns the one created earlier for the same key ({@code replayed = true}, no QBO
     * call). {@code correlationId} is passed on to QBO; when null the HubSpot callbackId is used.
     */
    public Uni<DocumentResult> create(String idempotencyKey, NewDocument document, String correlationId) {
        if (document.type() != DocumentType.INVOICE) {
            return Uni.createFrom().failure(new DocumentRefusedException(
                    DocumentRefusedException.UNSUPPORTED_DOCUMENT_TYPE,
                    "Creating a " + document.type() + " in QuickBooks is not supported yet."));
        }
        QboCompany company = quickBooks.company(document.realmId())
                .withCorrelationId(correlationId == null ? document.source().callbackId() : correlationId);
        return ledger.find(idempotencyKey).chain(existing -> {
            if (existing != null) {
                requireSameTarget(existing, document);
                if (existing.isCreated()) {
                    Log.infof("Document %s already created as QBO %s %s; replaying", idempotencyKey, existing.type,
                            existing.qboId);
                    return Uni.createFrom().item(DocumentResult.replayOf(existing));
                }
            }
            return draft(company, document).chain(invoice -> {
                Attempt attempt = new Attempt(idempotencyKey, company, invoice, document);
                if (existing == null) {
                    return ledger.recordPending(pendingRow(idempotencyKey, document))
                            .chain(inserted -> inserted ? write(attempt) : awaitOrTakeOver(attempt, deadline()));
                }
                return ledger.claim(idempotencyKey)
                        .chain(claimed -> claimed ? write(attempt) : awaitOrTakeOver(attempt, deadline()));
            });
        });
    }

    /** The confirmed document of the key, or null when there is none (absent or still PENDING). */
    public Uni<DocumentResult> find(String idempotencyKey) {
        return ledger.find(idempotencyKey)
                .map(row -> row == null || !row.isCreated() ? null : DocumentResult.replayOf(row));
    }

    private Uni<Invoice> draft(QboCompany company, NewDocument document) {
        // Lines first, so an invalid line costs no QBO read.
        invoices.checkLines(document);
        Uni<Term> term = document.termName() == null
                ? Uni.createFrom().nullItem()
                : terms.resolve(company, document.termName()).onFailure(this::isTransport).transform(this::qboUnavailable);
        return term.map(resolved -> invoices.build(document, resolved));
    }

    private Uni<DocumentResult> write(Attempt attempt) {
        String requestId = RequestIds.derive(attempt.idempotencyKey());
        return attempt.company().create(attempt.invoice(), requestId)
                .onFailure().call(e -> ledger.release(attempt.idempotencyKey(), errorCode(e))
                        .onFailure().invoke(releaseFailure -> Log.warnf(
                                "Could not release document %s after a failed QBO write: %s",
                                attempt.idempotencyKey(), releaseFailure.getMessage()))
                        .onFailure().recoverWithNull())
                .onFailure(this::isTransport).transform(this::qboUnavailable)
                .onFailure(QboException.class).invoke(e -> Log.warnf("QBO refused document %s: %s",
                        attempt.idempotencyKey(), e.getMessage()))
                .chain(created -> {
                    BigDecimal total = (created.totalAmt() != null ? created.totalAmt() : sumOf(attempt.invoice()))
                            .setScale(2, RoundingMode.HALF_UP);
                    return ledger.complete(attempt.idempotencyKey(), created.id(), created.docNumber(), total)
                            .chain(completed -> {
                                if (!completed) {
                                    // A parallel attempt (after our lease expired) recorded the same QBO document.
                                    return ledger.find(attempt.idempotencyKey()).map(DocumentResult::replayOf);
                                }
                                Log.infof("Document %s created as QBO invoice %s (number %s)",
                                        attempt.idempotencyKey(), created.id(), created.docNumber());
                                return Uni.createFrom().item(new DocumentResult(attempt.idempotencyKey(), created.id(),
                                        created.docNumber(), DocumentType.INVOICE, total,
                                        attempt.document().customerId(), false));
                            });
                });
    }

    /**
     * Another attempt holds the row: re-read it until it is CREATED (replay), or its lease ends (take over with
     * the same requestid), or our wait ends (503, the caller retries).
     */
    private Uni<DocumentResult> awaitOrTakeOver(Attempt attempt, long deadlineNanos) {
        return delay(config.pendingPollInterval())
                .chain(() -> ledger.find(attempt.idempotencyKey()))
                .chain(row -> {
                    if (row != null && row.isCreated()) {
                        Log.infof("Document %s was created by a concurrent request; replaying", attempt.idempotencyKey());
                        return Uni.createFrom().item(DocumentResult.replayOf(row));
                    }
                    return ledger.claim(attempt.idempotencyKey()).chain(claimed -> {
                        if (claimed) {
                            Log.infof("Taking over document %s from an attempt that did not finish",
                                    attempt.idempotencyKey());
                            return write(attempt);
                        }
                        if (System.nanoTime() - deadlineNanos > 0) {
                            Log.warnf("Document %s is still being created by another request", attempt.idempotencyKey());
                            return Uni.createFrom().failure(new UpstreamUnavailableException(
                                    UpstreamUnavailableException.DOCUMENT_IN_PROGRESS,
                                    "This document is still being created in QuickBooks; try again shortly.",
                                    Duration.ofSeconds(2), null));
                        }
                        return awaitOrTakeOver(attempt, deadlineNanos);
                    });
                });
    }

    private long deadline() {
        return System.nanoTime() + config.pendingWait().toNanos();
    }

    // A Vert.x timer, not Mutiny's delay: the next database call must run on this request's Vert.x context.
    private Uni<Void> delay(Duration wait) {
        return Uni.createFrom().emitter(emitter -> vertx.setTimer(Math.max(1, wait.toMillis()),
                id -> emitter.complete(null)));
    }

    private static void requireSameTarget(Document existing, NewDocument document) {
        if (!existing.realmId.equals(document.realmId()) || existing.type != document.type()) {
            throw new DocumentRefusedException(DocumentRefusedException.IDEMPOTENCY_KEY_CONFLICT,
                    "This request's idempotency key was already used for a " + existing.type
                            + " in QuickBooks company " + existing.realmId + ".");
        }
    }

    private static Document pendingRow(String idempotencyKey, NewDocument document) {
        Document row = new Document();
        row.idempotencyKey = idempotencyKey;
        row.realmId = document.realmId();
        row.type = document.type();
        row.requestId = RequestIds.derive(idempotencyKey);
        row.customerId = document.customerId();
        row.portalId = document.source().portalId();
        row.sourceObjectType = document.source().objectType();
        row.sourceObjectId = document.source().objectId();
        row.callbackId = document.source().callbackId();
        return row;
    }

    private static BigDecimal sumOf(Invoice invoice) {
        return invoice.lines().stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String errorCode(Throwable failure) {
        if (failure instanceof QboFaultException fault) {
            return fault.firstCode() != null ? fault.firstCode() : "HTTP_" + fault.httpStatus();
        }
        return failure instanceof QboException qbo ? "HTTP_" + qbo.httpStatus() : failure.getClass().getSimpleName();
    }

    // Connection refused, timeouts, closed connections: anything from the QBO leg that is not an answer from QBO
    // and not one of our own decisions (token provider refusals, arguments).
    private boolean isTransport(Throwable failure) {
        return !(failure instanceof QboException || failure instanceof DocumentRefusedException
                || failure instanceof UpstreamUnavailableException || failure instanceof IllegalArgumentException);
    }

    private Throwable qboUnavailable(Throwable failure) {
        Log.warnf("QBO could not be reached: %s", failure.toString());
        return new UpstreamUnavailableException(UpstreamUnavailableException.QBO_UNAVAILABLE,
                "QuickBooks could not be reached; try again shortly.", Duration.ofSeconds(5), failure);
    }

    private record Attempt(String idempotencyKey, QboCompany company, Invoice invoice, NewDocument document) {
    }
}
