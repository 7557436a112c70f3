package dev.ledgerbridge.payments.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ledgerbridge.payments.BridgeOutcome;
import dev.ledgerbridge.payments.BridgeUnavailableException;
import dev.ledgerbridge.payments.HubSpotPayment;
import dev.ledgerbridge.payments.PaymentAction;
import dev.ledgerbridge.payments.PaymentActionCommand;
import dev.ledgerbridge.payments.PaymentPolicy;
import dev.ledgerbridge.payments.PaymentSettings;
import dev.ledgerbridge.payments.client.ContactSyncApi;
import dev.ledgerbridge.payments.client.CreatedDocument;
import dev.ledgerbridge.payments.client.DocumentApi;
import dev.ledgerbridge.payments.client.DocumentRequest;
import dev.ledgerbridge.payments.client.ProductCatalogApi;
import dev.ledgerbridge.payments.client.ResolvedLineItems;
import dev.ledgerbridge.payments.client.ServiceRefusalException;
import dev.ledgerbridge.payments.client.ServiceUnavailableException;
import dev.ledgerbridge.payments.config.PaymentsConfig;
import dev.ledgerbridge.payments.repository.BridgeLedger;
import dev.ledgerbridge.payments.repository.BridgeLedger.Claim;
import dev.ledgerbridge.payments.repository.PaymentSettingsRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Bridges one payment action: the policy first (a refusal or no-op writes nothing and claims nothing), then the
 * settings, then the ledger claim, then contact-sync, product-catalog and document-service. Only a created document
 * stays in the ledger; a refusal or transient failure releases the claim, so a later execution tries afresh (the
 * document-service key makes that safe).
 */
@ApplicationScoped
public class PaymentBridge {

    /** The action needs an account the company did not configure and the workflow did not give. */
    public static final String PAYMENT_SETTINGS_MISSING = "PAYMENT_SETTINGS_MISSING";

    // QBO's PaymentRefNum holds at most 21 characters.
    private static final int MAX_REFERENCE = 21;

    private final BridgeLedger ledger;
    private final PaymentSettingsRepository settings;
    private final ContactSyncApi contactSync;
    private final ProductCatalogApi catalog;
    private final DocumentApi documents;
    private final PaymentsConfig config;
    private final MeterRegistry registry;

    PaymentBridge(BridgeLedger ledger, PaymentSettingsRepository settings, @RestClient ContactSyncApi contactSync,
            @RestClient ProductCatalogApi catalog, @RestClient DocumentApi documents, PaymentsConfig config,
            MeterRegistry registry) {
        this.registry = registry;
        this.ledger = ledger;
        this.settings = settings;
        this.contactSync = contactSync;
        this.catalog = catalog;
        this.documents = documents;
        this.config = config;
    }

    /** The outcome of the action; fails with {@link BridgeUnavailableException} on transient trouble only. */
    public Uni<BridgeOutcome> bridge(PaymentActionCommand command) {
        return decide(command)
                .invoke(outcome -> count(command.action(), outcome.outcome(), outcome.code()))
                .onFailure().invoke(e -> count(command.action(), e instanceof BridgeUnavailableException u
                        && BridgeUnavailableException.BRIDGE_IN_PROGRESS.equals(u.code()) ? "IN_PROGRESS"
                        : "UNAVAILABLE", null));
    }

    // ledgerbridge_payment_actions_total{action, outcome} and, for refusals and no-ops, ..._refusals_total{code}.
    private void count(PaymentAction action, String outcome, String code) {
        Counter.builder("ledgerbridge.payment.actions")
                .description("Payment actions by action and outcome (CREATED, REPLAYED, REFUSED, NO_OP, IN_PROGRESS,"
                        + " UNAVAILABLE)")
                .tags("action", action.name(), "outcome", outcome)
                .register(registry).increment();
        if (code != null) {
            Counter.builder("ledgerbridge.payment.refusals")
                    .description("Refused and no-op payment actions by code")
                    .tags("action", action.name(), "code", code)
                    .register(registry).increment();
        }
    }

    private Uni<BridgeOutcome> decide(PaymentActionCommand command) {
        var decided = PaymentPolicy.decide(command.action(), command.payment());
        if (decided.isPresent()) {
            Log.infof("Payment %s, %s: %s", command.payment().id(), command.action(), decided.get().code());
            return Uni.createFrom().item(decided.get());
        }
        return settings.find(command.realmId()).chain(companySettings -> {
            Accounts accounts = Accounts.of(command, companySettings);
            String missing = accounts.missingFor(command.action());
            if (missing != null) {
                return Uni.createFrom().item(BridgeOutcome.refused(PAYMENT_SETTINGS_MISSING, missing));
            }
            BridgeLedger.Key key = new BridgeLedger.Key(command.portalId(), command.payment().id(), command.action());
            return ledger.claim(key, command.realmId(), command.callbackId(), config.pendingLease())
                    .chain(claim -> {
                        if (claim instanceof Claim.Done done) {
                            Log.infof("Payment %s, %s: replayed from the ledger", command.payment().id(),
                                    command.action());
                            return Uni.createFrom().item(done.first().asReplayed());
                        }
                        if (claim instanceof Claim.Owned owned) {
                            return bridgeOwned(command, accounts, owned);
                        }
                        return Uni.createFrom().failure(inProgress(command));
                    });
        });
    }

    private Uni<BridgeOutcome> bridgeOwned(PaymentActionCommand command, Accounts accounts, Claim.Owned owned) {
        return write(command, accounts)
                .map(created -> created(command.action(), created))
                .call(outcome -> ledger.complete(owned, outcome).invoke(completed -> {
                    if (!completed) {
                        Log.warnf("Ledger claim on payment %s, %s was taken over before it completed",
                                command.payment().id(), command.action());
                    }
                }))
                .onFailure(ServiceRefusalException.class).recoverWithUni(e -> {
                    ServiceRefusalException refusal = (ServiceRefusalException) e;
                    Log.infof("Payment %s, %s refused by %s: %s", command.payment().id(), command.action(),
                            refusal.service(), refusal.code());
                    return ledger.release(owned)
                            .replaceWith(BridgeOutcome.refused(refusal.code(), refusal.getMessage()));
                })
                .onFailure().call(e -> ledger.release(owned).onFailure().recoverWithNull())
                .onFailure(ServiceUnavailableException.class).transform(e -> unavailable((ServiceUnavailableException) e))
                .onFailure(e -> !(e instanceof BridgeUnavailableException)).transform(e -> {
                    Log.warnf("Payment %s, %s: a downstream call failed: %s", command.payment().id(),
                            command.action(), e.toString());
                    return new BridgeUnavailableException("DOWNSTREAM_UNAVAILABLE", 503,
                            "A LedgerBridge service could not be reached; try again shortly.",
                            config.downstreamRetryAfter(), e);
                });
    }

    private Uni<CreatedDocument> write(PaymentActionCommand command, Accounts accounts) {
        String correlation = command.callbackId();
        if (!command.action().needsCustomerAndLines()) {
            return documents.create(correlation, feeExpense(command, accounts));
        }
        return contactSync.resolve(correlation, command.customer())
                .chain(customer -> catalog.resolve(correlation, command.lineItems())
                        .map(lines -> document(command, accounts, customer.customerId(), lines)))
                .chain(request -> documents.create(correlation, request));
    }

    private DocumentRequest document(PaymentActionCommand command, Accounts accounts, String customerId,
            ResolvedLineItems resolved) {
        HubSpotPayment payment = command.payment();
        List<DocumentRequest.Line> lines = lines(command.lineItems(), resolved);
        DocumentRequest.Source source = source(command);
        String key = idempotencyKey(command);
        String type = command.action().documentServiceType();
        return switch (command.action()) {
            case PAID_INVOICE -> new DocumentRequest(key, command.realmId(), type, customerId,
                    blankToNull(command.inputs().paymentTerms()), payment.date(), null, null, source, lines,
                    new DocumentRequest.PaymentPart(payment.amount(), payment.date(), reference(payment),
                            accounts.deposit(), accounts.paymentMethod()), null);
            case SALES_RECEIPT -> new DocumentRequest(key, command.realmId(), type, customerId, null, payment.date(),
                    accounts.deposit(), accounts.paymentMethod(), source, lines, null, null);
            case REFUND_RECEIPT -> new DocumentRequest(key, command.realmId(), type, customerId, null, payment.date(),
                    accounts.refundFrom(), accounts.paymentMethod(), source, lines, null, null);
            case FEE_EXPENSE -> throw new IllegalStateException("A fee expense has no customer");
        };
    }

    private DocumentRequest feeExpense(PaymentActionCommand command, Accounts accounts) {
        HubSpotPayment payment = command.payment();
        return new DocumentRequest(idempotencyKey(command), command.realmId(), PaymentAction.FEE_EXPENSE.name(), null,
                null, null, null, null, source(command), List.of(), null,
                new DocumentRequest.ExpensePart(payment.feesAmount(), accounts.feeExpense(), accounts.feePayment(),
                        accounts.feeVendor(), "HubSpot payment processing fee, payment " + payment.id()));
    }

    /** {@code <portalId>:payment-<paymentId>:<action>}: the same for every workflow and execution (contract B). */
    static String idempotencyKey(PaymentActionCommand command) {
        return command.portalId() + ":payment-" + command.payment().id() + ":" + command.action().keySuffix();
    }

    private DocumentRequest.Source source(PaymentActionCommand command) {
        return new DocumentRequest.Source(command.portalId(), config.sourceObjectType(), command.payment().id(),
                command.callbackId());
    }

    private static String reference(HubSpotPayment payment) {
        String id = payment.id();
        return id.length() <= MAX_REFERENCE ? id : id.substring(id.length() - MAX_REFERENCE);
    }

    // Each resolved line with the text of its HubSpot line item (its description, else its name), as the gateway does.
    private static List<DocumentRequest.Line> lines(JsonNode lineItemsBody, ResolvedLineItems resolved) {
        Map<String, String> texts = new HashMap<>();
        JsonNode items = lineItemsBody == null ? null : lineItemsBody.get("lineItems");
        if (items != null && items.isArray()) {
            for (JsonNode item : items) {
                String description = text(item, "description");
                texts.put(text(item, "id"), description == null || description.isBlank() ? text(item, "name")
                        : description);
            }
        }
        List<DocumentRequest.Line> lines = new ArrayList<>();
        for (ResolvedLineItems.Line line : resolved.lines()) {
            String description = texts.getOrDefault(line.lineItemId(), line.itemName());
            if (line.amountNote() != null) {
                description = (description == null ? "" : description + " ") + "(" + line.amountNote() + ")";
            }
            lines.add(new DocumentRequest.Line(line.itemId(), description, line.quantity(), line.unitPrice()));
        }
        return lines;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static BridgeOutcome created(PaymentAction action, CreatedDocument document) {
        return new BridgeOutcome(BridgeOutcome.CREATED, action.documentType(), document.documentId(),
                document.docNumber(), document.totalAmount(),
                action == PaymentAction.PAID_INVOICE ? document.paymentId() : null, null, null);
    }

    private BridgeUnavailableException inProgress(PaymentActionCommand command) {
        return new BridgeUnavailableException(BridgeUnavailableException.BRIDGE_IN_PROGRESS, 429,
                "Payment " + command.payment().id() + " is being bridged as " + command.action()
                        + " by another execution right now; try again shortly.",
                config.inProgressRetryAfter(), null);
    }

    private BridgeUnavailableException unavailable(ServiceUnavailableException e) {
        Log.warnf("%s unavailable: HTTP %d %s", e.service(), e.httpStatus(), e.code());
        return new BridgeUnavailableException(e.code(), e.httpStatus() == 429 ? 429 : 503, e.getMessage(),
                e.retryAfter() == null ? config.downstreamRetryAfter() : e.retryAfter(), e);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The accounts one execution uses: the action's inputs over the company's settings. */
    record Accounts(String deposit, String refundFrom, String feeExpense, String feePayment, String feeVendor,
            String paymentMethod) {

        static Accounts of(PaymentActionCommand command, PaymentSettings saved) {
            PaymentActionCommand.Inputs in = command.inputs();
            String depositInput = blankToNull(in.depositAccount());
            return new Accounts(
                    depositInput != null ? depositInput : saved.depositAccountId(),
                    depositInput != null ? depositInput : saved.refundFromAccountId(),
                    firstSet(in.expenseAccount(), saved.feeExpenseAccountId()),
                    firstSet(in.paymentAccount(), saved.feePaymentAccountId()),
                    firstSet(in.vendor(), saved.feeVendorId()),
                    saved.paymentMethodId());
        }

        /** A sentence naming what the action lacks, or null when it has every account it needs. */
        String missingFor(PaymentAction action) {
            Map<String, String> needed = new LinkedHashMap<>();
            switch (action) {
                case PAID_INVOICE, SALES_RECEIPT -> {
                    // Optional: without one QBO deposits a payment to Undeposited Funds, and document-service gives a
                    // sales receipt its own settings' account.
                }
                case REFUND_RECEIPT -> needed.put("refund-from account (refundFromAccountId or the deposit_account"
                        + " input)", refundFrom);
                case FEE_EXPENSE -> {
                    needed.put("fee expense account (feeExpenseAccountId or the expense_account input)", feeExpense);
                    needed.put("fee payment account (feePaymentAccountId or the payment_account input)", feePayment);
                    needed.put("fee vendor (feeVendorId or the vendor input)", feeVendor);
                }
            }
            List<String> absent = needed.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey)
                    .toList();
            if (absent.isEmpty()) {
                return null;
            }
            return "The company's payment settings lack the " + String.join(", the ", absent) + "; set "
                    + (absent.size() == 1 ? "it" : "them") + " in LedgerBridge's payment settings or in the action.";
        }

        private static String firstSet(String input, String saved) {
            String value = blankToNull(input);
            return value != null ? value : saved;
        }
    }
}
