package dev.ledgerbridge.catalog.client;

import dev.ledgerbridge.catalog.CatalogItem;
import dev.ledgerbridge.catalog.ItemLookup;
import dev.ledgerbridge.catalog.config.CatalogConfig;
import dev.ledgerbridge.quickbooks.QboCompany;
import dev.ledgerbridge.quickbooks.QboException;
import dev.ledgerbridge.quickbooks.QuickBooksClient;
import dev.ledgerbridge.quickbooks.model.Item;
import dev.ledgerbridge.quickbooks.query.QboQuery;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link ItemLookup} straight from QBO (issue 3): one {@code SELECT * FROM Item WHERE <property> IN (...) AND
 * Active = true} per call, split into several only when the value list exceeds {@code lookup.max-in-values}.
 * Every query is a metered CorePlus call; used only until the company's mirror is loaded (MirrorFirstItemLookup).
 */
// Typed to its class: the resolver's ItemLookup is service.MirrorFirstItemLookup, which falls back to this one.
@Typed(QboItemLookup.class)
@ApplicationScoped
public class QboItemLookup implements ItemLookup {

    /** Categories are folders of the product list and cannot be sold on a line. */
    private static final String TYPE_CATEGORY = "Category";
    /** QBO's maximum length of an item's Name and Sku: a longer value cannot match and is not sent. */
    static final int MAX_VALUE_LENGTH = 100;

    private final QuickBooksClient qbo;
    private final GatewayAccessTokenProvider tokens;
    private final int maxInValues;
    private final int maxInCharacters;

    /** CDI constructor. */
    public QboItemLookup(QuickBooksClient qbo, GatewayAccessTokenProvider tokens, CatalogConfig config) {
        this.qbo = qbo;
        this.tokens = tokens;
        this.maxInValues = config.lookup().maxInValues();
        this.maxInCharacters = config.lookup().maxInCharacters();
    }

    @Override
    public Uni<List<CatalogItem>> activeItemsBySku(LookupScope scope, Collection<String> skus) {
        return activeItemsWhereIn(scope, "Sku", skus);
    }

    @Override
    public Uni<List<CatalogItem>> activeItemsByIds(LookupScope scope, Collection<String> itemIds) {
        // QBO ids are digits; anything else cannot be an item and would only make the query fail.
        return activeItemsWhereIn(scope, "Id", itemIds.stream().filter(id -> id.matches("[0-9]{1,32}")).toList());
    }

    @Override
    public Uni<List<CatalogItem>> activeItemsByName(LookupScope scope, Collection<String> names) {
        return activeItemsWhereIn(scope, "Name", names);
    }

    private Uni<List<CatalogItem>> activeItemsWhereIn(LookupScope scope, String property, Collection<String> values) {
        List<String> distinct = values.stream().filter(v -> v.length() <= MAX_VALUE_LENGTH).distinct().toList();
        if (distinct.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        QboCompany company = qbo.company(scope.realmId());
        if (scope.correlationId() != null) {
            company = company.withCorrelationId(scope.correlationId());
        }
        QboCompany target = company;
        List<List<String>> chunks = chunks(distinct, maxInValues, maxInCharacters);
        return Multi.createFrom().iterable(chunks)
                // One chunk after the other: parallel queries would only spend the realm's 10 requests/second.
                .onItem().transformToUniAndConcatenate(chunk -> target.queryAll(Item.class,
                        QboQuery.selectFrom(Item.class).whereIn(property, chunk).where("Active", QboQuery.Op.EQ, true)))
                .collect().asList()
                .map(pages -> sellable(pages, scope.realmId(), property, distinct.size(), chunks.size()))
                .onFailure(QboException.class).invoke(failure -> {
                    if (((QboException) failure).isAuthentication()) {
                        // A token QBO rejects is useless in the cache; the next attempt asks the gateway afresh.
                        tokens.invalidate(scope.realmId());
                    }
                })
                .onFailure(QboItemLookup::isTransportFailure)
                .transform(failure -> new QboUnavailableException(scope.realmId(), failure));
    }

    private static List<CatalogItem> sellable(List<List<Item>> pages, String realmId, String property, int values,
            int queries) {
        // Keyed by id: an item could come back from two chunks, and must count once or it would look ambiguous.
        Map<String, CatalogItem> byId = new LinkedHashMap<>();
        for (List<Item> page : pages) {
            for (Item item : page) {
                if (item.id() == null || Boolean.FALSE.equals(item.active()) || TYPE_CATEGORY.equals(item.type())) {
                    continue;
                }
                byId.putIfAbsent(item.id(), new CatalogItem(item.id(), item.name(), item.sku(), item.type()));
            }
        }
        Log.debugf("QBO items by %s in realm %s: %d values, %d queries, %d candidates", property, realmId, values,
                queries, byId.size());
        return List.copyOf(byId.values());
    }

    private static boolean isTransportFailure(Throwable failure) {
        return !(failure instanceof QboException || failure instanceof CompanyNotConnectedException
                || failure instanceof AccessTokenUnavailableException || failure instanceof IllegalArgumentException);
    }

    /**
     * Splits the values into IN lists of at most {@code maxValues} values and {@code maxCharacters} characters
     * (a single longer value still gets a list of its own), keeping their order.
     */
    static List<List<String>> chunks(List<String> values, int maxValues, int maxCharacters) {
        List<List<String>> chunks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int characters = 0;
        for (String value : values) {
            int cost = QboQuery.quote(value).length() + 2;
            if (!current.isEmpty() && (current.size() == maxValues || characters + cost > maxCharacters)) {
                chunks.add(List.copyOf(current));
                current.clear();
                characters = 0;
            }
            current.add(value);
            characters += cost;
        }
        if (!current.isEmpty()) {
            chunks.add(List.copyOf(current));
        }
        return chunks;
    }
}
