package dev.ledgerbridge.payments.service;

import dev.ledgerbridge.payments.BridgeUnavailableException;
import dev.ledgerbridge.payments.PaymentSettings;
import dev.ledgerbridge.payments.SettingsRefusedException;
import dev.ledgerbridge.payments.config.QuickBooksConfig;
import dev.ledgerbridge.payments.repository.PaymentSettingsRepository;
import dev.ledgerbridge.quickbooks.QboCompany;
import dev.ledgerbridge.quickbooks.QboException;
import dev.ledgerbridge.quickbooks.QboFaultException;
import dev.ledgerbridge.quickbooks.QuickBooksClient;
import dev.ledgerbridge.quickbooks.model.Account;
import dev.ledgerbridge.quickbooks.model.PaymentMethod;
import dev.ledgerbridge.quickbooks.model.Vendor;
import dev.ledgerbridge.quickbooks.query.QboQuery;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Per-company payment settings, checked against the company's QBO accounts, vendors and payment methods when saved,
 * so that a wrong account is refused at configuration time and not at the first payment. Reads QBO, never writes.
 */
@ApplicationScoped
public class PaymentSettingsService {

    /** Where money may be deposited to or refunded from (Intuit: DepositToAccountRef). */
    static final Set<String> DEPOSIT_TYPES = Set.of("Bank", "Other Current Asset");
    /** What a fee may be booked to. */
    static final Set<String> EXPENSE_TYPES = Set.of("Expense", "Other Expense", "Cost of Goods Sold");
    /** What a Purchase may be paid from (PaymentType Cash or CreditCard). */
    static final Set<String> PAYING_TYPES = Set.of("Bank", "Credit Card");

    private final PaymentSettingsRepository repository;
    private final QuickBooksClient quickBooks;
    private final QuickBooksConfig quickBooksConfig;

    PaymentSettingsService(PaymentSettingsRepository repository, QuickBooksClient quickBooks,
            QuickBooksConfig quickBooksConfig) {
        this.repository = repository;
        this.quickBooks = quickBooks;
        this.quickBooksConfig = quickBooksConfig;
    }

    /** The company's settings; every field null when it never saved any. */
    public Uni<PaymentSettings> find(String realmId) {
        return repository.find(realmId);
    }

    /**
     * Checks every set field against QBO (one query for the accounts, one for the vendor, one for the payment method)
     * and replaces the stored settings; nothing is stored on a refusal.
     */
    public Uni<PaymentSettings> save(String realmId, PaymentSettings settings, String correlationId) {
        QboCompany company = correlationId == null ? quickBooks.company(realmId)
                : quickBooks.company(realmId).withCorrelationId(correlationId);
        return checkAccounts(company, settings)
                .chain(() -> checkVendor(company, settings.feeVendorId()))
                .chain(() -> checkPaymentMethod(company, settings.paymentMethodId()))
                .onFailure(e -> !(e instanceof SettingsRefusedException || e instanceof BridgeUnavailableException))
                .transform(this::translate)
                .chain(() -> repository.replace(realmId, settings))
                .invoke(saved -> Log.infof("Payment settings of realm %s saved: %s", realmId, saved));
    }

    private Uni<Void> checkAccounts(QboCompany company, PaymentSettings settings) {
        List<AccountUse> uses = List.of(
                new AccountUse("depositAccountId", settings.depositAccountId(), DEPOSIT_TYPES, "receive deposits"),
                new AccountUse("feeExpenseAccountId", settings.feeExpenseAccountId(), EXPENSE_TYPES,
                        "book processing fees to"),
                new AccountUse("feePaymentAccountId", settings.feePaymentAccountId(), PAYING_TYPES,
                        "pay processing fees from"),
                new AccountUse("refundFromAccountId", settings.refundFromAccountId(), DEPOSIT_TYPES,
                        "pay refunds from"));
        Set<String> ids = uses.stream().map(AccountUse::accountId).filter(id -> id != null)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return company.queryAll(Account.class, QboQuery.selectFrom(Account.class).whereIn("Id", ids))
                .invoke(found -> {
                    Map<String, Account> byId = found.stream()
                            .collect(Collectors.toMap(Account::id, Function.identity(), (a, b) -> a));
                    for (AccountUse use : uses) {
                        use.check(byId);
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Void> checkVendor(QboCompany company, String vendorId) {
        if (vendorId == null) {
            return Uni.createFrom().voidItem();
        }
        // QBO's queries leave inactive list entities out; should one come back all the same, it is refused too.
        return company.query(Vendor.class, QboQuery.selectFrom(Vendor.class).whereEquals("Id", vendorId))
                .invoke(page -> {
                    Vendor vendor = page.items().stream().filter(v -> vendorId.equals(v.id())).findFirst()
                            .orElseThrow(() -> new SettingsRefusedException(SettingsRefusedException.VENDOR_NOT_FOUND,
                                    "feeVendorId", "QuickBooks has no active vendor with id " + vendorId
                                            + " to pay processing fees to (feeVendorId)."));
                    if (Boolean.FALSE.equals(vendor.active())) {
                        throw new SettingsRefusedException(SettingsRefusedException.VENDOR_INACTIVE, "feeVendorId",
                                "QuickBooks vendor \"" + vendor.displayName() + "\" (id " + vendorId
                                        + ") is inactive; make it active or choose another vendor (feeVendorId).");
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Void> checkPaymentMethod(QboCompany company, String methodId) {
        if (methodId == null) {
            return Uni.createFrom().voidItem();
        }
        return company.query(PaymentMethod.class, QboQuery.selectFrom(PaymentMethod.class).whereEquals("Id", methodId))
                .invoke(page -> {
                    if (page.items().stream().noneMatch(m -> methodId.equals(m.id()))) {
                        throw new SettingsRefusedException(SettingsRefusedException.PAYMENT_METHOD_NOT_FOUND,
                                "paymentMethodId", "QuickBooks has no active payment method with id " + methodId
                                        + " (paymentMethodId).");
                    }
                })
                .replaceWithVoid();
    }

    private Throwable translate(Throwable failure) {
        if (failure instanceof QboFaultException fault && fault.isThrottled()) {
            return new BridgeUnavailableException(BridgeUnavailableException.QBO_THROTTLED, 503,
                    "QuickBooks is limiting requests for this company; try again later.",
                    quickBooksConfig.throttleBackoff(), failure);
        }
        if (failure instanceof QboException qbo && qbo.httpStatus() >= 400 && qbo.httpStatus() < 500
                && qbo.httpStatus() != 429) {
            // A query QBO refuses is our fault, not the company's; say so instead of blaming the settings.
            Log.errorf("QBO refused a settings query: %s", failure.getMessage());
        } else {
            Log.warnf("QBO could not be reached for the settings check: %s", failure.toString());
        }
        return new BridgeUnavailableException(BridgeUnavailableException.QBO_UNAVAILABLE, 503,
                "QuickBooks could not be reached to check the settings; try again shortly.", Duration.ofSeconds(5),
                failure);
    }

    /** One account setting: its field, the id set (or null), the types it allows and what it is for. */
    private record AccountUse(String field, String accountId, Set<String> allowedTypes, String purpose) {

        void check(Map<String, Account> accounts) {
            if (accountId == null) {
                return;
            }
            Account account = accounts.get(accountId);
            if (account == null || Boolean.FALSE.equals(account.active())) {
                throw new SettingsRefusedException(SettingsRefusedException.ACCOUNT_NOT_FOUND, field,
                        "QuickBooks has no active account with id " + accountId + " (" + field + ").");
            }
            if (!allowedTypes.contains(account.accountType())) {
                throw new SettingsRefusedException(SettingsRefusedException.ACCOUNT_TYPE_NOT_ALLOWED, field,
                        "QuickBooks account \"" + account.name() + "\" (id " + accountId + ") has type "
                                + account.accountType() + "; " + field + " must be an account to " + purpose
                                + " of type " + String.join(" or ", allowedTypes.stream().sorted().toList()) + ".");
            }
        }
    }
}
