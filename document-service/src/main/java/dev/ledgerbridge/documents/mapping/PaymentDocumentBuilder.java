package dev.ledgerbridge.documents.mapping;

import dev.ledgerbridge.documents.DocumentRefusedException;
import dev.ledgerbridge.documents.NewDocument;
import dev.ledgerbridge.documents.NewDocument.ExpenseDetails;
import dev.ledgerbridge.documents.NewDocument.PaymentDetails;
import dev.ledgerbridge.quickbooks.model.Account;
import dev.ledgerbridge.quickbooks.model.Line;
import dev.ledgerbridge.quickbooks.model.LinkedTxn;
import dev.ledgerbridge.quickbooks.model.Payment;
import dev.ledgerbridge.quickbooks.model.Purchase;
import dev.ledgerbridge.quickbooks.model.Ref;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * Builds the QBO entities of the payment documents that are not sales forms (issue 7): the Payment of a paid invoice
 * (A4), applied in full to its invoice, and the Purchase of a fee expense (A6).
 */
@ApplicationScoped
public class PaymentDocumentBuilder {

    /** QBO's limit for {@code PaymentRefNum} (Intuit API reference: "max 21 characters"). */
    public static final int MAX_PAYMENT_REF_NUM_LENGTH = 21;

    /** The QBO account type a Purchase paid in cash (from a bank account) needs. */
    public static final String BANK = "Bank";
    /** The QBO account type a Purchase charged to a card needs. */
    public static final String CREDIT_CARD = "Credit Card";

    /**
     * The Payment of a paid invoice: the invoice's customer, {@code TotalAmt} = the amount, one line applying the
     * whole amount to the invoice ({@code LinkedTxn} TxnType Invoice), the deposit account and payment method when
     * given (QBO's Undeposited Funds otherwise), {@code PaymentRefNum}, the payment's date (else the document's) and
     * the document's PrivateNote marker.
     *
     * @param invoiceId    QBO id of the invoice the payment pays
     * @param invoiceTotal the invoice's total as QBO confirmed it, or null when unknown
     * @throws DocumentRefusedException PAYMENT_EXCEEDS_INVOICE when the amount is larger than the invoice total
     */
    public Payment payment(NewDocument document, String invoiceId, BigDecimal invoiceTotal) {
        PaymentDetails details = document.payment();
        BigDecimal amount = money(details.amount());
        if (invoiceTotal != null) {
            requireWithinInvoice(amount, invoiceTotal);
        }
        return Payment.builder()
                .customerRef(Ref.of(document.customerId()))
                .totalAmt(amount)
                .txnDate(paymentDate(document))
                .paymentRefNum(details.referenceNumber())
                .depositToAccountRef(details.depositAccountId() == null ? null : Ref.of(details.depositAccountId()))
                .paymentMethodRef(details.paymentMethodId() == null ? null : Ref.of(details.paymentMethodId()))
                .privateNote(PrivateNoteMarker.of(document.source()))
                .lines(List.of(Line.payment(amount, LinkedTxn.invoice(invoiceId))))
                .build();
    }

    /** The date the Payment is written with: the payment's own, else the document's, else null (QBO's date). */
    public static LocalDate paymentDate(NewDocument document) {
        return document.payment().txnDate() != null ? document.payment().txnDate() : document.txnDate();
    }

    /**
     * Refuses a payment larger than the invoice: QBO would refuse the Payment only after the invoice was written.
     *
     * @throws DocumentRefusedException PAYMENT_EXCEEDS_INVOICE
     */
    public static void requireWithinInvoice(BigDecimal amount, BigDecimal invoiceTotal) {
        if (amount.compareTo(invoiceTotal) > 0) {
            throw new DocumentRefusedException(DocumentRefusedException.PAYMENT_EXCEEDS_INVOICE,
                    "The payment of " + amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString()
                            + " is more than the invoice total of "
                            + invoiceTotal.setScale(2, RoundingMode.HALF_UP).toPlainString()
                            + "; QuickBooks cannot apply more to an invoice than it is for.");
        }
    }

    /**
     * The Purchase of a fee expense: PaymentType {@code Cash} when the paying account is a Bank account,
     * {@code CreditCard} when it is a Credit Card account; {@code AccountRef} that account, {@code EntityRef} the
     * vendor, one not-billable AccountBasedExpenseLineDetail line of the amount to the expense account with the
     * description, the document's date and PrivateNote marker. QBO computes TotalAmt from the line.
     *
     * @param paymentAccount the paying account as QBO holds it (its type decides PaymentType)
     * @throws DocumentRefusedException INVALID_PAYMENT_ACCOUNT when the account is inactive or of another type
     */
    public Purchase feeExpense(NewDocument document, Account paymentAccount) {
        ExpenseDetails expense = document.expense();
        return Purchase.builder()
                .paymentType(paymentType(paymentAccount))
                .accountRef(Ref.of(expense.paymentAccountId()))
                .entityRef(Ref.typed(expense.vendorId(), "Vendor"))
                .txnDate(document.txnDate())
                .privateNote(PrivateNoteMarker.of(document.source()))
                .lines(List.of(Line.accountBasedExpense(Ref.of(expense.expenseAccountId()),
                        money(expense.amount()), expense.description())))
                .build();
    }

    /**
     * {@code Cash} for a Bank account, {@code CreditCard} for a Credit Card account (QBO refuses any other pairing).
     *
     * @throws DocumentRefusedException INVALID_PAYMENT_ACCOUNT for an inactive account or another type
     */
    static String paymentType(Account account) {
        if (Boolean.FALSE.equals(account.active())) {
            throw new DocumentRefusedException(DocumentRefusedException.INVALID_PAYMENT_ACCOUNT,
                    "QuickBooks account \"" + account.name() + "\" (id " + account.id() + ") is inactive; the fee"
                            + " cannot be paid from it. Choose an active Bank or Credit Card account.");
        }
        if (BANK.equals(account.accountType())) {
            return Purchase.PAYMENT_TYPE_CASH;
        }
        if (CREDIT_CARD.equals(account.accountType())) {
            return Purchase.PAYMENT_TYPE_CREDIT_CARD;
        }
        throw new DocumentRefusedException(DocumentRefusedException.INVALID_PAYMENT_ACCOUNT,
                "QuickBooks account \"" + account.name() + "\" (id " + account.id() + ") has type "
                        + account.accountType() + "; a fee can only be paid from a Bank or Credit Card account.");
    }

    private static BigDecimal money(BigDecimal amount) {
        try {
            return amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount " + amount.toPlainString() + " has more than 2 decimals", e);
        }
    }
}
