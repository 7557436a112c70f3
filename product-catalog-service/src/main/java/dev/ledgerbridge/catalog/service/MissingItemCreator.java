package dev.ledgerbridge.catalog.service;

import dev.ledgerbridge.catalog.CatalogItem;
import dev.ledgerbridge.catalog.CatalogSettings;
import dev.ledgerbridge.catalog.ItemLookup.LookupScope;
import dev.ledgerbridge.catalog.LineItem;
import dev.ledgerbridge.catalog.LineItemRefusal;
import dev.ledgerbridge.catalog.MatchKey;
import dev.ledgerbridge.catalog.client.GatewayAccessTokenProvider;
import dev.ledgerbridge.catalog.repository.CatalogItemRepository;
import dev.ledgerbridge.catalog.repository.CatalogSettingsRepository;
import dev.ledgerbridge.quickbooks.QboCompany;
import dev.ledgerbridge.quickbooks.QboException;
import dev.ledgerbridge.quickbooks.QboFaultException;
import dev.ledgerbridge.quickbooks.QuickBooksClient;
import dev.ledgerbridge.quickbooks.RequestIds;
import dev.ledgerbridge.quickbooks.model.Account;
import dev.ledgerbridge.quickbooks.model.Item;
import dev.ledgerbridge.quickbooks.model.Ref;
import dev.ledgerbridge.quickbooks.query.QboQuery;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Creates the QBO items of line items nothing matched, when the action asks for it (R12): type and income account
 * from the company's catalog settings (the income account from the action's input when it names one), name, SKU, unit price and description from the line item. Two executions
 * needing the same item create it once: each creation runs under a PostgreSQL advisory lock on (realm, name key)
 * and first looks in the mirror, where the other execution put the item before releasing the lock; and a 6240
 * (duplicate name) from QBO means someone else created it, so the item is read back by name and used.
 */
@ApplicationScoped
public class MissingItemCreator {

    /** QBO's maximum length of an item Name and Sku. */
    static final int MAX_NAME_LENGTH = 100;
    private static final int MAX_DESCRIPTION_LENGTH = 4000;

    private final Pool pool;
    private final QuickBooksClient qbo;
    private final GatewayAccessTokenProvider tokens;
    private final CatalogItemRepository items;
    private final CatalogSettingsRepository settings;

    /** CDI constructor. */
    public MissingItemCreator(Pool pool, QuickBooksClient qbo, GatewayAccessTokenProvider tokens,
            CatalogItemRepository items, CatalogSettingsRepository settings) {
        this.pool = pool;
        this.qbo = qbo;
        this.tokens = tokens;
        this.items = items;
        this.settings = settings;
    }

    /**
     * The item of every name key among {@code unmatched} (lines with the same normalised name share one item),
     * created or found; refuses before any QBO write when the company has no settings or a line cannot be an item.
     * {@code incomeAccountId}, when not null, replaces the settings' income account (the action's input).
     */
    public Uni<Map<String, CatalogItem>> create(LookupScope scope, List<LineItem> unmatched, String incomeAccountId) {
        return plan(scope, unmatched, incomeAccountId).chain(found -> {
            Map<String, LineItem> byKey = byNameKey(unmatched);
            Map<String, CatalogItem> created = new LinkedHashMap<>();
            // One after the other: each holds a lock and a QBO write; in parallel they would only contend.
            return Multi.createFrom().iterable(byKey.entrySet())
                    .onItem().transformToUniAndConcatenate(entry -> createOne(scope, found, entry.getKey(),
                            entry.getValue()).invoke(item -> created.put(entry.getKey(), item)))
                    .collect().last()
                    .replaceWith(created);
        });
    }

    /** As {@link #create(LookupScope, List, String)} with the company's catalog settings. */
    public Uni<Map<String, CatalogItem>> create(LookupScope scope, List<LineItem> unmatched) {
        return create(scope, unmatched, null);
    }

    /**
     * What {@link #create} would create the items with, writing nothing: the item type and income account (the
     * action's {@code incomeAccountId} when not null, checked against QBO like the settings; else the company's
     * settings). The same refusals as create: ITEM_NOT_CREATABLE, CATALOG_SETTINGS_MISSING, INVALID_INCOME_ACCOUNT.
     */
    public Uni<CatalogSettings> plan(LookupScope scope, List<LineItem> unmatched, String incomeAccountId) {
        List<String> reasons = new ArrayList<>();
        List<LineItem> refused = new ArrayList<>();
        for (LineItem line : unmatched) {
            String reason = notCreatable(line);
            if (reason != null) {
                refused.add(line);
                reasons.add(reason);
            }
        }
        if (!refused.isEmpty()) {
            return Uni.createFrom().failure(LineItemRefusal.notCreatable(refused, reasons));
        }
        return settings.find(scope.realmId()).chain(found -> {
            if (incomeAccountId != null) {
                return overridden(scope, found, incomeAccountId);
            }
            if (found == null) {
                return Uni.createFrom().failure(LineItemRefusal.settingsMissing(scope.realmId(), unmatched));
            }
            return Uni.createFrom().item(found);
        });
    }

    /** The settings with the action's income account, checked like the settings' (one QBO account query). */
    private Uni<CatalogSettings> overridden(LookupScope scope, CatalogSettings found, String incomeAccountId) {
        String realmId = scope.realmId();
        QboCompany target = scope.correlationId() == null ? qbo.company(realmId)
                : qbo.company(realmId).withCorrelationId(scope.correlationId());
        return target.queryAll(Account.class, CatalogSettingsService.incomeAccountQuery(incomeAccountId))
                .onFailure(QboException.class).invoke(failure -> {
                    if (((QboException) failure).isAuthentication()) {
                        tokens.invalidate(realmId);
                    }
                })
                .map(accounts -> {
                    Account account = accounts.stream().filter(a -> incomeAccountId.equals(a.id())).findFirst()
                            .orElse(null);
                    String problem = CatalogSettingsService.incomeAccountProblem(realmId, incomeAccountId, account);
                    if (problem != null) {
                        throw LineItemRefusal.invalidIncomeAccount(problem);
                    }
                    // Without saved settings the action's account still works: items are then Service items.
                    String itemType = found == null ? Item.TYPE_SERVICE : found.itemType();
                    return new CatalogSettings(realmId, itemType, incomeAccountId, account.name());
                });
    }

    /** The first line of every normalised name: lines with the same name share one created item. */
    static Map<String, LineItem> byNameKey(List<LineItem> lines) {
        Map<String, LineItem> byKey = new LinkedHashMap<>();
        for (LineItem line : lines) {
            byKey.putIfAbsent(MatchKey.of(line.name()), line);
        }
        return byKey;
    }

    private Uni<CatalogItem> createOne(LookupScope scope, CatalogSettings company, String key, LineItem line) {
        String realmId = scope.realmId();
        return pool.withTransaction(connection -> connection
                // Held until this transaction ends, i.e. after the created item is in the mirror (committed apart).
                .preparedQuery("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
                .execute(Tuple.of("catalog-item|" + realmId + "|" + key))
                .chain(() -> items.matchableByNameKeys(realmId, List.of(key)))
                .chain(existing -> {
                    if (!existing.isEmpty()) {
                        Log.infof("catalog: item \"%s\" of realm %s was created meanwhile (id %s), using it",
                                line.name().strip(), realmId, existing.get(0).itemId());
                        return Uni.createFrom().item(existing.get(0));
                    }
                    return createInQbo(scope, company, key, line);
                }));
    }

    private Uni<CatalogItem> createInQbo(LookupScope scope, CatalogSettings company, String key, LineItem line) {
        String realmId = scope.realmId();
        QboCompany target = scope.correlationId() == null ? qbo.company(realmId)
                : qbo.company(realmId).withCorrelationId(scope.correlationId());
        String sku = line.sku() == null || line.sku().isBlank() || line.sku().strip().length() > MAX_NAME_LENGTH
                ? null : line.sku().strip();
        String description = line.description() == null || line.description().isBlank() ? null
                : line.description().strip();
        if (description != null && description.length() > MAX_DESCRIPTION_LENGTH) {
            description = description.substring(0, MAX_DESCRIPTION_LENGTH);
        }
        Item item = Item.builder()
                .name(line.name().strip())
                .type(company.itemType())
                .sku(sku)
                .unitPrice(line.price())
                .description(description)
                .incomeAccountRef(Ref.of(company.incomeAccountId()))
                .build();
        // Same execution, same item: a retried request is answered from QBO's requestid memory, not created twice.
        String requestId = scope.correlationId() == null ? UUID.randomUUID().toString()
                : RequestIds.derive("item", realmId, scope.correlationId(), key.replace('|', '\u2016'));
        return target.create(item, requestId)
                .invoke(createdItem -> Log.infof("catalog: created %s item \"%s\" (id %s) in realm %s",
                        company.itemType(), createdItem.name(), createdItem.id(), realmId))
                .onFailure(QboFaultException.class).recoverWithUni(failure -> {
                    QboFaultException fault = (QboFaultException) failure;
                    if (!fault.isDuplicateName()) {
                        return Uni.createFrom().failure(fault);
                    }
                    // QBO says the name is taken: another writer won the race (or a human created it). Use theirs.
                    Log.infof("catalog: item \"%s\" already exists in realm %s (6240), reading it back",
                            line.name().strip(), realmId);
                    return byName(target, key, line);
                })
                .onFailure(QboException.class).invoke(failure -> {
                    if (((QboException) failure).isAuthentication()) {
                        tokens.invalidate(realmId);
                    }
                })
                .call(createdItem -> items.upsert(realmId, List.of(CatalogMirror.mirrorItem(createdItem)),
                        OffsetDateTime.now(ZoneOffset.UTC)))
                .map(createdItem -> new CatalogItem(createdItem.id(), createdItem.name(), createdItem.sku(),
                        createdItem.type()));
    }

    private Uni<Item> byName(QboCompany company, String key, LineItem line) {
        QboQuery query = QboQuery.selectFrom(Item.class)
                .whereIn("Name", List.copyOf(MatchKey.querySpellings(line.name())))
                .whereIn("Active", List.of(true, false));
        return company.queryAll(Item.class, query).map(found -> {
            for (Item candidate : found) {
                if (!key.equals(MatchKey.of(candidate.name()))) {
                    continue;
                }
                if (Boolean.FALSE.equals(candidate.active()) || "Category".equals(candidate.type())) {
                    throw LineItemRefusal.notCreatable(List.of(line), List.of(line.name().strip()
                            + ": QuickBooks already has " + ("Category".equals(candidate.type()) ? "a category"
                            : "an inactive product") + " with this name (id " + candidate.id()
                            + "); make it active or rename it"));
                }
                return candidate;
            }
            throw LineItemRefusal.notCreatable(List.of(line), List.of(line.name().strip()
                    + ": QuickBooks reports the name as taken by another list entry"));
        });
    }

    /** Why a line item cannot become a QBO item, or null when it can. */
    static String notCreatable(LineItem line) {
        String name = line.name() == null ? null : line.name().strip();
        if (name == null || name.isEmpty()) {
            return "line item " + line.lineItemId() + " has no name";
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return name.substring(0, 40) + "...: the name is longer than QuickBooks' " + MAX_NAME_LENGTH
                    + " characters";
        }
        if (name.contains(":") || name.contains("\t") || name.contains("\n")) {
            return name + ": QuickBooks product names cannot contain a colon, tab or line break";
        }
        return null;
    }
}
