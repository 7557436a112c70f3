package dev.ledgerbridge.catalog.service;

import dev.ledgerbridge.catalog.CatalogSettings;
import dev.ledgerbridge.catalog.CatalogSettingsRefusal;
import dev.ledgerbridge.catalog.repository.CatalogSettingsRepository;
import dev.ledgerbridge.quickbooks.QuickBooksClient;
import dev.ledgerbridge.quickbooks.model.Account;
import dev.ledgerbridge.quickbooks.model.Item;
import dev.ledgerbridge.quickbooks.query.QboQuery;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Reads and saves a company's catalog settings (R12), checking the income account against the company's QBO
 * accounts: it must exist, be active and be of type Income, because created items post their sales to it.
 */
@ApplicationScoped
public class CatalogSettingsService {

    /** The item types "Create missing products" may create: sale items without inventory tracking. */
    static final Set<String> ITEM_TYPES = Set.of(Item.TYPE_SERVICE, Item.TYPE_NON_INVENTORY);
    private static final String INCOME = "Income";

    private final CatalogSettingsRepository settings;
    private final QuickBooksClient qbo;

    /** CDI constructor. */
    public CatalogSettingsService(CatalogSettingsRepository settings, QuickBooksClient qbo) {
        this.settings = settings;
        this.qbo = qbo;
    }

    /** The saved settings, or null. */
    public Uni<CatalogSettings> find(String realmId) {
        return settings.find(realmId);
    }

    /** Validates (one QBO account query) and saves; fails with {@link CatalogSettingsRefusal} when invalid. */
    public Uni<CatalogSettings> save(String realmId, String itemType, String incomeAccountId) {
        if (!ITEM_TYPES.contains(itemType)) {
            return Uni.createFrom().failure(new CatalogSettingsRefusal("itemType must be Service or NonInventory"
                    + " (QuickBooks inventory items need quantities LedgerBridge does not know)."));
        }
        QboQuery query = incomeAccountQuery(incomeAccountId);
        return qbo.company(realmId).queryAll(Account.class, query).chain(accounts -> {
            Account account = accounts.stream().filter(a -> incomeAccountId.equals(a.id())).findFirst().orElse(null);
            String problem = incomeAccountProblem(realmId, incomeAccountId, account);
            if (problem != null) {
                throw new CatalogSettingsRefusal(problem);
            }
            Log.infof("catalog settings of realm %s: %s items into income account %s", realmId, itemType,
                    incomeAccountId);
            return settings.save(new CatalogSettings(realmId, itemType, incomeAccountId, account.name()));
        });
    }

    /** The account query {@link #incomeAccountProblem} needs: the id, active or not. */
    static QboQuery incomeAccountQuery(String incomeAccountId) {
        return QboQuery.selectFrom(Account.class).whereEquals("Id", incomeAccountId)
                .whereIn("Active", java.util.List.of(true, false));
    }

    /**
     * Why {@code account} (the QBO account with id {@code incomeAccountId}, or null when QBO has none) cannot take
     * the sales of created items, or null when it can: it must exist, be active and be of type Income.
     */
    static String incomeAccountProblem(String realmId, String incomeAccountId, Account account) {
        if (account == null) {
            return "QuickBooks company " + realmId + " has no account with id " + incomeAccountId + ".";
        }
        if (Boolean.FALSE.equals(account.active())) {
            return "Account " + incomeAccountId + " (" + account.name() + ") is inactive in QuickBooks.";
        }
        if (!INCOME.equals(account.accountType())) {
            return "Account " + incomeAccountId + " (" + account.name() + ") is of type " + account.accountType()
                    + "; new products need an account of type Income.";
        }
        return null;
    }
}
