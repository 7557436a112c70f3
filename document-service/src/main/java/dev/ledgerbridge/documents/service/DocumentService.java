package dev.ledgerbridge.documents.service;

import dev.ledgerbridge.documents.Document;
import dev.ledgerbridge.documents.DocumentRefusedException;
import dev.ledgerbridge.documents.DocumentResult;
import dev.ledgerbridge.documents.DocumentType;
import dev.ledgerbridge.documents.NewDocument;
import dev.ledgerbridge.documents.UpstreamUnavailableException;
import dev.ledgerbridge.documents.config.DocumentsConfig;
import dev.ledgerbridge.documents.mapping.PaymentDocumentBuilder;
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
import dev.ledgerbridge.quickbooks.model.Payment;
import dev.ledgerbridge.quickbooks.model.QboEntity;
import dev.ledgerbridge.quickbooks.model.Term;
import dev.ledgerbridge.quickbooks.query.QboQuery;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Creates QBO invoices, estimates, sales receipts, paid invoices, refund receipts and fee expenses exactly once per
 * idempotency key (R16, architecture invariant 1).
 * <p>The row is committed PENDING before the QBO write and CREATED after it; the QBO {@code requestid} is derived
 * from the key, so any later attempt for a PENDING row (our retry, a HubSpot retry, recovery after a crash) sends
 * the same id and QBO replays instead of writing a second document. Before such a later attempt writes, it looks
 * for a document carrying the key's PrivateNote marker and adopts it, for the case that QBO no longer replays the
 * requestid. Only one attempt per key calls QBO at a time: the row carries a lease, and a concurrent request waits
 * for the row to become CREATED instead of sending a second in-flight request with the same id (how QBO treats that
 * is not documented: it may answer error 600).
 * <p>A paid invoice is two writes under one key: the invoice (requestid of the key), committed on the still PENDING
 * row, then the Payment applied to it (requestid of the key and {@code payment}), committed as CREATED. A later
 * attempt resumes after the last committed step, and looks for the Payment by its marker before writing it when the
 * invoice was committed by an earlier attempt.
 */
@ApplicationScoped
public class DocumentService {

    private final DocumentLedger ledger;
    private final QuickBooksClient quickBooks;
    private final PaymentTermResolver terms;
    private final DocumentNumbering numbering;
    private final DocumentSettingsService settings;
    private final PaymentAccountResolver accounts;
    private final SalesDocumentBuilder builder;
    private final PaymentDocumentBuilder paymentBuilder;
    private final DocumentsConfig config;
    private final Vertx vertx;

    DocumentService(DocumentLedger ledger, QuickBooksClient quickBooks, PaymentTermResolver terms,
            DocumentNumbering numbering, DocumentSettingsService settings, PaymentAccountResolver accounts,
            SalesDocumentBuilder builder, PaymentDocumentBuilder paymentBuilder, DocumentsConfig config, Vertx vertx) {
        this.ledger = ledger;
        this.quickBooks = quickBooks;
        this.terms = terms;
        this.numbering = numbering;
        this.settings = settings;
        this.accounts = accounts;
        this.builder = builder;
        this.paymentBuilder = paymentBuilder;
        this.config = config;
        this.vertx = vertx;
    }

    /**
     * Creates the document, or returns the one created earlier for the same key ({@code replayed = true}, no QBO
     * call). {@code correlationId} is passed on to QBO; when null the HubSpot callbackId is used.
     */
    public Uni<DocumentResult> create(String idempotencyKey, NewDocument document, String correlationId) {
        try {
            requireApplicableFields(document);
        } catch (DocumentRefusedException e) {
            return Uni.createFrom().failure(e);
        }
        QboCompany company = quickBooks.company(document.realmId())
                .withCorrelationId(correlationId == null ? document.source().callbackId() : correlationId);
        return ledger.find(idempotencyKey).chain(existing -> {
            NewDocument target = document;
            if (existing != null) {
                requireSameTarget(existing, document);
                if (existing.isCreated()) {
                    Log.infof("Document %s already created as QBO %s %s; replaying", idempotencyKey, existing.type,
                            existing.qboId);
                    return Uni.createFrom().item(DocumentResult.replayOf(existing));
                }
                // Every attempt writes and looks for the marker of the execution that first claimed the key.
                target = withSourceOf(existing, document);
            }
            // The day the first attempt started bounds the marker search when the request names no TxnDate.
            LocalDate firstAttempt = existing != null && existing.createdAt != null
                    ? existing.createdAt.atZoneSameInstant(ZoneOffset.UTC).toLocalDate() : LocalDate.now(ZoneOffset.UTC);
            NewDocument drafted = target;
            return draft(company, drafted).chain(entity -> {
                Attempt attempt = new Attempt(idempotencyKey, company, entity, drafted, firstAttempt);
                if (existing == null) {
                    return ledger.recordPending(pendingRow(idempotencyKey, drafted))
                            .chain(inserted -> inserted ? write(attempt, null) : awaitOrTakeOver(attempt, deadline()));
                }
                return ledger.claim(idempotencyKey).chain(claimed -> claimed ? resume(attempt)
                        : awaitOrTakeOver(attempt, deadline()));
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

    /**
     * The QBO entity to write first: lines checked first (an invalid line costs no read), then term, settings,
     * number; for a fee expense the paying account (its type decides the PaymentType).
     */
    private Uni<QboEntity> draft(QboCompany company, NewDocument document) {
        if (document.type() == DocumentType.FEE_EXPENSE) {
            return accounts.resolve(company, document.expense().paymentAccountId())
                    .onFailure(this::isTransport).transform(this::qboUnavailable)
                    .map(account -> paymentBuilder.feeExpense(document, account));
        }
        return prepare(company, document).map(DocumentPreview::entity);
    }

    /** {@link #draft} of a sales form with what went into the entity: the resolved term, the number, the receipt accounts. */
    private Uni<DocumentPreview> prepare(QboCompany company, NewDocument document) {
        builder.checkLines(document);
        if (document.type() == DocumentType.PAID_INVOICE) {
            PaymentDocumentBuilder.requireWithinInvoice(document.payment().amount(), linesTotal(document));
        }
        Uni<Term> term = document.termName() == null
                ? Uni.createFrom().nullItem()
                : terms.resolve(company, document.termName()).onFailure(this::isTransport).transform(this::qboUnavailable);
        return term.chain(resolved -> settings.find(document.realmId()).chain(effective -> {
            ReceiptAccounts receipt = switch (document.type()) {
                case SALES_RECEIPT -> receiptAccounts(document, effective);
                case REFUND_RECEIPT -> new ReceiptAccounts(document.depositAccountId(), document.paymentMethodId());
                default -> null;
            };
            return numbering.docNumber(company, document, effective.docNumberPattern())
                    .onFailure(this::isTransport).transform(this::qboUnavailable)
                    .map(number -> new DocumentPreview(document, builder.build(document, resolved, number, receipt),
                            resolved, number, receipt));
        }));
    }

    /** A claimed retry: re-read the row for the steps earlier attempts committed, then write what is missing. */
    private Uni<DocumentResult> resume(Attempt attempt) {
        return ledger.find(attempt.idempotencyKey()).chain(row -> {
            if (row == null) {
                return Uni.createFrom().failure(new IllegalStateException(
                        "document " + attempt.idempotencyKey() + " vanished after its claim"));
            }
            return write(attempt.alignedWith(row), row);
        });
    }

    /**
     * Writes the document. {@code earlier}: the claimed row of a retry (null on a first attempt); an earlier attempt
     * may have reached QBO, so first look for its document by the PrivateNote marker and adopt it when found. A paid
     * invoice resumes after the invoice when the row already holds it.
     */
    private Uni<DocumentResult> write(Attempt attempt, Document earlier) {
        if (attempt.document().type() != DocumentType.PAID_INVOICE) {
            return writeStep(attempt, attempt.entity(), RequestIds.derive(attempt.idempotencyKey()), earlier != null)
                    .chain(created -> complete(attempt, created, null));
        }
        boolean invoiceCommitted = earlier != null && earlier.qboId != null;
        Uni<CreatedDocument> invoice = invoiceCommitted
                ? Uni.createFrom().item(new CreatedDocument(earlier.qboId, earlier.docNumber, earlier.totalAmount, null,
                        null))
                : writeStep(attempt, attempt.entity(), RequestIds.derive(attempt.idempotencyKey()), earlier != null)
                        .chain(created -> ledger.recordFirstStep(attempt.idempotencyKey(), created.id(),
                                created.docNumber(), created.total()).map(recorded -> recorded ? created : null));
        return invoice.chain(created -> {
            if (created == null) {
                // The row is no longer PENDING: a parallel attempt (after our lease ran out) finished the document.
                return ledger.find(attempt.idempotencyKey()).map(DocumentResult::replayOf);
            }
            Payment payment;
            try {
                payment = paymentBuilder.payment(attempt.document(), created.id(), created.total());
            } catch (DocumentRefusedException e) {
                return release(attempt, e).chain(() -> Uni.createFrom().failure(e));
            }
            Log.infof("Document %s: invoice %s %s; applying the payment", attempt.idempotencyKey(), created.id(),
                    invoiceCommitted ? "committed by an earlier attempt" : "committed");
            return writeStep(attempt, payment, paymentRequestId(attempt.idempotencyKey()), invoiceCommitted)
                    .chain(paid -> complete(attempt, created, paid.id()));
        });
    }

    /**
     * One QBO write with its requestid; {@code retry}: first look for the entity an earlier attempt wrote (by the
     * marker) and adopt it. A failure releases the claim; QBO's answer is followed by the test hook.
     */
    private Uni<CreatedDocument> writeStep(Attempt attempt, QboEntity entity, String requestId, boolean retry) {
        Uni<CreatedDocument> earlier = retry ? findEarlier(attempt, entity) : Uni.createFrom().nullItem();
        return earlier.chain(found -> {
            if (found != null) {
                Log.infof("Document %s: QBO %s %s was already created by an earlier attempt; adopting it",
                        attempt.idempotencyKey(), entity.getClass().getSimpleName(), found.id());
                return Uni.createFrom().item(found);
            }
            return attempt.company().create(entity, requestId)
                    .map(SalesDocumentBuilder::created)
                    .onFailure().call(e -> release(attempt, e))
                    .onFailure(this::isTransport).transform(this::qboUnavailable)
                    .onFailure(QboFaultException.class).transform(e -> duplicateNumber(attempt, (QboFaultException) e))
                    .onFailure(QboException.class).invoke(e -> Log.warnf("QBO refused document %s: %s",
                            attempt.idempotencyKey(), e.getMessage()))
                    .invoke(this::haltWhenTesting);
        });
    }

    private Uni<DocumentResult> complete(Attempt attempt, CreatedDocument created, String paymentId) {
        return ledger.complete(attempt.idempotencyKey(), created.id(), created.docNumber(), created.total(), paymentId)
                .chain(completed -> {
                    if (!completed) {
                        // A parallel attempt (after our lease expired) recorded the same QBO document.
                        return ledger.find(attempt.idempotencyKey()).map(DocumentResult::replayOf);
                    }
                    Log.infof("Document %s created as QBO %s %s (number %s%s)", attempt.idempotencyKey(),
                            attempt.document().type(), created.id(), created.docNumber(),
                            paymentId == null ? "" : ", payment " + paymentId);
                    return Uni.createFrom().item(new DocumentResult(attempt.idempotencyKey(), created.id(),
                            created.docNumber(), attempt.document().type(), created.total(),
                            attempt.document().customerId(), paymentId, false));
                });
    }

    /**
     * The entity an earlier attempt of this key created, found by its exact PrivateNote marker among the entities of
     * the type, customer and date (PrivateNote itself is not filterable in QBO queries), or null. A fee expense's
     * Purchase has no customer: its search is by date only.
     */
    private Uni<CreatedDocument> findEarlier(Attempt attempt, QboEntity entity) {
        NewDocument document = attempt.document();
        String marker = PrivateNoteMarker.of(document.source());
        Class<? extends QboEntity> type = entity.getClass();
        boolean payment = entity instanceof Payment;
        LocalDate date = payment ? PaymentDocumentBuilder.paymentDate(document) : document.txnDate();
        QboQuery query = QboQuery.selectFrom(type);
        if (document.customerId() != null) {
            query = query.whereEquals("CustomerRef", document.customerId());
        }
        // Without a requested date QBO used its own (company time zone): look from the day before the first attempt.
        query = date != null ? query.where("TxnDate", QboQuery.Op.EQ, date)
                : query.where("TxnDate", QboQuery.Op.GE, attempt.firstAttemptDate().minusDays(1));
        return attempt.company().queryAll(type, query)
                .map(found -> {
                    List<CreatedDocument> matches = new ArrayList<>();
                    for (QboEntity candidateEntity : found) {
                        CreatedDocument candidate = SalesDocumentBuilder.created(candidateEntity);
                        if (marker.equals(candidate.privateNote())) {
                            matches.add(candidate);
                        }
                    }
                    if (matches.size() > 1) {
                        Log.warnf("Document %s: %d QBO %s entities carry its marker; adopting the oldest",
                                attempt.idempotencyKey(), matches.size(), type.getSimpleName());
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
                            return resume(attempt);
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

    /**
     * Terms only on invoices (R2, also the invoice of a paid invoice), the expiry only on estimates, a deposit account
     * and payment method only on sales and refund receipts.
     */
    private static void requireApplicableFields(NewDocument document) {
        String kind = article(document.type());
        DocumentType type = document.type();
        if (document.termName() != null && !type.isInvoice()) {
            throw new DocumentRefusedException(DocumentRefusedException.FIELD_NOT_APPLICABLE,
                    "Payment terms apply to invoices only; remove the term \"" + document.termName()
                            + "\" to create " + kind + ".");
        }
        if (document.expirationDate() != null && type != DocumentType.ESTIMATE) {
            throw new DocumentRefusedException(DocumentRefusedException.FIELD_NOT_APPLICABLE,
                    "An expiration date applies to estimates only; remove it to create " + kind + ".");
        }
        if ((document.depositAccountId() != null || document.paymentMethodId() != null)
                && type != DocumentType.SALES_RECEIPT && type != DocumentType.REFUND_RECEIPT) {
            throw new DocumentRefusedException(DocumentRefusedException.FIELD_NOT_APPLICABLE,
                    "A deposit account and payment method apply to sales and refund receipts only"
                            + (type == DocumentType.PAID_INVOICE ? " (a paid invoice takes them in its payment)" : "")
                            + "; remove them to create " + kind + ".");
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
        // The number of a paid invoice is its invoice's.
        String kind = attempt.document().type() == DocumentType.PAID_INVOICE ? article(DocumentType.INVOICE)
                : article(attempt.document().type());
        return new DocumentRefusedException(DocumentRefusedException.DUPLICATE_DOC_NUMBER,
                "QuickBooks already has " + kind + " numbered \"" + number
                        + "\". Custom transaction numbers are on for this company, so LedgerBridge numbers documents"
                        + " with its pattern; change the pattern in the document settings, or renumber the existing"
                        + " document in QuickBooks, and try again.");
    }

    private static String article(DocumentType type) {
        return switch (type) {
            case INVOICE -> "an invoice";
            case ESTIMATE -> "an estimate";
            case SALES_RECEIPT -> "a sales receipt";
            case PAID_INVOICE -> "a paid invoice";
            case REFUND_RECEIPT -> "a refund receipt";
            case FEE_EXPENSE -> "a fee expense";
        };
    }

    /** The sum of the sales lines (what the invoice of a paid invoice will total, before any tax QBO adds). */
    private static BigDecimal linesTotal(NewDocument document) {
        return document.lines().stream().map(line -> line.quantity().multiply(line.unitPrice()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The requestid of a paid invoice's second write, its Payment. */
    static String paymentRequestId(String idempotencyKey) {
        return RequestIds.derive(idempotencyKey, "payment");
    }

    /** The document as the row's first attempt described its origin; unchanged for rows without one (before V2). */
    private static NewDocument withSourceOf(Document row, NewDocument document) {
        NewDocument.Source source = sourceOf(row);
        return source == null || source.equals(document.source()) ? document : document.withSource(source);
    }

    private static NewDocument.Source sourceOf(Document row) {
        if (row.portalId == null || row.sourceObjectType == null || row.sourceObjectId == null
                || row.callbackId == null) {
            return null;
        }
        return new NewDocument.Source(row.portalId, row.sourceObjectType, row.sourceObjectId, row.callbackId);
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
        if (failure instanceof DocumentRefusedException refusal) {
            return refusal.code();
        }
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

        /**
         * This attempt with the origin of the row's first attempt: when another execution inserted the row, its
         * marker is the one to write and to look for.
         */
        Attempt alignedWith(Document row) {
            NewDocument aligned = withSourceOf(row, document);
            if (aligned == document) {
                return this;
            }
            return new Attempt(idempotencyKey, company,
                    SalesDocumentBuilder.withPrivateNote(entity, PrivateNoteMarker.of(aligned.source())), aligned,
                    firstAttemptDate);
        }
    }
}
