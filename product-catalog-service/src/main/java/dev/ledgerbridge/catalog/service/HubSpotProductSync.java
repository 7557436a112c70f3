package dev.ledgerbridge.catalog.service;

import dev.ledgerbridge.catalog.HubSpotProductSyncState;
import dev.ledgerbridge.catalog.repository.HubSpotProductSyncRepository;
import dev.ledgerbridge.catalog.repository.HubSpotProductSyncRepository.SyncItem;
import dev.ledgerbridge.catalog.repository.ProductLinkRepository;
import dev.ledgerbridge.hubspot.BatchResponse;
import dev.ledgerbridge.hubspot.CrmObjectType;
import dev.ledgerbridge.hubspot.HubSpotClient;
import dev.ledgerbridge.hubspot.UpsertInput;
import dev.ledgerbridge.hubspot.UpsertedObject;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Product sync to HubSpot (issue 5, optional per company): after each successful mirror run, upserts the
 * company's active items changed since the last successful product sync into the portal's product library by
 * {@code qbo_item_id}, and links each product to its item. A failure is recorded and retried by the next run; it
 * never fails the mirror run.
 */
@ApplicationScoped
public class HubSpotProductSync {

    /** The HubSpot product property holding the QBO item id; created once in the portal as a unique-value property. */
    public static final String ID_PROPERTY = "qbo_item_id";
    /** How product links written by this sync are marked in {@code product_link.linked_by}. */
    static final String LINKED_BY = "PRODUCT_SYNC";
    /** Inputs sent per upsert call: HubSpot's batch limit; also the unit of progress logging and link writing. */
    static final int CHUNK = 100;

    private final HubSpotProductSyncRepository syncs;
    private final ProductLinkRepository links;
    private final HubSpotClient hubSpot;
    private final CatalogMetrics metrics;

    /** CDI constructor. */
    public HubSpotProductSync(HubSpotProductSyncRepository syncs, ProductLinkRepository links, HubSpotClient hubSpot,
            CatalogMetrics metrics) {
        this.syncs = syncs;
        this.links = links;
        this.hubSpot = hubSpot;
        this.metrics = metrics;
    }

    /** The company's setting and progress, or null when never configured. */
    public Uni<HubSpotProductSyncState> state(String realmId) {
        return syncs.find(realmId);
    }

    /** Saves the company's setting; the next mirror run (or POST sync) sends the items. */
    public Uni<HubSpotProductSyncState> configure(String realmId, boolean enabled, long portalId) {
        return syncs.save(realmId, enabled, portalId)
                .invoke(saved -> Log.infof("catalog: product sync to HubSpot portal %d %s for realm %s", portalId,
                        enabled ? "enabled" : "disabled", realmId));
    }

    /**
     * Runs the product sync of a company whose mirror run started at {@code mirrorRunStartedAt} succeeded. Emits
     * the state after the run, or null when the sync is not enabled; never fails.
     */
    public Uni<HubSpotProductSyncState> afterMirrorRun(String realmId, OffsetDateTime mirrorRunStartedAt) {
        return syncs.find(realmId)
                .chain(state -> state == null || !state.enabled() ? Uni.createFrom().nullItem()
                        : run(state, mirrorRunStartedAt))
                .onFailure().recoverWithUni(failure -> {
                    // Only reached when recording the outcome itself failed: the next run tries again anyway.
                    Log.warnf("catalog: product sync state of realm %s not recorded: %s", realmId, failure.toString());
                    return Uni.createFrom().nullItem();
                });
    }

    private Uni<HubSpotProductSyncState> run(HubSpotProductSyncState state, OffsetDateTime mirrorRunStartedAt) {
        String realmId = state.realmId();
        long portalId = state.portalId();
        return syncs.itemsMirroredAfter(realmId, state.syncedThrough())
                .chain(items -> upsertAll(realmId, portalId, items))
                .chain(count -> syncs.succeeded(realmId, mirrorRunStartedAt, count)
                        .invoke(done -> {
                            Log.infof("catalog: realm %s product sync to HubSpot portal %d done, %d products upserted",
                                    realmId, portalId, count);
                            metrics.productSyncFinished(done, count);
                        }))
                .onFailure().recoverWithUni(failure -> {
                    Log.warnf("catalog: product sync of realm %s to HubSpot portal %d failed (retried next run): %s",
                            realmId, portalId, failure.toString());
                    return syncs.failed(realmId, describe(failure))
                            .invoke(failed -> metrics.productSyncFinished(failed, 0));
                });
    }

    /** Upserts the items 100 at a time, writing each chunk's product links before the next chunk goes. */
    private Uni<Integer> upsertAll(String realmId, long portalId, List<SyncItem> items) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<List<SyncItem>> chunks = new ArrayList<>();
        for (int i = 0; i < items.size(); i += CHUNK) {
            chunks.add(items.subList(i, Math.min(items.size(), i + CHUNK)));
        }
        int[] done = {0};
        return Multi.createFrom().iterable(chunks)
                .onItem().transformToUniAndConcatenate(chunk -> upsertChunk(realmId, portalId, chunk)
                        .invoke(count -> {
                            done[0] += count;
                            Log.infof("catalog: products %d/%d upserted to HubSpot portal %d (realm %s)", done[0],
                                    items.size(), portalId, realmId);
                        }))
                .collect().asList()
                .map(counts -> done[0]);
    }

    private Uni<Integer> upsertChunk(String realmId, long portalId, List<SyncItem> chunk) {
        List<UpsertInput> inputs = chunk.stream().map(HubSpotProductSync::input).toList();
        return hubSpot.portal(portalId).withCorrelationId("catalog-product-sync-" + realmId)
                .batchUpsert(CrmObjectType.PRODUCTS, ID_PROPERTY, inputs)
                .chain(response -> links.link(realmId, portalId, links(response)).replaceWith(response))
                .map(response -> {
                    if (response.hasErrors()) {
                        throw new IllegalStateException("HubSpot refused " + response.errors().size()
                                + " product upsert(s): " + response.errors().get(0).message());
                    }
                    // A 200 without errors means HubSpot wrote every input of the chunk.
                    return chunk.size();
                });
    }

    /** The product properties of an item; HubSpot copies them onto line items created from the product. */
    static UpsertInput input(SyncItem item) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(ID_PROPERTY, item.itemId());
        properties.put("name", item.name());
        // An empty string clears a value HubSpot holds, so a SKU or price removed in QBO is removed there too.
        properties.put("hs_sku", item.sku() == null ? "" : item.sku());
        properties.put("price", item.unitPrice() == null ? "" : plain(item.unitPrice()));
        return new UpsertInput(item.itemId(), properties);
    }

    private static Map<String, ProductLinkRepository.Link> links(BatchResponse<UpsertedObject> response) {
        Map<String, ProductLinkRepository.Link> out = new LinkedHashMap<>();
        for (UpsertedObject product : response.results()) {
            String itemId = product.property(ID_PROPERTY);
            if (itemId != null && product.id() != null) {
                out.put(product.id(), new ProductLinkRepository.Link(itemId, LINKED_BY));
            }
        }
        return out;
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 2 ? value.setScale(2) : stripped).toPlainString();
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
