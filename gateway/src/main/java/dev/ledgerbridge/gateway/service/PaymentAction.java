package dev.ledgerbridge.gateway.service;

import dev.ledgerbridge.gateway.ActionRequest;
import dev.ledgerbridge.gateway.ExecutionState;
import dev.ledgerbridge.gateway.PaymentContext;
import dev.ledgerbridge.gateway.QuickBooksConnection;
import dev.ledgerbridge.gateway.client.HubSpotPayments;
import dev.ledgerbridge.gateway.client.PaymentActionResult;
import dev.ledgerbridge.gateway.client.PaymentsBridgeClient;
import dev.ledgerbridge.gateway.client.ServiceRefusalException;
import dev.ledgerbridge.gateway.config.GatewayConfig;
import dev.ledgerbridge.gateway.mapping.InvoiceRequests;
import dev.ledgerbridge.gateway.mapping.OutputFields;
import dev.ledgerbridge.gateway.mapping.PaymentRequests;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Map;

/**
 * Actions A4-A7 (issue 7): a HubSpot commerce payment becomes a paid invoice, a sales receipt, a fee expense or a
 * refund receipt in QuickBooks, through payments-bridge-service, which owns the policy (R17-R21) and the ledger of
 * bridged payments.
 * <p>The same edge as the document actions: journal claim per {@code callbackId} (replay, busy), company check (R1,
 * R23), then three HubSpot reads (the payment with its associations, its line items, its contacts), one call of
 * payments-bridge, journal finished. A refusal (the gateway's own, or payments-bridge's REFUSED) is FAIL_CONTINUE; a
 * fee expense of a payment without fee is SUCCESS without document ({@link PaymentRequests#outputFields}); any other
 * failure propagates (the edge answers a 5xx or 429 so HubSpot retries), leaving the row RUNNING with its lease
 * released. Exactly-once across workflows is payments-bridge's (its ledger is keyed by payment and action), so a
 * retry or a second workflow simply gets the first document back.
 */
@ApplicationScoped
public class PaymentAction implements ClaimedActionRunner {

    /** A4 {@code create-paid-invoice}. */
    public static final String PAID_INVOICE = "PAID_INVOICE";
    /** A5 {@code create-payment-sales-receipt}. */
    public static final String SALES_RECEIPT = "SALES_RECEIPT";
    /** A6 {@code create-fee-expense}. */
    public static final String FEE_EXPENSE = "FEE_EXPENSE";
    /** A7 {@code create-refund-receipt}. */
    public static final String REFUND_RECEIPT = "REFUND_RECEIPT";

    private final ActionJournal journal;
    private final CompanySelector companies;
    private final HubSpotPayments hubSpot;
    private final PaymentsBridgeClient paymentsBridge;
    private final FilterPropertiesCache filterProperties;
    private final String primaryContactLabel;
    private final String qboAppBaseUrl;

    public PaymentAction(ActionJournal journal, CompanySelector companies, HubSpotPayments hubSpot,
            PaymentsBridgeClient paymentsBridge, FilterPropertiesCache filterProperties, GatewayConfig config) {
        this.journal = journal;
        this.companies = companies;
        this.hubSpot = hubSpot;
        this.paymentsBridge = paymentsBridge;
        this.filterProperties = filterProperties;
        this.primaryContactLabel = config.customers().primaryContactLabel();
        this.qboAppBaseUrl = config.documents().qboAppBaseUrl();
    }

    /**
     * The journal's {@code action_type} of a payment action, e.g. {@code CREATE_PAID_INVOICE} or
     * {@code CREATE_PAYMENT_SALES_RECEIPT} (distinct from A3's {@code CREATE_SALES_RECEIPT}).
     */
    public static String journalType(String actionType) {
        return switch (actionType) {
            case PAID_INVOICE -> "CREATE_PAID_INVOICE";
            case SALES_RECEIPT -> "CREATE_PAYMENT_SALES_RECEIPT";
            case FEE_EXPENSE -> "CREATE_FEE_EXPENSE";
            case REFUND_RECEIPT -> "CREATE_REFUND_RECEIPT";
            default -> throw new IllegalArgumentException("unknown payment action " + actionType);
        };
    }

    /**
     * Runs, replays or defers the execution of the payment action; fails only for transient reasons.
     *
     * @param actionType {@link #PAID_INVOICE}, {@link #SALES_RECEIPT}, {@link #FEE_EXPENSE} or {@link #REFUND_RECEIPT}
     */
    public Uni<ActionOutcome> execute(String actionType, ActionRequest request) {
        String journalType = journalType(actionType);
        return journal.claim(request, journalType).chain(claim -> {
            switch (claim.kind()) {
                case STARTED:
                case TAKEN_OVER:
                    return runClaimedAction(actionType, request);
                case FINISHED:
                    Log.infof("callbackId=%s step=replay state=%s", request.callbackId(), claim.execution().state());
                    return Uni.createFrom().item(ActionOutcome.replay(claim.execution().outputFields()));
                case BLOCKED:
                    Log.infof("callbackId=%s step=still-blocked", request.callbackId());
                    return Uni.createFrom().item(ActionOutcome.blocked(journal.blockExpiry()));
                default:
                    // BUSY, and any later kind this delivery does not own: never a second run beside the owner's.
                    return Uni.createFrom().item(ActionOutcome.busy(journal.busyRetryAfter()));
            }
        });
    }

    /**
     * True for the journal's {@code action_type} of a payment action ({@code CREATE_PAID_INVOICE}, ...): the shape of
     * the slow path's runner lookup, so a background run of a payment execution finds this class.
     */
    @Override
    public boolean handles(String journalType) {
        return actionTypeOf(journalType) != null;
    }

    /**
     * Runs an execution of the journal's {@code action_type} that this process has claimed (a delivery's claim, or a
     * background run); a transient failure ends the lease and propagates.
     */
    @Override
    public Uni<ActionOutcome> runClaimed(String journalType, ActionRequest request) {
        String actionType = actionTypeOf(journalType);
        if (actionType == null) {
            throw new IllegalArgumentException("not a payment action: " + journalType);
        }
        return runClaimedAction(actionType, request);
    }

    private Uni<ActionOutcome> runClaimedAction(String actionType, ActionRequest request) {
        return run(actionType, request)
                .onFailure().call(failure -> {
                    Log.warnf("callbackId=%s step=transient-failure %s: %s", request.callbackId(),
                            failure.getClass().getSimpleName(), failure.getMessage());
                    return journal.releaseLease(request.callbackId());
                });
    }

    private static String actionTypeOf(String journalType) {
        for (String actionType : new String[] { PAID_INVOICE, SALES_RECEIPT, FEE_EXPENSE, REFUND_RECEIPT }) {
            if (journalType(actionType).equals(journalType)) {
                return actionType;
            }
        }
        return null;
    }

    private Uni<ActionOutcome> run(String actionType, ActionRequest request) {
        String callbackId = request.callbackId();
        return requirePayment(actionType, request)
                .invoke(() -> ActionInputs.requireWellFormed(request))
                .chain(() -> companies.select(request))
                .invoke(company -> Log.infof("callbackId=%s step=company realmId=%s", callbackId, company.realmId()))
                .chain(company -> bridge(actionType, request, company)
                        .chain(result -> finish(request, result, company.realmId()))
                        .onFailure(ActionRefusal.class).recoverWithUni(refusal -> refuse(request,
                                ((ActionRefusal) refusal).code(), refusal.getMessage(), company.realmId()))
                        // A 4xx other than the contract's answers: a request no retry cures, so it must not loop.
                        .onFailure(ServiceRefusalException.class).recoverWithUni(refusal -> refuse(request,
                                ((ServiceRefusalException) refusal).code(), refusal.getMessage(), company.realmId())))
                // Refusals before a company was chosen (object type, company check).
                .onFailure(ActionRefusal.class).recoverWithUni(refusal -> refuse(request,
                        ((ActionRefusal) refusal).code(), refusal.getMessage(), null));
    }

    private static Uni<Void> requirePayment(String actionType, ActionRequest request) {
        if (!PaymentContext.isPayment(request.objectType())) {
            return Uni.createFrom().failure(new ActionRefusal("UNSUPPORTED_OBJECT_TYPE",
                    "This action creates QuickBooks " + label(actionType) + "s from HubSpot payments; it was run on a "
                            + request.objectType().toLowerCase(Locale.ROOT).replace('_', ' ') + "."));
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<PaymentActionResult> bridge(String actionType, ActionRequest request, QuickBooksConnection company) {
        String callbackId = request.callbackId();
        String realmId = company.realmId();
        String contactInput = request.input(InvoiceRequests.CONTACT_INPUT);
        return filterProperties.properties(realmId)
                .chain(properties -> hubSpot.loadPayment(request.portalId(), callbackId, request.objectId(),
                        properties, CustomerContactChoice.wantsPrimary(contactInput)))
                .onItem().ifNull().failWith(() -> new ActionRefusal("RECORD_NOT_FOUND", "Payment "
                        + request.objectId() + " was not found in HubSpot; it may have been deleted."))
                .invoke(payment -> Log.infof("callbackId=%s step=hubspot-loaded contacts=%d lineItems=%d",
                        callbackId, payment.contacts().size(), payment.lineItems().size()))
                .chain(payment -> paymentsBridge.execute(callbackId, PaymentRequests.paymentActionRequest(
                        actionType, request, realmId, payment, primaryContactLabel)))
                .invoke(result -> Log.infof("callbackId=%s step=payments-bridge outcome=%s documentType=%s "
                        + "documentId=%s code=%s", callbackId, result.outcome(), result.documentType(),
                        result.documentId(), result.code()));
    }

    private Uni<ActionOutcome> finish(ActionRequest request, PaymentActionResult result, String realmId) {
        Map<String, String> outputs = PaymentRequests.outputFields(result, qboAppBaseUrl);
        boolean success = "SUCCESS".equals(outputs.get(OutputFields.EXECUTION_STATE));
        if (!success) {
            Log.infof("callbackId=%s step=refused code=%s", request.callbackId(), outputs.get(OutputFields.ERROR_CODE));
        }
        return finish(request, success ? ExecutionState.SUCCEEDED : ExecutionState.FAILED, outputs,
                success ? null : outputs.get(OutputFields.ERROR_CODE), realmId);
    }

    private Uni<ActionOutcome> refuse(ActionRequest request, String code, String message, String realmId) {
        Log.infof("callbackId=%s step=refused code=%s", request.callbackId(), code);
        return finish(request, ExecutionState.FAILED, OutputFields.failContinue(code, message), code, realmId);
    }

    private Uni<ActionOutcome> finish(ActionRequest request, ExecutionState state, Map<String, String> outputs,
            String errorCode, String realmId) {
        return journal.finish(request.callbackId(), state, outputs, errorCode, realmId)
                .invoke(() -> Log.infof("callbackId=%s step=finished state=%s", request.callbackId(), state))
                .replaceWith(ActionOutcome.finished(outputs));
    }

    private static String label(String actionType) {
        return switch (actionType) {
            case PAID_INVOICE -> "paid invoice";
            case SALES_RECEIPT -> "sales receipt";
            case FEE_EXPENSE -> "fee expense";
            default -> "refund receipt";
        };
    }
}
