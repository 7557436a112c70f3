package dev.ledgerbridge.sandbox.qbo.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ledgerbridge.sandbox.qbo.QboEntityType;
import dev.ledgerbridge.sandbox.qbo.QboFault;
import dev.ledgerbridge.sandbox.qbo.QboTime;
import dev.ledgerbridge.sandbox.qbo.repository.QboCompany;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * QBO's business rules per entity: validation with QBO's error codes and the fields QBO computes (TotalAmt,
 * Balance, DocNumber, DueDate, reference names, payment linking). Money is BigDecimal throughout. Callers hold
 * the company's monitor.
 */
final class EntityRules {

    private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);
    // Where a payment's or sales receipt's money can go and a refund receipt's come from (Intuit: Account.AccountType
    // Bank or Other Current Asset).
    private static final Set<String> DEPOSIT_ACCOUNT_TYPES = Set.of("Bank", "Other Current Asset");
    private static final int MAX_PAYMENT_REF_NUM = 21;
    private static final Set<QboEntityType> SALES_FORMS = Set.of(QboEntityType.INVOICE, QboEntityType.ESTIMATE,
            QboEntityType.SALES_RECEIPT, QboEntityType.REFUND_RECEIPT);
    private static final Map<String, String> CLASSIFICATION = Map.ofEntries(
            Map.entry("Bank", "Asset"), Map.entry("Other Current Asset", "Asset"),
            Map.entry("Fixed Asset", "Asset"), Map.entry("Other Asset", "Asset"),
            Map.entry("Accounts Receivable", "Asset"), Map.entry("Equity", "Equity"),
            Map.entry("Expense", "Expense"), Map.entry("Other Expense", "Expense"),
            Map.entry("Cost of Goods Sold", "Expense"), Map.entry("Accounts Payable", "Liability"),
            Map.entry("Credit Card", "Liability"), Map.entry("Long Term Liability", "Liability"),
            Map.entry("Other Current Liability", "Liability"), Map.entry("Income", "Revenue"),
            Map.entry("Other Income", "Revenue"));

    private final QboCompany company;
    private final Instant now;

    EntityRules(QboCompany company, Instant now) {
        this.company = company;
        this.now = now;
    }

    /** Validates {@code entity} (the candidate state) and fills computed fields; {@code existing} is null on create. */
    void prepare(QboEntityType type, ObjectNode entity, ObjectNode existing) {
        switch (type) {
            case CUSTOMER, VENDOR -> person(type, entity, existing);
            case ITEM -> item(entity, existing);
            case TERM -> term(entity, existing);
            case ACCOUNT -> account(entity, existing);
            case INVOICE, ESTIMATE, SALES_RECEIPT, REFUND_RECEIPT -> salesForm(type, entity, existing);
            case PAYMENT -> payment(entity, existing);
            case PURCHASE -> purchase(entity);
            default -> throw unsupported(type, "update");
        }
    }

    /** Side effects on other entities after a write or delete ({@code entity} null for a delete). */
    void afterWrite(QboEntityType type, ObjectNode entity, ObjectNode previous) {
        Set<String> customers = new LinkedHashSet<>();
        if (type == QboEntityType.PAYMENT) {
            Set<String> invoices = new LinkedHashSet<>();
            invoices.addAll(linkedInvoiceIds(previous));
            invoices.addAll(linkedInvoiceIds(entity));
            for (String invoiceId : invoices) {
                company.find(QboEntityType.INVOICE, invoiceId).ifPresent(this::relinkInvoice);
            }
        }
        if (type == QboEntityType.INVOICE || type == QboEntityType.PAYMENT) {
            for (ObjectNode node : new ObjectNode[] {previous, entity}) {
                if (node != null && node.path("CustomerRef").has("value")) {
                    customers.add(node.path("CustomerRef").path("value").asText());
                }
            }
        }
        customers.forEach(this::recomputeCustomerBalance);
    }

    static QboFault unsupported(QboEntityType type, String operation) {
        return QboFault.validation("500", "Unsupported Operation",
                "Operation " + operation + " is not supported for " + type.wireName(), "");
    }

    // ---- name lists -------------------------------------------------------------------------------------

    private void person(QboEntityType type, ObjectNode entity, ObjectNode existing) {
        for (String field : List.of("DisplayName", "GivenName", "MiddleName", "FamilyName", "Title", "Suffix",
                "PrintOnCheckName")) {
            noForbiddenNameCharacters(entity, field);
        }
        String displayName = text(entity, "DisplayName");
        if (displayName == null || displayName.isBlank()) {
            StringBuilder built = new StringBuilder();
            for (String part : List.of("Title", "GivenName", "MiddleName", "FamilyName", "Suffix")) {
                String value = text(entity, part);
                if (value != null && !value.isBlank()) {
                    built.append(built.length() == 0 ? "" : " ").append(value.trim());
                }
            }
            if (built.length() == 0) {
                throw QboFault.required("DisplayName");
            }
            displayName = built.toString();
            entity.put("DisplayName", displayName);
        }
        if (displayName.length() > 500) {
            throw QboFault.business("DisplayName is longer than 500 characters", "DisplayName");
        }
        String key = nameKey(displayName);
        for (QboEntityType other : List.of(QboEntityType.CUSTOMER, QboEntityType.VENDOR)) {
            for (ObjectNode candidate : company.all(other)) {
                if (isSelf(other, candidate, type, existing)) {
                    continue;
                }
                if (nameKey(candidate.path("DisplayName").asText()).equals(key)) {
                    throw duplicateName("Another customer, vendor or employee is already using this name."
                            + " Please use a different name.", candidate);
                }
            }
        }
        JsonNode email = entity.path("PrimaryEmailAddr").path("Address");
        if (email.isTextual() && !(email.asText().contains("@") && email.asText().contains("."))) {
            throw QboFault.business("Invalid email address format", "PrimaryEmailAddr");
        }
        defaultActive(entity);
        entity.put("FullyQualifiedName", displayName);
        if (!entity.hasNonNull("PrintOnCheckName")) {
            entity.put("PrintOnCheckName", displayName);
        }
        if (type == QboEntityType.CUSTOMER) {
            optionalRef(entity, "SalesTermRef", QboEntityType.TERM);
            entity.put("Balance", existing == null ? money(BigDecimal.ZERO) : decimal(existing, "Balance"));
            entity.put("BalanceWithJobs", entity.get("Balance").decimalValue());
            putIfAbsent(entity, "Job", false);
            putIfAbsent(entity, "BillWithParent", false);
            putIfAbsent(entity, "Taxable", false);
        } else {
            optionalRef(entity, "TermRef", QboEntityType.TERM);
            entity.put("Balance", existing == null ? money(BigDecimal.ZERO) : decimal(existing, "Balance"));
            putIfAbsent(entity, "Vendor1099", false);
        }
    }

    private void item(ObjectNode entity, ObjectNode existing) {
        String name = text(entity, "Name");
        if (name == null || name.isBlank()) {
            throw QboFault.required("Name");
        }
        noForbiddenNameCharacters(entity, "Name");
        if (name.length() > 100) {
            throw QboFault.business("Item Name is longer than 100 characters", "Name");
        }
        String key = nameKey(name);
        for (ObjectNode candidate : company.all(QboEntityType.ITEM)) {
            if (!isSelf(QboEntityType.ITEM, candidate, QboEntityType.ITEM, existing)
                    && nameKey(candidate.path("Name").asText()).equals(key)) {
                throw duplicateName("Another product or service is already using this name."
                        + " Please use a different name.", candidate);
            }
        }
        String itemType = text(entity, "Type");
        if (itemType == null) {
            throw QboFault.required("Type");
        }
        switch (itemType) {
            case "Service", "NonInventory" -> requiredRef(entity, "IncomeAccountRef", QboEntityType.ACCOUNT);
            case "Inventory" -> {
                requiredRef(entity, "IncomeAccountRef", QboEntityType.ACCOUNT);
                requiredRef(entity, "AssetAccountRef", QboEntityType.ACCOUNT);
                requiredRef(entity, "ExpenseAccountRef", QboEntityType.ACCOUNT);
                if (!entity.hasNonNull("QtyOnHand")) {
                    throw QboFault.required("QtyOnHand");
                }
                if (!entity.hasNonNull("InvStartDate")) {
                    throw QboFault.required("InvStartDate");
                }
                putIfAbsent(entity, "TrackQtyOnHand", true);
            }
            default -> throw QboFault.business("Item Type " + itemType
                    + " is not supported; use Service, NonInventory or Inventory", "Type");
        }
        optionalRef(entity, "ExpenseAccountRef", QboEntityType.ACCOUNT);
        optionalRef(entity, "AssetAccountRef", QboEntityType.ACCOUNT);
        if (entity.has("UnitPrice") && !entity.get("UnitPrice").isNumber()) {
            throw QboFault.business("UnitPrice must be a number", "UnitPrice");
        }
        defaultActive(entity);
        putIfAbsent(entity, "Taxable", false);
        entity.put("FullyQualifiedName", name);
    }

    private void term(ObjectNode entity, ObjectNode existing) {
        String name = text(entity, "Name");
        if (name == null || name.isBlank()) {
            throw QboFault.required("Name");
        }
        if (name.length() > 31) {
            throw QboFault.business("Term Name is longer than 31 characters", "Name");
        }
        for (ObjectNode candidate : company.all(QboEntityType.TERM)) {
            if (!isSelf(QboEntityType.TERM, candidate, QboEntityType.TERM, existing)
                    && nameKey(candidate.path("Name").asText()).equals(nameKey(name))) {
                throw duplicateName("Another term is already using this name.", candidate);
            }
        }
        entity.put("Type", entity.hasNonNull("DueDays") ? "STANDARD" : "DATE_DRIVEN");
        defaultActive(entity);
    }

    private void account(ObjectNode entity, ObjectNode existing) {
        String name = text(entity, "Name");
        if (name == null || name.isBlank()) {
            throw QboFault.required("Name");
        }
        if (name.contains(":") || name.contains("\"")) {
            throw QboFault.business("Account Name cannot contain a colon (:) or a double quote (\")", "Name");
        }
        for (ObjectNode candidate : company.all(QboEntityType.ACCOUNT)) {
            if (!isSelf(QboEntityType.ACCOUNT, candidate, QboEntityType.ACCOUNT, existing)
                    && nameKey(candidate.path("Name").asText()).equals(nameKey(name))) {
                throw duplicateName("Another account is already using this name.", candidate);
            }
        }
        String accountType = text(entity, "AccountType");
        if (accountType == null) {
            throw QboFault.required("AccountType");
        }
        String classification = CLASSIFICATION.get(accountType);
        if (classification == null) {
            throw QboFault.business("Invalid AccountType " + accountType, "AccountType");
        }
        entity.put("Classification", classification);
        defaultActive(entity);
        putIfAbsent(entity, "SubAccount", false);
        entity.put("FullyQualifiedName", name);
        BigDecimal balance = existing == null ? money(BigDecimal.ZERO) : decimal(existing, "CurrentBalance");
        entity.put("CurrentBalance", balance);
        entity.put("CurrentBalanceWithSubAccounts", balance);
    }

    // ---- transactions -----------------------------------------------------------------------------------

    private void salesForm(QboEntityType type, ObjectNode entity, ObjectNode existing) {
        if (type == QboEntityType.INVOICE || type == QboEntityType.ESTIMATE) {
            requiredRef(entity, "CustomerRef", QboEntityType.CUSTOMER);
        } else {
            optionalRef(entity, "CustomerRef", QboEntityType.CUSTOMER);
        }
        BigDecimal total = salesLines(entity);
        BigDecimal tax = entity.path("TxnTaxDetail").path("TotalTax").isNumber()
                ? entity.path("TxnTaxDetail").path("TotalTax").decimalValue() : BigDecimal.ZERO;
        if (!entity.has("TxnTaxDetail")) {
            entity.putObject("TxnTaxDetail").put("TotalTax", money(BigDecimal.ZERO));
        }
        total = money(total.add(tax));
        LocalDate txnDate = txnDate(entity);
        docNumber(type, entity, existing);
        entity.put("TotalAmt", total);
        switch (type) {
            case INVOICE -> {
                ObjectNode customer = company.find(QboEntityType.CUSTOMER,
                        entity.path("CustomerRef").path("value").asText()).orElseThrow();
                if (!entity.has("SalesTermRef") && customer.has("SalesTermRef")) {
                    entity.set("SalesTermRef", customer.get("SalesTermRef").deepCopy());
                }
                Optional<ObjectNode> term = optionalRef(entity, "SalesTermRef", QboEntityType.TERM);
                if (!entity.hasNonNull("DueDate")) {
                    long dueDays = term.map(t -> t.path("DueDays").asLong(0)).orElse(0L);
                    entity.put("DueDate", txnDate.plusDays(dueDays).toString());
                } else {
                    date(entity, "DueDate");
                }
                String id = existing == null ? null : existing.path("Id").asText();
                BigDecimal applied = id == null ? BigDecimal.ZERO : appliedToInvoice(id, null);
                if (applied.compareTo(total) > 0) {
                    throw QboFault.business("The invoice total " + total.toPlainString()
                            + " is less than the payments applied to it (" + applied.toPlainString() + ")", "Line");
                }
                entity.put("Balance", money(total.subtract(applied)));
                ArrayNode links = JSON.arrayNode();
                for (JsonNode link : entity.path("LinkedTxn")) {
                    if (!"Payment".equals(link.path("TxnType").asText())) {
                        links.add(link);
                    }
                }
                if (existing != null) {
                    for (JsonNode link : existing.path("LinkedTxn")) {
                        if ("Payment".equals(link.path("TxnType").asText())) {
                            links.add(link);
                        }
                    }
                }
                entity.set("LinkedTxn", links);
                putIfAbsent(entity, "EmailStatus", "NotSet");
                putIfAbsent(entity, "PrintStatus", "NotSet");
                copyBillEmail(entity, customer);
            }
            case ESTIMATE -> {
                putIfAbsent(entity, "TxnStatus", "Pending");
                putIfAbsent(entity, "EmailStatus", "NotSet");
                putIfAbsent(entity, "PrintStatus", "NotSet");
                if (entity.hasNonNull("ExpirationDate")) {
                    date(entity, "ExpirationDate");
                }
            }
            case SALES_RECEIPT -> {
                optionalRef(entity, "PaymentMethodRef", QboEntityType.PAYMENT_METHOD);
                if (entity.has("DepositToAccountRef")) {
                    requiredRef(entity, "DepositToAccountRef", QboEntityType.ACCOUNT);
                } else {
                    entity.set("DepositToAccountRef", undepositedFunds());
                }
                entity.put("Balance", money(BigDecimal.ZERO));
                putIfAbsent(entity, "EmailStatus", "NotSet");
                putIfAbsent(entity, "PrintStatus", "NotSet");
            }
            case REFUND_RECEIPT -> {
                ObjectNode account = requiredRef(entity, "DepositToAccountRef", QboEntityType.ACCOUNT);
                String accountType = account.path("AccountType").asText();
                optionalRef(entity, "PaymentMethodRef", QboEntityType.PAYMENT_METHOD);
                paymentRefNum(entity);
                if (!DEPOSIT_ACCOUNT_TYPES.contains(accountType)) {
                    throw QboFault.business("DepositToAccountRef of a refund receipt must be a Bank or Other"
                            + " Current Asset account", "DepositToAccountRef");
                }
                entity.put("Balance", money(BigDecimal.ZERO));
                putIfAbsent(entity, "PrintStatus", "NotSet");
            }
            default -> throw new IllegalStateException(type.name());
        }
    }

    private void copyBillEmail(ObjectNode invoice, ObjectNode customer) {
        if (!invoice.has("BillEmail") && customer.has("PrimaryEmailAddr")) {
            invoice.set("BillEmail", customer.get("PrimaryEmailAddr").deepCopy());
        }
    }

    /** Checks and renumbers sales lines, appends QBO's SubTotalLine and returns the total before tax. */
    private BigDecimal salesLines(ObjectNode entity) {
        JsonNode lines = entity.get("Line");
        if (lines == null || !lines.isArray() || lines.isEmpty()) {
            throw QboFault.required("Line");
        }
        boolean us = "US".equals(companyInfo().path("Country").asText());
        ArrayNode result = JSON.arrayNode();
        BigDecimal subtotal = BigDecimal.ZERO;
        BigDecimal discount = BigDecimal.ZERO;
        int number = 0;
        for (JsonNode raw : lines) {
            ObjectNode line = lineObject(raw);
            String detailType = line.path("DetailType").asText(null);
            if (detailType == null) {
                throw QboFault.required("Line.DetailType");
            }
            switch (detailType) {
                case "SubTotalLineDetail" -> {
                    continue;
                }
                case "SalesItemLineDetail" -> {
                    BigDecimal amount = amount(line);
                    ObjectNode detail = line.has("SalesItemLineDetail") && line.get("SalesItemLineDetail").isObject()
                            ? (ObjectNode) line.get("SalesItemLineDetail") : line.putObject("SalesItemLineDetail");
                    if (detail.has("ItemRef")) {
                        resolve(detail, "ItemRef", QboEntityType.ITEM, "Line.SalesItemLineDetail.ItemRef");
                        subtotal = subtotal.add(amount);
                    }
                    if (detail.hasNonNull("Qty") && detail.hasNonNull("UnitPrice")) {
                        BigDecimal expected = detail.get("Qty").decimalValue()
                                .multiply(detail.get("UnitPrice").decimalValue()).setScale(2, RoundingMode.HALF_UP);
                        if (amount.setScale(2, RoundingMode.HALF_UP).compareTo(expected) != 0) {
                            throw QboFault.validation("6070", "Amount is not equal to UnitPrice * Qty",
                                    "Amount is not equal to UnitPrice * Qty. Supplied value:" + amount.toPlainString(),
                                    "");
                        }
                    }
                    String taxCode = detail.path("TaxCodeRef").path("value").asText(null);
                    if (us && taxCode != null && !taxCode.equals("TAX") && !taxCode.equals("NON")) {
                        throw QboFault.validation("6100", "Invalid line TaxCode",
                                "Invalid TaxCode: US companies take TAX or NON, got " + taxCode,
                                "Line.SalesItemLineDetail.TaxCodeRef");
                    }
                }
                case "DescriptionOnly" -> {
                    if (!line.has("DescriptionLineDetail")) {
                        line.putObject("DescriptionLineDetail");
                    }
                }
                case "DiscountLineDetail" -> {
                    JsonNode detail = line.path("DiscountLineDetail");
                    BigDecimal amount;
                    if (detail.path("PercentBased").asBoolean(false) && detail.path("DiscountPercent").isNumber()) {
                        amount = money(subtotal.multiply(detail.get("DiscountPercent").decimalValue())
                                .divide(BigDecimal.valueOf(100)));
                        line.put("Amount", amount);
                    } else {
                        amount = amount(line);
                    }
                    discount = discount.add(amount);
                }
                default -> throw QboFault.business("Line DetailType " + detailType
                        + " is not supported on this transaction", "Line.DetailType");
            }
            number++;
            line.put("Id", Integer.toString(number));
            line.put("LineNum", number);
            result.add(line);
        }
        if (number == 0) {
            throw QboFault.required("Line");
        }
        ObjectNode subtotalLine = result.addObject();
        subtotalLine.put("Amount", money(subtotal));
        subtotalLine.put("DetailType", "SubTotalLineDetail");
        subtotalLine.putObject("SubTotalLineDetail");
        entity.set("Line", result);
        return subtotal.subtract(discount);
    }

    private void payment(ObjectNode entity, ObjectNode existing) {
        ObjectNode customer = requiredRef(entity, "CustomerRef", QboEntityType.CUSTOMER);
        if (!entity.hasNonNull("TotalAmt")) {
            throw QboFault.required("TotalAmt");
        }
        BigDecimal total = number(entity, "TotalAmt");
        if (total.signum() < 0) {
            throw QboFault.business("TotalAmt cannot be negative", "TotalAmt");
        }
        String selfId = existing == null ? null : existing.path("Id").asText();
        BigDecimal applied = BigDecimal.ZERO;
        ArrayNode lines = JSON.arrayNode();
        for (JsonNode raw : entity.path("Line")) {
            ObjectNode line = lineObject(raw);
            BigDecimal amount = amount(line);
            JsonNode links = line.path("LinkedTxn");
            if (!links.isArray() || links.isEmpty()) {
                throw QboFault.required("Line.LinkedTxn");
            }
            for (JsonNode link : links) {
                if (!"Invoice".equals(link.path("TxnType").asText())) {
                    throw QboFault.business("The sandbox links payments to invoices only (TxnType Invoice)",
                            "Line.LinkedTxn.TxnType");
                }
                String invoiceId = link.path("TxnId").asText();
                ObjectNode invoice = company.find(QboEntityType.INVOICE, invoiceId)
                        .orElseThrow(() -> QboFault.objectNotFound("Line.LinkedTxn.TxnId"));
                if (!invoice.path("CustomerRef").path("value").asText().equals(customer.path("Id").asText())) {
                    throw QboFault.validation("620", "Transaction cannot be linked",
                            "Invoice " + invoiceId + " belongs to another customer", "Line.LinkedTxn");
                }
                BigDecimal open = number(invoice, "TotalAmt").subtract(appliedToInvoice(invoiceId, selfId));
                if (amount.compareTo(open) > 0) {
                    throw QboFault.business("The amount applied (" + amount.toPlainString()
                            + ") exceeds the open balance of invoice " + invoiceId + " (" + open.toPlainString() + ")",
                            "Line.Amount");
                }
            }
            applied = applied.add(amount);
            lines.add(line);
        }
        if (applied.compareTo(total) > 0) {
            throw QboFault.business("The payment lines apply more (" + applied.toPlainString()
                    + ") than the payment's TotalAmt (" + total.toPlainString() + ")", "TotalAmt");
        }
        entity.set("Line", lines);
        entity.put("TotalAmt", money(total));
        entity.put("UnappliedAmt", money(total.subtract(applied)));
        if (entity.has("DepositToAccountRef")) {
            // Intuit: the deposit account of a payment is an asset account where Account.AccountType is Bank or
            // Other Current Asset (Undeposited Funds is one); QBO refuses an income or expense account.
            ObjectNode account = requiredRef(entity, "DepositToAccountRef", QboEntityType.ACCOUNT);
            if (!DEPOSIT_ACCOUNT_TYPES.contains(account.path("AccountType").asText())) {
                throw QboFault.business("DepositToAccountRef of a payment must be a Bank or Other Current Asset"
                        + " account, not " + account.path("AccountType").asText(), "DepositToAccountRef");
            }
        } else {
            entity.set("DepositToAccountRef", undepositedFunds());
        }
        paymentRefNum(entity);
        optionalRef(entity, "PaymentMethodRef", QboEntityType.PAYMENT_METHOD);
        txnDate(entity);
        putIfAbsent(entity, "ProcessPayment", false);
    }

    private void purchase(ObjectNode entity) {
        String paymentType = text(entity, "PaymentType");
        if (paymentType == null) {
            throw QboFault.required("PaymentType");
        }
        if (!List.of("Cash", "Check", "CreditCard").contains(paymentType)) {
            throw QboFault.business("PaymentType must be Cash, Check or CreditCard", "PaymentType");
        }
        ObjectNode account = requiredRef(entity, "AccountRef", QboEntityType.ACCOUNT);
        String accountType = account.path("AccountType").asText();
        boolean creditCard = paymentType.equals("CreditCard");
        // Intuit: Cash and Check purchases are paid from a Bank account, CreditCard ones charged to a Credit Card
        // account; any other account type is refused, not only the crossed pairs.
        if (!accountType.equals(creditCard ? "Credit Card" : "Bank")) {
            throw QboFault.business("AccountRef must be a " + (creditCard ? "Credit Card" : "Bank")
                    + " account for PaymentType " + paymentType, "AccountRef");
        }
        JsonNode lines = entity.get("Line");
        if (lines == null || !lines.isArray() || lines.isEmpty()) {
            throw QboFault.required("Line");
        }
        BigDecimal sum = BigDecimal.ZERO;
        ArrayNode result = JSON.arrayNode();
        int number = 0;
        for (JsonNode raw : lines) {
            ObjectNode line = lineObject(raw);
            String detailType = line.path("DetailType").asText(null);
            if ("AccountBasedExpenseLineDetail".equals(detailType)) {
                JsonNode detail = line.path("AccountBasedExpenseLineDetail");
                if (!detail.isObject() || !detail.has("AccountRef")) {
                    throw QboFault.required("Line.AccountBasedExpenseLineDetail.AccountRef");
                }
                resolve((ObjectNode) detail, "AccountRef", QboEntityType.ACCOUNT,
                        "Line.AccountBasedExpenseLineDetail.AccountRef");
                putIfAbsent((ObjectNode) detail, "BillableStatus", "NotBillable");
            } else if ("ItemBasedExpenseLineDetail".equals(detailType)) {
                JsonNode detail = line.path("ItemBasedExpenseLineDetail");
                if (!detail.isObject() || !detail.has("ItemRef")) {
                    throw QboFault.required("Line.ItemBasedExpenseLineDetail.ItemRef");
                }
                resolve((ObjectNode) detail, "ItemRef", QboEntityType.ITEM, "Line.ItemBasedExpenseLineDetail.ItemRef");
            } else if (detailType == null) {
                throw QboFault.required("Line.DetailType");
            } else {
                throw QboFault.business("Line DetailType " + detailType + " is not supported on a Purchase",
                        "Line.DetailType");
            }
            sum = sum.add(amount(line));
            number++;
            line.put("Id", Integer.toString(number));
            result.add(line);
        }
        entity.set("Line", result);
        if (entity.hasNonNull("TotalAmt") && number(entity, "TotalAmt").compareTo(sum) != 0) {
            throw QboFault.business("TotalAmt (" + number(entity, "TotalAmt").toPlainString()
                    + ") must equal the sum of the line amounts (" + sum.toPlainString() + ")", "TotalAmt");
        }
        entity.put("TotalAmt", money(sum));
        if (entity.has("EntityRef")) {
            entityRef(entity);
        }
        txnDate(entity);
        putIfAbsent(entity, "Credit", false);
    }

    /** PaymentRefNum has at most 21 characters in QBO (Intuit API reference of Payment and RefundReceipt). */
    private static void paymentRefNum(ObjectNode entity) {
        String reference = text(entity, "PaymentRefNum");
        if (reference != null && reference.length() > MAX_PAYMENT_REF_NUM) {
            throw QboFault.business("PaymentRefNum is longer than " + MAX_PAYMENT_REF_NUM + " characters",
                    "PaymentRefNum");
        }
    }

    private void entityRef(ObjectNode purchase) {
        JsonNode ref = purchase.get("EntityRef");
        String id = ref.path("value").asText(null);
        if (id == null) {
            throw QboFault.required("EntityRef.value");
        }
        String declared = ref.path("type").asText("");
        List<QboEntityType> candidates = switch (declared) {
            case "Vendor" -> List.of(QboEntityType.VENDOR);
            case "Customer" -> List.of(QboEntityType.CUSTOMER);
            case "" -> List.of(QboEntityType.VENDOR, QboEntityType.CUSTOMER);
            default -> throw QboFault.objectNotFound("EntityRef");
        };
        for (QboEntityType type : candidates) {
            Optional<ObjectNode> found = company.find(type, id).filter(e -> e.path("Active").asBoolean(true));
            if (found.isPresent()) {
                ((ObjectNode) ref).put("name", found.get().path("DisplayName").asText());
                if (declared.isEmpty()) {
                    ((ObjectNode) ref).put("type", type.wireName());
                }
                return;
            }
        }
        throw QboFault.objectNotFound("EntityRef");
    }

    // ---- payment linking --------------------------------------------------------------------------------

    /** The sum of payment lines applied to an invoice, optionally ignoring one payment (the one being updated). */
    BigDecimal appliedToInvoice(String invoiceId, String excludingPaymentId) {
        BigDecimal applied = BigDecimal.ZERO;
        for (ObjectNode payment : company.all(QboEntityType.PAYMENT)) {
            if (payment.path("Id").asText().equals(excludingPaymentId)) {
                continue;
            }
            for (JsonNode line : payment.path("Line")) {
                for (JsonNode link : line.path("LinkedTxn")) {
                    if (invoiceId.equals(link.path("TxnId").asText())
                            && "Invoice".equals(link.path("TxnType").asText())) {
                        applied = applied.add(line.path("Amount").decimalValue());
                    }
                }
            }
        }
        return applied;
    }

    private void relinkInvoice(ObjectNode invoice) {
        String invoiceId = invoice.path("Id").asText();
        ArrayNode links = JSON.arrayNode();
        for (JsonNode link : invoice.path("LinkedTxn")) {
            if (!"Payment".equals(link.path("TxnType").asText())) {
                links.add(link);
            }
        }
        for (ObjectNode payment : company.all(QboEntityType.PAYMENT)) {
            if (linkedInvoiceIds(payment).contains(invoiceId)) {
                links.addObject().put("TxnId", payment.path("Id").asText()).put("TxnType", "Payment");
            }
        }
        BigDecimal balance = money(number(invoice, "TotalAmt").subtract(appliedToInvoice(invoiceId, null)));
        if (balance.compareTo(decimal(invoice, "Balance")) != 0 || !links.equals(invoice.path("LinkedTxn"))) {
            invoice.put("Balance", balance);
            invoice.set("LinkedTxn", links);
            invoice.put("SyncToken", Long.toString(Long.parseLong(invoice.path("SyncToken").asText("0")) + 1));
            ((ObjectNode) invoice.get("MetaData")).put("LastUpdatedTime", QboTime.metaData(now, company.zone()));
        }
    }

    private static Set<String> linkedInvoiceIds(ObjectNode payment) {
        Set<String> ids = new LinkedHashSet<>();
        if (payment != null) {
            for (JsonNode line : payment.path("Line")) {
                for (JsonNode link : line.path("LinkedTxn")) {
                    if ("Invoice".equals(link.path("TxnType").asText())) {
                        ids.add(link.path("TxnId").asText());
                    }
                }
            }
        }
        return ids;
    }

    private void recomputeCustomerBalance(String customerId) {
        company.find(QboEntityType.CUSTOMER, customerId).ifPresent(customer -> {
            BigDecimal balance = BigDecimal.ZERO;
            for (ObjectNode invoice : company.ofCustomer(QboEntityType.INVOICE, customerId)) {
                balance = balance.add(decimal(invoice, "Balance"));
            }
            for (ObjectNode payment : company.ofCustomer(QboEntityType.PAYMENT, customerId)) {
                balance = balance.subtract(decimal(payment, "UnappliedAmt"));
            }
            customer.put("Balance", money(balance));
            customer.put("BalanceWithJobs", money(balance));
        });
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private void docNumber(QboEntityType type, ObjectNode entity, ObjectNode existing) {
        boolean customNumbers = company.find(QboEntityType.PREFERENCES, "1")
                .map(p -> p.path("SalesFormsPrefs").path("CustomTxnNumbers").asBoolean(false)).orElse(false);
        String requested = text(entity, "DocNumber");
        boolean auto = entity.path("AutoDocNumber").asBoolean(false) || "AUTO_GENERATE".equals(requested);
        entity.remove("AutoDocNumber");
        if (!auto && requested == null && existing != null && existing.hasNonNull("DocNumber")) {
            entity.set("DocNumber", existing.get("DocNumber"));
            return;
        }
        if (auto || (requested == null && !customNumbers && SALES_FORMS.contains(type))) {
            String next;
            do {
                next = company.nextDocNumber(type);
            } while (findByDocNumber(type, next, null).isPresent());
            entity.put("DocNumber", next);
            return;
        }
        if (requested == null) {
            entity.remove("DocNumber");
            return;
        }
        if (requested.length() > 21) {
            throw QboFault.business("DocNumber is longer than 21 characters", "DocNumber");
        }
        if (customNumbers) {
            Optional<ObjectNode> clash = findByDocNumber(type, requested, existing);
            if (clash.isPresent()) {
                throw QboFault.validation("6140", "Duplicate Document Number Error",
                        "Duplicate Document Number Error : You must specify a different number. This number has"
                                + " already been used. DocNumber=" + requested + " is assigned to TxnType="
                                + type.wireName() + " with TxnId=" + clash.get().path("Id").asText(), "DocNumber");
            }
        }
    }

    private Optional<ObjectNode> findByDocNumber(QboEntityType type, String docNumber, ObjectNode self) {
        return company.withDocNumber(type, docNumber).stream()
                .filter(e -> self == null || !e.path("Id").asText().equals(self.path("Id").asText()))
                .findFirst();
    }

    private LocalDate txnDate(ObjectNode entity) {
        if (!entity.hasNonNull("TxnDate")) {
            entity.put("TxnDate", QboTime.date(now, company.zone()).toString());
        }
        return date(entity, "TxnDate");
    }

    private static LocalDate date(ObjectNode entity, String field) {
        try {
            return LocalDate.parse(entity.get(field).asText());
        } catch (DateTimeParseException e) {
            throw QboFault.business(field + " must be a date in YYYY-MM-DD format", field);
        }
    }

    private ObjectNode undepositedFunds() {
        ObjectNode ref = JSON.objectNode();
        company.all(QboEntityType.ACCOUNT).stream()
                .filter(a -> "UndepositedFunds".equals(a.path("AccountSubType").asText()))
                .findFirst()
                .ifPresent(a -> ref.put("value", a.path("Id").asText()).put("name", a.path("Name").asText()));
        return ref;
    }

    private ObjectNode companyInfo() {
        return company.find(QboEntityType.COMPANY_INFO, "1").orElseGet(JSON::objectNode);
    }

    private ObjectNode requiredRef(ObjectNode entity, String field, QboEntityType target) {
        if (!entity.hasNonNull(field)) {
            throw QboFault.required(field);
        }
        return resolve(entity, field, target, field);
    }

    private Optional<ObjectNode> optionalRef(ObjectNode entity, String field, QboEntityType target) {
        return entity.hasNonNull(field) ? Optional.of(resolve(entity, field, target, field)) : Optional.empty();
    }

    /** Resolves a reference to an active entity (610 otherwise) and fills in its name as QBO does. */
    private ObjectNode resolve(ObjectNode holder, String field, QboEntityType target, String element) {
        JsonNode ref = holder.get(field);
        String id = ref.isObject() ? ref.path("value").asText(null) : null;
        if (id == null) {
            throw QboFault.objectNotFound(element);
        }
        ObjectNode found = company.find(target, id)
                .filter(e -> e.path("Active").asBoolean(true))
                .orElseThrow(() -> QboFault.objectNotFound(element));
        String name = found.has("DisplayName") ? found.get("DisplayName").asText() : found.path("Name").asText();
        ((ObjectNode) ref).put("name", name);
        return found;
    }

    private static QboFault duplicateName(String reason, ObjectNode holder) {
        return QboFault.validation("6240", "Duplicate Name Exists Error",
                "The name supplied already exists. : " + reason + " Id=" + holder.path("Id").asText(), "");
    }

    private static boolean isSelf(QboEntityType candidateType, ObjectNode candidate, QboEntityType type,
            ObjectNode existing) {
        return existing != null && candidateType == type
                && candidate.path("Id").asText().equals(existing.path("Id").asText());
    }

    private static void noForbiddenNameCharacters(ObjectNode entity, String field) {
        String value = text(entity, field);
        if (value != null && (value.contains(":") || value.contains("\t") || value.contains("\n"))) {
            throw QboFault.business(field + " cannot contain a colon (:), a tab or a newline", field);
        }
    }

    private static String nameKey(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    private static void defaultActive(ObjectNode entity) {
        if (!entity.hasNonNull("Active")) {
            entity.put("Active", true);
        } else if (!entity.get("Active").isBoolean()) {
            throw QboFault.business("Active must be true or false", "Active");
        }
    }

    private static void putIfAbsent(ObjectNode entity, String field, boolean value) {
        if (!entity.hasNonNull(field)) {
            entity.put(field, value);
        }
    }

    private static void putIfAbsent(ObjectNode entity, String field, String value) {
        if (!entity.hasNonNull(field)) {
            entity.put(field, value);
        }
    }

    private static String text(JsonNode entity, String field) {
        JsonNode node = entity.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static ObjectNode lineObject(JsonNode raw) {
        if (!raw.isObject()) {
            throw QboFault.business("Each Line must be an object", "Line");
        }
        return ((ObjectNode) raw).deepCopy();
    }

    private static BigDecimal amount(ObjectNode line) {
        if (!line.hasNonNull("Amount")) {
            throw QboFault.required("Line.Amount");
        }
        return number(line, "Amount");
    }

    private static BigDecimal number(JsonNode holder, String field) {
        JsonNode node = holder.get(field);
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual()) {
            try {
                return new BigDecimal(node.asText());
            } catch (NumberFormatException e) {
                // fall through to the fault below
            }
        }
        throw QboFault.business(field + " must be a number", field);
    }

    private static BigDecimal decimal(JsonNode holder, String field) {
        JsonNode node = holder.get(field);
        return node != null && node.isNumber() ? node.decimalValue() : BigDecimal.ZERO;
    }

    static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
