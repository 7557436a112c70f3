package dev.ledgerbridge.documents.service;

import dev.ledgerbridge.documents.DocumentRefusedException;
import dev.ledgerbridge.documents.DocumentSettings;
import dev.ledgerbridge.documents.UpstreamUnavailableException;
import dev.ledgerbridge.documents.config.DocumentsConfig;
import dev.ledgerbridge.documents.mapping.DocNumberPattern;
import dev.ledgerbridge.documents.repository.DocumentSettingsRepository;
import dev.ledgerbridge.quickbooks.QboCompany;
import dev.ledgerbridge.quickbooks.QboException;
import dev.ledgerbridge.quickbooks.QuickBooksClient;
import dev.ledgerbridge.quickbooks.model.Account;
import dev.ledgerbridge.quickbooks.model.PaymentMethod;
import dev.ledgerbridge.quickbooks.query.QboQuery;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Per-company document settings, checked against QBO when they are saved so that a wrong deposit account or payment
 * method is refused at configuration time, not at the first sales receipt.
 */
@ApplicationScoped
public class DocumentSettingsService {

    // Where QBO lets a sales receipt's money go (Intuit: DepositToAccountRef of a sales receipt).
    private static final Set<String> DEPOSIT_ACCOUNT_TYPES = Set.of("Bank", "Other Current Asset");

    private final DocumentSettingsRepository settings;
    private final QuickBooksClient quickBooks;
    private final DocumentsConfig config;
    private final DocumentNumbering numbering;

    DocumentSettingsService(DocumentSettingsRepository settings, QuickBooksClient quickBooks, DocumentsConfig config,
            DocumentNumbering numbering) {
        this.settings = settings;
        this.quickBooks = quickBooks;
        this.config = config;
        this.numbering = numbering;
    }

    /** The company's settings with the default pattern filled in; every other field null when never saved. */
    @WithSession
    public Uni<EffectiveSettings> find(String realmId) {
        return settings.findById(realmId).map(this::effective);
    }

    /**
     * Checks the settings against QBO (the account exists, is active and is Bank or Other Current Asset; the payment
     * method exists and is active; the pattern can produce numbers) and stores them; nothing is stored on a refusal.
     * A save also forgets the company's cached "custom transaction numbers" preference.
     */
    public Uni<EffectiveSettings> save(String realmId, String depositAccountId, String paymentMethodId,
            String docNumberPattern, String correlationId) {
        if (docNumberPattern != null) {
            List<String> problems = DocNumberPattern.problems(docNumberPattern);
            if (!problems.isEmpty()) {
                return Uni.createFrom().failure(new DocumentRefusedException(
                        DocumentRefusedException.INVALID_DOC_NUMBER_PATTERN,
                        "The document number pattern \"" + docNumberPattern + "\" cannot be used: "
                                + String.join("; ", problems) + "."));
            }
        }
        QboCompany company = correlationId == null ? quickBooks.company(realmId)
                : quickBooks.company(realmId).withCorrelationId(correlationId);
        return checkDepositAccount(company, depositAccountId)
                .chain(() -> checkPaymentMethod(company, paymentMethodId))
                .onFailure(DocumentSettingsService::isTransport).transform(DocumentSettingsService::qboUnavailable)
                .chain(() -> store(realmId, depositAccountId, paymentMethodId, docNumberPattern));
    }

    private Uni<EffectiveSettings> store(String realmId, String depositAccountId, String paymentMethodId, String pattern) {
        DocumentSettings row = new DocumentSettings();
        row.realmId = realmId;
        row.depositAccountId = depositAccountId;
        row.paymentMethodId = paymentMethodId;
        row.docNumberPattern = pattern;
        return Panache.withTransaction(() -> settings.upsert(row)).map(ignored -> {
            // Saving the settings is when custom numbers get configured: the next document reads the preference anew.
            numbering.forget(realmId);
            Log.infof("Document settings of realm %s saved: deposit account %s, payment method %s, pattern %s",
                    realmId, depositAccountId, paymentMethodId, pattern);
            return effective(row);
        });
    }

    private Uni<Void> checkDepositAccount(QboCompany company, String accountId) {
        if (accountId == null) {
            return Uni.createFrom().voidItem();
        }
        return company.query(Account.class, QboQuery.selectFrom(Account.class).whereEquals("Id", accountId))
                .map(page -> {
                    Account account = page.items().stream().filter(a -> accountId.equals(a.id())).findFirst()
                            .orElseThrow(() -> new DocumentRefusedException(
                                    DocumentRefusedException.INVALID_DEPOSIT_ACCOUNT,
                                    "QuickBooks has no active account with id " + accountId
                                            + " to deposit sales receipts to."));
                    if (!DEPOSIT_ACCOUNT_TYPES.contains(account.accountType())) {
                        throw new DocumentRefusedException(DocumentRefusedException.INVALID_DEPOSIT_ACCOUNT,
                                "QuickBooks account \"" + account.name() + "\" has type " + account.accountType()
                                        + "; sales receipts can only be deposited to a Bank or Other Current"
                                        + " Asset account.");
                    }
                    return null;
                })
                .replaceWithVoid();
    }

    private Uni<Void> checkPaymentMethod(QboCompany company, String methodId) {
        if (methodId == null) {
            return Uni.createFrom().voidItem();
        }
        return company.query(PaymentMethod.class, QboQuery.selectFrom(PaymentMethod.class).whereEquals("Id", methodId))
                .map(page -> {
                    if (page.items().stream().noneMatch(m -> methodId.equals(m.id()))) {
                        throw new DocumentRefusedException(DocumentRefusedException.UNKNOWN_PAYMENT_METHOD,
                                "QuickBooks has no active payment method with id " + methodId + ".");
                    }
                    return null;
                })
                .replaceWithVoid();
    }

    private EffectiveSettings effective(DocumentSettings row) {
        String pattern = row == null || row.docNumberPattern == null ? config.defaultDocNumberPattern()
                : row.docNumberPattern;
        return row == null ? new EffectiveSettings(null, null, pattern)
                : new EffectiveSettings(row.depositAccountId, row.paymentMethodId, pattern);
    }

    private static boolean isTransport(Throwable failure) {
        return !(failure instanceof QboException || failure instanceof DocumentRefusedException
                || failure instanceof UpstreamUnavailableException || failure instanceof IllegalArgumentException);
    }

    private static Throwable qboUnavailable(Throwable failure) {
        Log.warnf("QBO could not be reached: %s", failure.toString());
        return new UpstreamUnavailableException(UpstreamUnavailableException.QBO_UNAVAILABLE,
                "QuickBooks could not be reached; try again shortly.", Duration.ofSeconds(5), failure);
    }

    /**
     * The settings a document uses.
     *
     * @param depositAccountId sales receipt deposit account, or null when not configured
     * @param paymentMethodId  sales receipt payment method, or null when not configured
     * @param docNumberPattern the configured pattern, else the service default
     */
    public record EffectiveSettings(String depositAccountId, String paymentMethodId, String docNumberPattern) {
    }
}
