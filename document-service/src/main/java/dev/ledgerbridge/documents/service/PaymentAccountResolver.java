package dev.ledgerbridge.documents.service;

import dev.ledgerbridge.documents.DocumentRefusedException;
import dev.ledgerbridge.documents.config.DocumentsConfig;
import dev.ledgerbridge.quickbooks.QboCompany;
import dev.ledgerbridge.quickbooks.model.Account;
import dev.ledgerbridge.quickbooks.query.QboQuery;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the account a fee expense is paid from, whose type decides the Purchase's PaymentType (Bank: Cash, Credit
 * Card: CreditCard). Cached per realm and account for {@code term-cache-ttl}, like payment terms: an account's type
 * rarely changes, and the steady state of fee expenses then reads nothing from QBO. A missing account is not cached.
 */
@ApplicationScoped
public class PaymentAccountResolver {

    private final Duration ttl;
    private final Map<String, CachedAccount> byRealmAndId = new ConcurrentHashMap<>();

    PaymentAccountResolver(DocumentsConfig config) {
        this.ttl = config.termCacheTtl();
    }

    /**
     * The account with the id, from the cache or one {@code select * from Account where Id = '...'} query.
     *
     * @throws DocumentRefusedException INVALID_PAYMENT_ACCOUNT when the company has no such account
     */
    public Uni<Account> resolve(QboCompany company, String accountId) {
        String cacheKey = company.realmId() + "/" + accountId;
        CachedAccount cached = byRealmAndId.get(cacheKey);
        if (cached != null && cached.expiresAtNanos() - System.nanoTime() > 0) {
            return Uni.createFrom().item(cached.account());
        }
        return company.query(Account.class, QboQuery.selectFrom(Account.class).whereEquals("Id", accountId))
                .map(page -> page.items().stream().filter(account -> accountId.equals(account.id())).findFirst()
                        .orElseThrow(() -> {
                            Log.infof("Realm %s has no account %s to pay a fee from", company.realmId(), accountId);
                            return new DocumentRefusedException(DocumentRefusedException.INVALID_PAYMENT_ACCOUNT,
                                    "QuickBooks has no account with id " + accountId
                                            + " to pay the fee from; choose a Bank or Credit Card account.");
                        }))
                .invoke(account -> byRealmAndId.put(cacheKey,
                        new CachedAccount(account, System.nanoTime() + ttl.toNanos())));
    }

    /** Forgets every cached account, so the next lookup asks QBO. */
    public void invalidateAll() {
        byRealmAndId.clear();
    }

    private record CachedAccount(Account account, long expiresAtNanos) {
    }
}
