package dev.ledgerbridge.payments;

/**
 * A company's accounts for the payment actions; every field optional (null: not configured).
 *
 * @param depositAccountId     where a paid invoice's payment and a sales receipt are deposited (Bank or Other
 *                             Current Asset)
 * @param feeExpenseAccountId  the expense account of fee expenses (Expense, Other Expense or Cost of Goods Sold)
 * @param feePaymentAccountId  the account fee expenses are paid from (Bank or Credit Card)
 * @param feeVendorId          the payee of fee expenses (an active vendor, e.g. the payment processor)
 * @param refundFromAccountId  the account refund receipts are paid from (Bank or Other Current Asset)
 * @param paymentMethodId      payment method of payments, sales receipts and refund receipts
 */
public record PaymentSettings(String depositAccountId, String feeExpenseAccountId, String feePaymentAccountId,
        String feeVendorId, String refundFromAccountId, String paymentMethodId) {

    /** A company that configured nothing. */
    public static final PaymentSettings NONE = new PaymentSettings(null, null, null, null, null, null);
}
