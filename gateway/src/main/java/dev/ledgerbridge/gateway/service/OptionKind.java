package dev.ledgerbridge.gateway.service;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** The dropdowns the gateway feeds, by the path segment of their {@code optionsUrl}, and the QBO list behind each. */
public enum OptionKind {

    COMPANIES("companies", null, Set.of()),
    TERMS("terms", Source.TERMS, Set.of()),
    DEPOSIT_ACCOUNTS("deposit-accounts", Source.ACCOUNTS, Set.of("Bank", "Other Current Asset")),
    EXPENSE_ACCOUNTS("expense-accounts", Source.ACCOUNTS, Set.of("Expense", "Other Expense", "Cost of Goods Sold")),
    INCOME_ACCOUNTS("income-accounts", Source.ACCOUNTS, Set.of("Income")),
    VENDORS("vendors", Source.VENDORS, Set.of());

    private final String path;
    private final Source source;
    private final Set<String> accountTypes;

    OptionKind(String path, Source source, Set<String> accountTypes) {
        this.path = path;
        this.source = source;
        this.accountTypes = accountTypes;
    }

    /** The kind served at {@code /hubspot/options/<path>}. */
    public static Optional<OptionKind> fromPath(String path) {
        return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
    }

    /** Path segment under {@code /hubspot/options/}. */
    public String path() {
        return path;
    }

    /** The QBO list read for this kind; null for the companies, which come from the gateway's own database. */
    public Source source() {
        return source;
    }

    /** Whether a cached entry of the source belongs in this dropdown (accounts are filtered by their type). */
    boolean accepts(OptionEntry entry) {
        return accountTypes.isEmpty() || accountTypes.contains(entry.category());
    }

    /** A QBO name list, read once per company per cache fill whatever the dropdown. */
    public enum Source {
        TERMS, ACCOUNTS, VENDORS
    }
}
