package dev.ledgerbridge.catalog.rest;

import dev.ledgerbridge.catalog.LineAmount;
import dev.ledgerbridge.catalog.LineAmounts;
import dev.ledgerbridge.catalog.LineItem;
import dev.ledgerbridge.catalog.ResolvedLine;
import dev.ledgerbridge.catalog.ResolveLineItemsCommand;
import dev.ledgerbridge.catalog.service.LineItemResolver;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestHeader;

import java.util.ArrayList;
import java.util.List;

/** Resolves HubSpot line items to QBO items for the gateway (R10, R11). */
@Path("/v1/line-items")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class LineItemResource {

    /** Carries the HubSpot callbackId from the gateway on to QBO. */
    public static final String CORRELATION_HEADER = "X-LedgerBridge-Correlation-Id";

    private final LineItemResolver resolver;

    /** CDI constructor. */
    public LineItemResource(LineItemResolver resolver) {
        this.resolver = resolver;
    }

    /** 200 with one line per line item in request order; 422 refusals, 400, 502 and 503 as {@link ErrorBody}. */
    @POST
    @Path("/resolve")
    public Uni<ResolveLineItemsResponse> resolve(
            @RestHeader(CORRELATION_HEADER)
            @Pattern(regexp = "[!-~][ -~]{0,199}", message = "must be 1-200 printable ASCII characters") String correlationId,
            @NotNull(message = "a JSON body is required") @Valid ResolveLineItemsRequest request) {
        List<LineItem> lineItems = lineItems(request);
        // Priced before anything is resolved or created: a line QBO cannot take refuses the request with no write.
        List<LineAmount> amounts = LineAmounts.of(lineItems);
        return resolver.resolve(command(request, lineItems, correlationId)).map(lines -> {
            List<ResolveLineItemsResponse.Line> body = new ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                ResolvedLine line = lines.get(i);
                LineAmount amount = amounts.get(i);
                body.add(new ResolveLineItemsResponse.Line(line.lineItemId(), line.itemId(), line.itemName(),
                        line.matchedBy(), amount.quantity(), amount.unitPrice(), amount.amount(), amount.note()));
            }
            return new ResolveLineItemsResponse(body);
        });
    }

    /**
     * What {@code /resolve} would answer for the same body, writing nothing: per line the item it would use, or
     * {@code WOULD_CREATE} with the name, type and income account of the item it would create. The same refusals.
     */
    @POST
    @Path("/preview")
    public Uni<PreviewLineItemsResponse> preview(
            @RestHeader(CORRELATION_HEADER)
            @Pattern(regexp = "[!-~][ -~]{0,199}", message = "must be 1-200 printable ASCII characters") String correlationId,
            @NotNull(message = "a JSON body is required") @Valid ResolveLineItemsRequest request) {
        List<LineItem> lineItems = lineItems(request);
        List<LineAmount> amounts = LineAmounts.of(lineItems);
        return resolver.preview(command(request, lineItems, correlationId)).map(lines -> {
            List<PreviewLineItemsResponse.Line> body = new ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                body.add(PreviewLineItemsResponse.Line.of(lines.get(i), amounts.get(i)));
            }
            return new PreviewLineItemsResponse(body);
        });
    }

    private static List<LineItem> lineItems(ResolveLineItemsRequest request) {
        return request.lineItems().stream()
                .map(l -> new LineItem(l.id(), l.name(), l.sku(), l.productId(), l.quantity(), l.price(),
                        l.qboItemId(), l.description(), l.discount(), l.discountPercentage()))
                .toList();
    }

    private static ResolveLineItemsCommand command(ResolveLineItemsRequest request, List<LineItem> lineItems,
            String correlationId) {
        return new ResolveLineItemsCommand(request.realmId(), request.portalId(), lineItems, correlationId,
                Boolean.TRUE.equals(request.createMissing()), request.incomeAccountId());
    }
}
