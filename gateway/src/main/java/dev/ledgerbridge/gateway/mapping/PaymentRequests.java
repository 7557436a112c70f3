package dev.ledgerbridge.gateway.mapping;

import dev.ledgerbridge.gateway.ActionRequest;
import dev.ledgerbridge.gateway.DealContext;
import dev.ledgerbridge.gateway.PaymentContext;
import dev.ledgerbridge.gateway.client.CreatedDocument;
import dev.ledgerbridge.gateway.client.PaymentActionRequest;
import dev.ledgerbridge.gateway.client.PaymentActionResult;
import dev.ledgerbridge.gateway.service.ActionRefusal;
import dev.ledgerbridge.gateway.service.CustomerContactChoice;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds payments-bridge's request for a payment action (A4-A7, contract B) and turns its answer into the action's
 * output fields, named as the document actions' ({@link OutputFields}).
 */
public final class PaymentRequests {

    /** Input of A6: the QBO expense account of the fee (overrides the company's payment settings). */
    public static final String EXPENSE_ACCOUNT_INPUT = "expense_account";
    /** Input of A6 and A7: the QBO account the fee is paid from, or the refund is paid from. */
    public static final String PAYMENT_ACCOUNT_INPUT = "payment_account";
    /** Input of A6: the QBO vendor the fee is paid to. */
    public static final String VENDOR_INPUT = "vendor";

    /**
     * The action inputs passed on to payments-bridge when given (overrides of the company's payment settings): the
     * definitions of A4-A7 name them; any other input stays in the gateway.
     */
    public static final List<String> BRIDGED_INPUTS = List.of(InvoiceRequests.TERMS_INPUT,
            InvoiceRequests.DEPOSIT_ACCOUNT_INPUT, EXPENSE_ACCOUNT_INPUT, PAYMENT_ACCOUNT_INPUT, VENDOR_INPUT);

    /** Refusal code: "primary" was chosen but no contact of the payment carries the label (as for deals, R3). */
    public static final String NO_PRIMARY_CONTACT = "NO_PRIMARY_CONTACT";

    private PaymentRequests() {
    }

    /**
     * The request for the payment and action: the payment's data, the customer and line-item requests exactly as
     * the document actions build them ({@link InvoiceRequests}), and the inputs that were given.
     *
     * @param action the contract's action name, e.g. {@code PAID_INVOICE}
     * @throws ActionRefusal LINE_ITEM_NOT_ON_RECORD or NO_PRIMARY_CONTACT, before any service is called
     */
    public static PaymentActionRequest paymentActionRequest(String action, ActionRequest request, String realmId,
            PaymentContext payment, String primaryContactLabel) {
        DealContext record = payment.asRecord();
        List<DealContext.LineItem> selected = InvoiceRequests.selectedLineItems(request, record);
        String contactChoice = contactChoice(request.input(InvoiceRequests.CONTACT_INPUT), payment,
                primaryContactLabel);
        Map<String, String> inputs = new LinkedHashMap<>();
        for (String name : BRIDGED_INPUTS) {
            String value = request.input(name);
            if (value != null) {
                inputs.put(name, value);
            }
        }
        return new PaymentActionRequest(request.callbackId(), request.portalId(), realmId, action,
                new PaymentActionRequest.Payment(payment.paymentId(), payment.sourceApp(),
                        payment.hasAssociatedInvoice(), payment.status(), payment.amount(), payment.feesAmount(),
                        payment.refundsAmount(), payment.netAmount(),
                        payment.currencyCode() == null ? "USD" : payment.currencyCode(), payment.date(),
                        selected.stream().map(line -> new PaymentActionRequest.Line(line.id(),
                                payment.taxableLineItemIds().contains(line.id()))).toList()),
                InvoiceRequests.customerRequest(request.portalId(), realmId, contactChoice, record),
                InvoiceRequests.lineItemRequest(request, realmId, selected), inputs);
    }

    // As for deals (R3), "primary" is settled here from the association labels; the payment wording is its own.
    private static String contactChoice(String input, PaymentContext payment, String primaryLabel) {
        if (!CustomerContactChoice.wantsPrimary(input) || payment.contacts().isEmpty()) {
            return CustomerContactChoice.wantsPrimary(input) ? null : input;
        }
        return payment.contacts().stream()
                .filter(c -> c.labels().stream().anyMatch(label -> label.strip().equalsIgnoreCase(primaryLabel)))
                .map(DealContext.Contact::id)
                .findFirst()
                .orElseThrow(() -> new ActionRefusal(NO_PRIMARY_CONTACT, "The action bills the payment's primary"
                        + " contact, but none of its " + payment.contacts().size() + " contact"
                        + (payment.contacts().size() == 1 ? "" : "s") + " is associated with the label \""
                        + primaryLabel + "\". Choose \"first\" or a contact id in the action's customer contact"
                        + " field."));
    }

    /**
     * The output fields for payments-bridge's answer: SUCCESS with the document (created now or replayed from the
     * bridge's ledger), FAIL_CONTINUE with the code for a refusal, and for a no-op (a fee expense of a payment
     * without fee) SUCCESS without document but with the code (e.g. {@code NO_FEE}) and the message in
     * {@code error_code}/{@code error_message}: nothing went wrong, and a workflow branch can still tell.
     */
    public static Map<String, String> outputFields(PaymentActionResult result, String qboAppBaseUrl) {
        if (result.hasDocument()) {
            return OutputFields.success(new CreatedDocument(result.documentId(), result.docNumber(),
                            result.documentType(), result.total(), null, PaymentActionResult.REPLAYED.equals(
                                    result.outcome())),
                    link(qboAppBaseUrl, result.documentType(), result.documentId()));
        }
        String code = result.code() == null || result.code().isBlank() ? "PAYMENT_NOT_BRIDGED" : result.code();
        String message = result.message() == null ? "" : result.message();
        Map<String, String> fields = new LinkedHashMap<>(OutputFields.failContinue(code, message));
        if (PaymentActionResult.NO_OP.equals(result.outcome())) {
            fields.put(OutputFields.EXECUTION_STATE, "SUCCESS");
        }
        return fields;
    }

    /**
     * The document's page in the QBO web UI for the entity payments-bridge wrote, e.g.
     * {@code https://app.qbo.intuit.com/app/expense?txnId=77} for a Purchase; empty for an unknown entity.
     */
    public static String link(String baseUrl, String documentType, String documentId) {
        String page = documentType == null ? null : switch (documentType) {
            case "Invoice" -> "invoice";
            case "SalesReceipt" -> "salesreceipt";
            case "Purchase" -> "expense";
            case "RefundReceipt" -> "refundreceipt";
            default -> null;
        };
        if (page == null || documentId == null) {
            return "";
        }
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + "/app/" + page + "?txnId=" + documentId;
    }
}
