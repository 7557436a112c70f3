package dev.ledgerbridge.gateway.service;

import dev.ledgerbridge.gateway.QuickBooksConnection;
import dev.ledgerbridge.gateway.client.QuickBooksListClient;
import dev.ledgerbridge.gateway.config.OptionsConfig;
import dev.ledgerbridge.quickbooks.QboFaultException;
import dev.ledgerbridge.quickbooks.model.Account;
import dev.ledgerbridge.quickbooks.model.Term;
import dev.ledgerbridge.quickbooks.model.Vendor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Answers HubSpot's options fetches for the action dropdowns: the connected US companies (R1, R23), and per chosen
 * company its terms (R2), accounts and vendors, paged and searchable. Never fails: a missing company choice or an
 * unreachable QBO is an empty (or stale) list with a notice, because HubSpot shows an error box for anything else.
 */
@ApplicationScoped
public class HubSpotOptions {

    private final QuickBooksConnections connections;
    private final QuickBooksListClient lists;
    private final QuickBooksListCache cache;
    private final OptionsConfig config;

    public HubSpotOptions(QuickBooksConnections connections, QuickBooksListClient lists, QuickBooksListCache cache,
            OptionsConfig config) {
        this.connections = connections;
        this.lists = lists;
        this.cache = cache;
        this.config = config;
    }

    /**
     * One page of the dropdown.
     *
     * @param realmId the action's current {@code quickbooks_company} value, null when none is chosen yet
     * @param query   HubSpot's search text ({@code fetchOptions.q}), null or blank for all
     * @param after   HubSpot's cursor ({@code fetchOptions.after}) from our previous page, null for the first
     */
    public Uni<OptionsPage> fetch(OptionKind kind, String realmId, String query, String after) {
        if (kind == OptionKind.COMPANIES) {
            return connections.list().map(all -> page(all.stream()
                    .filter(QuickBooksConnection::isUnitedStates)
                    .map(HubSpotOptions::company).toList(), query, after, null));
        }
        if (realmId == null || realmId.isBlank()) {
            return Uni.createFrom().item(new OptionsPage(List.of(), null,
                    "Choose the QuickBooks company first; this list shows that company's " + noun(kind) + "."));
        }
        return connections.findConnected(realmId).chain(company -> {
            if (company == null) {
                return Uni.createFrom().item(new OptionsPage(List.of(), null, "QuickBooks company " + realmId
                        + " is not connected to LedgerBridge. Connect it, or choose a connected company."));
            }
            if (!company.isUnitedStates()) {
                return Uni.createFrom().item(new OptionsPage(List.of(), null, "QuickBooks company "
                        + company.companyName() + " is not US-based; QuickBooks actions work only with US companies."));
            }
            return cache.get(realmId, kind.source(), () -> load(kind.source(), realmId)).map(lookup -> page(
                    lookup.entries().stream().filter(kind::accepts).toList(), query, after,
                    lookup.failure() == null ? null : unavailable(lookup, company)));
        });
    }

    private Uni<List<OptionEntry>> load(OptionKind.Source source, String realmId) {
        return switch (source) {
            case TERMS -> lists.activeTerms(realmId).map(terms -> terms.stream().map(HubSpotOptions::term).toList());
            case ACCOUNTS -> lists.activeAccounts(realmId)
                    .map(accounts -> accounts.stream().map(HubSpotOptions::account).toList());
            case VENDORS -> lists.activeVendors(realmId)
                    .map(vendors -> vendors.stream().map(HubSpotOptions::vendor).toList());
        };
    }

    /** Sorted by label, filtered by a case-insensitive "contains" on the label, then cut at the cursor. */
    private OptionsPage page(List<OptionEntry> entries, String query, String after, String notice) {
        String needle = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        List<OptionEntry> matching = entries.stream()
                .filter(e -> needle.isEmpty() || e.label().toLowerCase(Locale.ROOT).contains(needle))
                .sorted(Comparator.comparing((OptionEntry e) -> e.label().toLowerCase(Locale.ROOT))
                        .thenComparing(OptionEntry::value))
                .toList();
        int from = Math.min(Cursor.offset(after), matching.size());
        int to = Math.min(from + config.pageSize(), matching.size());
        return new OptionsPage(matching.subList(from, to), to < matching.size() ? Cursor.of(to) : null, notice);
    }

    private static String unavailable(QuickBooksListCache.Lookup lookup, QuickBooksConnection company) {
        Throwable failure = lookup.failure();
        String why = failure instanceof QboFaultException fault && fault.isThrottled()
                ? "QuickBooks is limiting requests for " + company.companyName() + " right now"
                : failure instanceof QboFaultException fault && (fault.isAuthentication() || fault.isAuthorization())
                        ? "QuickBooks refused LedgerBridge's access to " + company.companyName()
                                + " (the connection may need to be renewed)"
                        : "QuickBooks did not answer for " + company.companyName();
        return why + (lookup.entries().isEmpty() ? "; reopen this list in a minute."
                : "; this list may be a few minutes old.");
    }

    private static String noun(OptionKind kind) {
        return switch (kind) {
            case TERMS -> "payment terms";
            case VENDORS -> "vendors";
            default -> "accounts";
        };
    }

    private static OptionEntry company(QuickBooksConnection c) {
        String name = c.companyName() == null ? c.realmId() : c.companyName();
        return new OptionEntry(name + " (" + c.realmId() + ")", c.realmId(), "QuickBooks company " + c.realmId(), null);
    }

    // The action passes the term on by name (document-service looks it up as termName), so the value is the name.
    private static OptionEntry term(Term t) {
        String description = t.dueDays() == null ? null
                : t.dueDays() == 0 ? "Due on receipt" : "Due in " + t.dueDays() + " days";
        return new OptionEntry(t.name(), t.name(), description, null);
    }

    private static OptionEntry account(Account a) {
        String label = a.fullyQualifiedName() != null ? a.fullyQualifiedName() : a.name();
        String description = a.accountType() + (a.acctNum() == null ? "" : ", no. " + a.acctNum());
        return new OptionEntry(label, a.id(), description, a.accountType());
    }

    private static OptionEntry vendor(Vendor v) {
        String description = v.companyName() != null && !v.companyName().equals(v.displayName()) ? v.companyName()
                : v.primaryEmailAddr() == null ? null : v.primaryEmailAddr().address();
        return new OptionEntry(v.displayName(), v.id(), description, null);
    }

    /** The opaque {@code after} cursor: the offset in the filtered, sorted list, base64url-encoded. */
    static final class Cursor {

        private Cursor() {
        }

        static String of(int offset) {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("o:" + offset).getBytes(StandardCharsets.US_ASCII));
        }

        /** A cursor we did not issue (or none) starts at the top instead of failing the dropdown. */
        static int offset(String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return 0;
            }
            try {
                String decoded = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.US_ASCII);
                return decoded.startsWith("o:") ? Math.max(0, Integer.parseInt(decoded.substring(2))) : 0;
            } catch (IllegalArgumentException e) {
                return 0;
            }
        }
    }
}
