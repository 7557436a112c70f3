package dev.ledgerbridge.payments.repository;

import dev.ledgerbridge.payments.PaymentSettings;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;

/** The companies' payment settings (table {@code payment_settings}), plain SQL on the reactive pool. */
@ApplicationScoped
public class PaymentSettingsRepository {

    private static final String FIND = """
            SELECT deposit_account_id, fee_expense_account_id, fee_payment_account_id, fee_vendor_id,
                   refund_from_account_id, payment_method_id
            FROM payment_settings WHERE realm_id = $1""";

    private static final String UPSERT = """
            INSERT INTO payment_settings (realm_id, deposit_account_id, fee_expense_account_id, fee_payment_account_id,
                                          fee_vendor_id, refund_from_account_id, payment_method_id, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, now())
            ON CONFLICT (realm_id) DO UPDATE SET
                deposit_account_id = EXCLUDED.deposit_account_id,
                fee_expense_account_id = EXCLUDED.fee_expense_account_id,
                fee_payment_account_id = EXCLUDED.fee_payment_account_id,
                fee_vendor_id = EXCLUDED.fee_vendor_id,
                refund_from_account_id = EXCLUDED.refund_from_account_id,
                payment_method_id = EXCLUDED.payment_method_id,
                updated_at = now()""";

    private final Pool pool;

    PaymentSettingsRepository(Pool pool) {
        this.pool = pool;
    }

    /** The company's settings; {@link PaymentSettings#NONE} when it never saved any. */
    public Uni<PaymentSettings> find(String realmId) {
        return pool.preparedQuery(FIND).execute(Tuple.of(realmId)).map(rows -> {
            Iterator<Row> it = rows.iterator();
            if (!it.hasNext()) {
                return PaymentSettings.NONE;
            }
            Row row = it.next();
            return new PaymentSettings(row.getString("deposit_account_id"), row.getString("fee_expense_account_id"),
                    row.getString("fee_payment_account_id"), row.getString("fee_vendor_id"),
                    row.getString("refund_from_account_id"), row.getString("payment_method_id"));
        });
    }

    /** Replaces the company's settings (every field, nulls included). */
    public Uni<PaymentSettings> replace(String realmId, PaymentSettings settings) {
        return pool.preparedQuery(UPSERT)
                .execute(Tuple.from(new Object[] { realmId, settings.depositAccountId(), settings.feeExpenseAccountId(),
                        settings.feePaymentAccountId(), settings.feeVendorId(), settings.refundFromAccountId(),
                        settings.paymentMethodId() }))
                .replaceWith(settings);
    }
}
