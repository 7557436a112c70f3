package dev.ledgerbridge.documents;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One company's document settings: sales receipt deposit account and payment method, DocNumber pattern. */
@Entity
@Table(name = "document_settings")
public class DocumentSettings {

    @Id
    @Column(name = "realm_id")
    public String realmId;

    @Column(name = "deposit_account_id")
    public String depositAccountId;

    @Column(name = "payment_method_id")
    public String paymentMethodId;

    @Column(name = "doc_number_pattern")
    public String docNumberPattern;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
