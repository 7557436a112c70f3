package dev.ledgerbridge.documents.service;

import dev.ledgerbridge.documents.Document;
import dev.ledgerbridge.documents.DocumentRefusedException;
import dev.ledgerbridge.documents.DocumentResult;
import dev.ledgerbridge.documents.DocumentType;
import dev.ledgerbridge.documents.NewDocument;
import dev.ledgerbridge.documents.UpstreamUnavailableException;
import dev.ledgerbridge.documents.config.DocumentsConfig;
import dev.ledgerbridge.documents.mapping.PrivateNoteMarker;
import dev.ledgerbridge.documents.mapping.SalesDocumentBuilder;
import dev.ledgerbridge.documents.mapping.SalesDocumentBuilder.CreatedDocument;
import dev.ledgerbridge.documents.mapping.SalesDocumentBuilder.ReceiptAccounts;
import dev.ledgerbridge.documents.service.DocumentSettingsService.EffectiveSettings;
import dev.ledgerbridge.quickbooks.QboCompany;
import dev.ledgerbridge.quickbooks.QboException;
import dev.ledgerbridge.quickbooks.QboFaultException;
import dev.ledgerbridge.quickbooks.QuickBooksClient;
import dev.ledgerbridge.quickbooks.RequestIds;
import dev.ledgerbridge.quickbooks.model.QboEntity;
import dev.ledgerbridge.quickbooks.model.Term;
import dev.ledgerbridge.quickbooks.query.QboQuery;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Creates QBO invoices, estimates and sales receipts exactly once per idempotency key (R16, architecture
 * invariant 1).
 * <p>The row is committed PENDING before the QBO write and CREATED after it; the QBO {@code requestid} is derived
 * from the key, so any later attempt for a PENDING row (our retry, a HubSpot retry, recovery after a crash) sends
 * the same id and QBO replays instead of writing a second document. Before such a later attempt writes, it looks
 * for a document carrying the key's PrivateNote marker and adopts it, for the case that QBO no longer replays the
 * requestid. Only one attempt per key calls QBO at a time: the row carries a lease, and a concurrent request waits
 * for the row to become CREATED instead of sending a second in-flight request with the same id (how QBO treats that
 * is not documented: it may answer error 600).
 */
@ApplicationScoped
public class DocumentService {

    private final DocumentLedger ledger;
    private final QuickBooksClient quickBooks;
    private final PaymentTermResolver terms;
    private final DocumentNumbering numbering;
    private final DocumentSettingsService settings;
    private final SalesDocumentBuilder builder;
    private final DocumentsConfig config;
    private final Vertx vertx;

    DocumentService(DocumentLedger ledger, QuickBooksClient quickBooks, PaymentTermResolver terms,
            DocumentNumbering numbering, DocumentSettingsService settings, SalesDocumentBuilder builder,
            DocumentsConfig config, Vertx vertx) {
        this.ledger = ledger;
        this.quickBooks = quickBooks;
        this.terms = terms;
        this.numbering = numbering;
        this.settings = settings;
        this.builder = builder;
        this.config = config;
        this.vertx = vertx;
    }

    /**
     * Creates the document, or returns the one created earlier for the same key ({@code replayed = true}, no QBO
     * call). {@code correlationId} is passed on to QBO; when null the HubSpot callbackId is used.
     */
    public Uni<DocumentResult> create(String idempotencyKey, NewDocument document, String correlationId) {
        if (!document.type().isSalesDocument()) {
            return Uni.createFrom().failure(new DocumentRefusedException(
                    DocumentRefusedException.UNSUPPORTED_DOCUMENT_TYPE,
                    "Creating a " + document.type() + " in QuickBooks is not supported yet."));
        }
        try {
            requireApplicableFields(document);
        } catch (DocumentRefusedException e) {
            return Uni.createFrom().failure(e);
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
            // The day the first attempt started bounds the marker search when the request names no TxnDate.
            LocalDate firstAttempt = existing != null && existing.createdAt != null
                    ? existing.createdAt.atZoneSameInstant(ZoneOffset.UTC).toLocalDate() : LocalDate.now(ZoneOffset.UTC);
            return draft(company, document).chain(entity -> {
                Attempt attempt = new Attempt(idempotencyKey, company, entity, document, firstAttempt);
                if (existing == null) {
                    return ledger.recordPending(pendingRow(idempotencyKey, document))
                            .chain(inserted -> inserted ? write(attempt, false) : awaitOrTakeOver(attempt, deadline()));
                }
                return ledger.claim(idempotencyKey)
                        .chain(claimed -> claimed ? write(attempt, true) : awaitOrTakeOver(attempt, deadline()));
            });
        });
    }

    /**
     * The document {@link #create} would send to QBO for the same request, with the same refusals before the write
     * (unsupported type, fields of another type, invalid lines, unknown term, sales receipt not configured, number too
     * long), writing nothing: no row, no QBO write. It reads what create reads (term, settings, numbering preference)
     * and ignores the idempotency key, so it neither replays nor claims anything.
     */
    public Uni<DocumentPreview> preview(NewDocument document, String correlationId) {
        // Only the sales forms of the create-document actions (A1-A3) are previewed.
        if (document.type() != DocumentType.INVOICE && document.type() != DocumentType.ESTIMATE
                && document.type() != DocumentType.SALES_RECEIPT) {
            return Uni.createFrom().failure(new DocumentRefusedException(
                    DocumentRefusedException.UNSUPPORTED_DOCUMENT_TYPE,
                    "Previews are for invoices, estimates and sales receipts, not for a " + document.type() + "."));
        }
        try {
            requireApplicableFields(document);
        } catch (DocumentRefusedException e) {
            return Uni.createFrom().failure(e);
        }
        QboCompany company = quickBooks.company(document.realmId())
                .withCorrelationId(correlationId == null ? document.source().callbackId() : correlationId);
        return Uni.createFrom().deferred(() -> prepare(company, document));
    }

    /** The confirmed document of the key, or null when there is none (absent or still PENDING). */
    public Uni<DocumentResult> find(String idempotencyKey) {
        return ledger.find(idempotencyKey)
                .map(row -> row == null || !row.isCreated() ? null : DocumentResult.replayOf(row));
    }

    /** The QBO entity to write: lines checked first (an invalid line costs no read), then term, settings, number. */
    private Uni<QboEntity> draft(QboCompany company, NewDocument document) {
        return prepare(company, document).map(DocumentPreview::entity);
    }

    /** {@link #draft} with what went into the entity: the resolved term, the number, the receipt accounts. */
    private Uni<DocumentPreview> prepare(QboCompany company, NewDocument document) {
        builder.checkLines(document);
        Uni<Term> term = document.termName() == null
                ? Uni.createFrom().nullItem()
                : terms.resolve(company, document.termName()).onFailure(this::isTransport).transform(this::qboUnavailable);
        return term.chain(resolved -> settings.find(document.realmId()).chain(effective -> {
            ReceiptAccounts receipt = document.type() == DocumentType.SALES_RECEIPT
                    ? receiptAccounts(document, effective) : null;
            return numbering.docNumber(company, document, effective.docNumberPattern())
                    .onFailure(this::isTransport).transform(this::qboUnavailable)
                    .map(number -> new DocumentPreview(document, builder.build(document, resolved, number, receipt),
                            resolved, number, receipt));
        }));
    }

    /**
     * Writes the document with the key's requestid. {@code retry}: an earlier attempt for the key may have reached
     * QBO, so first look for its document by the PrivateNote marker and adopt it when found.
     */
    private Uni<DocumentResult> write(Attempt attempt, boolean retry) {
        Uni<CreatedDocument> earlier = retry ? findEarlier(attempt) : Uni.createFrom().nullItem();
        return earlier.chain(found -> {
            if (found != null) {
                Log.infof("Document %s was already created by an earlier attempt as QBO %s %s; adopting it",
                        attempt.idempotencyKey(), attempt.document().type(), found.id());
                return complete(attempt, found);
            }
            String requestId = RequestIds.derive(attempt.idempotencyKey());
            return attempt.company().create(attempt.entity(), requestId)
                    .map(SalesDocumentBuilder::created)
                    .onFailure().call(e -> release(attempt, e))
                    .onFailure(this::isTransport).transform(this::qboUnavailable)
                    .onFailure(QboFaultException.class).transform(e -> duplicateNumber(attempt, (QboFaultException) e))
                    .onFailure(QboException.class).invoke(e -> Log.warnf("QBO refused document %s: %s",
                            attempt.idempotencyKey(), e.getMessage()))
                    .invoke(this::haltWhenTesting)
                    .chain(created -> complete(attempt, created));
        });
    }

    private Uni<DocumentResult> complete(Attempt attempt, CreatedDocument created) {
        return ledger.complete(attempt.idempotencyKey(), created.id(), created.docNumber(), created.total())
                .chain(completed -> {
                    if (!completed) {
                        // A parallel attempt (after our lease expired) recorded the same QBO document.
                        return ledger.find(attempt.idempotencyKey()).map(DocumentResult::replayOf);
                    }
                    Log.infof("Document %s created as QBO %s %s (number %s)", attempt.idempotencyKey(),
                            attempt.document().type(), created.id(), created.docNumber());
                    return Uni.createFrom().item(new DocumentResult(attempt.idempotencyKey(), created.id(),
                            created.docNumber(), attempt.document().type(), created.total(),
                            attempt.document().customerId(), false));
                });
    }

    /**
     * The document an earlier attempt of this key created, found by its exact PrivateNote marker among the
     * customer's documents of the type and date (PrivateNote itself is not filterable in QBO queries), or null.
     */
    private Uni<CreatedDocument> findEarlier(Attempt attempt) {
        NewDocument document = attempt.document();
        String marker = PrivateNoteMarker.of(document.source());
        Class<? extends QboEntity> type = SalesDocumentBuilder.entityOf(document.type());
        QboQuery query = QboQuery.selectFrom(type).whereEquals("CustomerRef", document.customerId());
        // Without a requested date QBO used its own (company time zone): look from the day before the first attempt.
        query = document.txnDate() != null ? query.where("TxnDate", QboQuery.Op.EQ, document.txnDate())
                : query.where("TxnDate", QboQuery.Op.GE, attempt.firstAttemptDate().minusDays(1));
        return attempt.company().queryAll(type, query)
                .map(found -> {
                    List<CreatedDocument> matches = new ArrayList<>();
                    for (QboEntity entity : found) {
                        CreatedDocument candidate = SalesDocumentBuilder.created(entity);
                        if (marker.equals(candidate.privateNote())) {
                            matches.add(candidate);
                        }
                    }
                    if (matches.size() > 1) {
                        Log.warnf("Document %s: %d QBO documents carry its marker; adopting the oldest",
                                attempt.idempotencyKey(), matches.size());
                    }
                    return matches.stream().min(Comparator.comparing(DocumentService::numericId)).orElse(null);
                })
                .onFailure(this::isTransport).transform(this::qboUnavailable)
                .onFailure().call(e -> release(attempt, e));
    }

    private Uni<Void> release(Attempt attempt, Throwable failure) {
        return ledger.release(attempt.idempotencyKey(), errorCode(failure))
                .onFailure().invoke(releaseFailure -> Log.warnf(
                        "Could not release document %s after a failed QBO call: %s",
                        attempt.idempotencyKey(), releaseFailure.getMessage()))
                .onFailure().recoverWithNull();
    }

    /**
     * Test hook (README, "Crash recovery"): ends the process between QBO's answer and our commit when
     * {@code ledgerbridge.documents.halt-after-qbo-write} is true; inert otherwise.
     */
    private void haltWhenTesting(CreatedDocument created) {
        if (config.haltAfterQboWrite()) {
            Log.warnf("halt-after-qbo-write is set: halting after QBO created %s, before the commit", created.id());
            Runtime.getRuntime().halt(137);
        }
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
                            return write(attempt, true);
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

    /** Terms only on invoices (R2), the expiry only on estimates, receipt accounts only on sales receipts. */
    private static void requireApplicableFields(NewDocument document) {
        String kind = switch (document.type()) {
            case ESTIMATE -> "an estimate";
            case SALES_RECEIPT -> "a sales receipt";
            default -> "an invoice";
        };
        if (document.termName() != null && document.type() != DocumentType.INVOICE) {
            throw new DocumentRefusedException(DocumentRefusedException.FIELD_NOT_APPLICABLE,
                    "Payment terms apply to invoices only; remove the term \"" + document.termName()
                            + "\" to create " + kind + ".");
        }
        if (document.expirationDate() != null && document.type() != DocumentType.ESTIMATE) {
            throw new DocumentRefusedException(DocumentRefusedException.FIELD_NOT_APPLICABLE,
                    "An expiration date applies to estimates only; remove it to create " + kind + ".");
        }
        if ((document.depositAccountId() != null || document.paymentMethodId() != null)
                && document.type() != DocumentType.SALES_RECEIPT) {
            throw new DocumentRefusedException(DocumentRefusedException.FIELD_NOT_APPLICABLE,
                    "A deposit account and payment method apply to sales receipts only; remove them to create "
                            + kind + ".");
        }
    }

    /** The request's deposit account and payment method, else the company's settings; refused when either lacks. */
    private static ReceiptAccounts receiptAccounts(NewDocument document, EffectiveSettings effective) {
        String account = document.depositAccountId() != null ? document.depositAccountId() : effective.depositAccountId();
        String method = document.paymentMethodId() != null ? document.paymentMethodId() : effective.paymentMethodId();
        if (account == null || method == null) {
            List<String> missing = new ArrayList<>();
            if (account == null) {
                missing.add("deposit account");
            }
            if (method == null) {
                missing.add("payment method");
            }
            throw new DocumentRefusedException(DocumentRefusedException.SALES_RECEIPT_NOT_CONFIGURED,
                    "Sales receipts for QuickBooks company " + document.realmId() + " need a "
                            + String.join(" and a ", missing)
                            + "; set them in LedgerBridge's document settings for the company.");
        }
        return new ReceiptAccounts(account, method);
    }

    /** QBO 6140 (duplicate DocNumber while the company numbers its own documents) becomes a clear refusal. */
    private static Throwable duplicateNumber(Attempt attempt, QboFaultException fault) {
        if (!fault.hasCode("6140")) {
            return fault;
        }
        String number = attempt.docNumber();
        Log.infof("Document %s refused: QBO already holds a %s numbered %s", attempt.idempotencyKey(),
                attempt.document().type(), number);
        return new DocumentRefusedException(DocumentRefusedException.DUPLICATE_DOC_NUMBER,
                "QuickBooks already has " + article(attempt.document().type()) + " numbered \"" + number
                        + "\". Custom transaction numbers are on for this company, so LedgerBridge numbers documents"
                        + " with its pattern; change the pattern in the document settings, or renumber the existing"
                        + " document in QuickBooks, and try again.");
    }

    private static String article(DocumentType type) {
        return switch (type) {
            case ESTIMATE -> "an estimate";
            case SALES_RECEIPT -> "a sales receipt";
            default -> "an invoice";
        };
    }

    private static long numericId(CreatedDocument document) {
        try {
            return Long.parseLong(document.id());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
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

    private record Attempt(String idempotencyKey, QboCompany company, QboEntity entity, NewDocument document,
            LocalDate firstAttemptDate) {

        String docNumber() {
            return SalesDocumentBuilder.created(entity).docNumber();
        }
    }
}
