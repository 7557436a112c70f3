package dev.ledgerbridge.sandbox.qbo;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The QBO entities the sandbox serves: wire name (case-sensitive in queries), path segment, the top-level
 * properties Intuit's model defines (from the v3 XSDs, so unknown ones can be refused) and the properties
 * the query language may filter and sort on.
 */
public enum QboEntityType {
    CUSTOMER("Customer", "customer", Kind.NAME_LIST,
            """
                Id SyncToken MetaData CustomField AttachableRef domain status sparse IntuitId Organization Title
                GivenName MiddleName FamilyName Suffix FullyQualifiedName CompanyName DisplayName PrintOnCheckName
                UserId Active V4IDPseudonym PrimaryPhone AlternatePhone Mobile Fax PrimaryEmailAddr WebAddr
                OtherContactInfo DefaultTaxCodeRef Taxable BillAddr ShipAddr OtherAddr ContactName AltContactName
                Notes Job BillWithParent RootCustomerRef ParentRef Level CustomerTypeRef SalesTermRef SalesRepRef
                TaxGroupCodeRef TaxRateRef PaymentMethodRef CCDetail PriceLevelRef Balance OpenBalanceDate
                BalanceWithJobs CreditLimit AcctNum CurrencyRef OverDueBalance TotalRevenue TotalExpense
                PreferredDeliveryMethod ResaleNum JobInfo TDSEnabled CustomerEx SecondaryTaxIdentifier ARAccountRef
                PrimaryTaxIdentifier TaxExemptionReasonId IsProject BusinessNumber GSTIN GSTRegistrationType
                IsCISContractor ClientCompanyId ClientEntityId Source TaxRegime
                """,
            """
                Id DisplayName GivenName MiddleName FamilyName CompanyName PrimaryEmailAddr Active Balance
                PrintOnCheckName FullyQualifiedName MetaData.CreateTime MetaData.LastUpdatedTime
                """),
    VENDOR("Vendor", "vendor", Kind.NAME_LIST,
            """
                Id SyncToken MetaData CustomField AttachableRef domain status sparse IntuitId Organization Title
                GivenName MiddleName FamilyName Suffix FullyQualifiedName CompanyName DisplayName PrintOnCheckName
                UserId Active V4IDPseudonym PrimaryPhone AlternatePhone Mobile Fax PrimaryEmailAddr WebAddr
                OtherContactInfo DefaultTaxCodeRef ContactName AltContactName Notes BillAddr ShipAddr OtherAddr
                TaxCountry TaxIdentifier TaxIdEffectiveDate BusinessNumber ParentRef VendorTypeRef TermRef
                PrefillAccountRef Balance BillRate OpenBalanceDate CreditLimit AcctNum Vendor1099 T4AEligible
                T5018Eligible CurrencyRef TDSEnabled TDSEntityTypeId TDSSectionTypeId TDSOverrideThreshold
                TaxReportingBasis APAccountRef VendorEx GSTIN GSTRegistrationType IsSubContractor SubcontractorType
                CISRate HasTPAR VendorPaymentBankDetail Source CostRate
                """,
            """
                Id DisplayName GivenName MiddleName FamilyName CompanyName PrimaryEmailAddr Active Balance
                PrintOnCheckName MetaData.CreateTime MetaData.LastUpdatedTime
                """),
    ITEM("Item", "item", Kind.NAME_LIST,
            """
                Id SyncToken MetaData CustomField AttachableRef domain status sparse Name Sku Description Active
                SubItem ParentRef Level FullyQualifiedName Taxable SalesTaxIncluded PercentBased UnitPrice
                RatePercent Type PaymentMethodRef UOMSetRef IncomeAccountRef PurchaseDesc PurchaseTaxIncluded
                PurchaseCost ExpenseAccountRef COGSAccountRef AssetAccountRef PrefVendorRef AvgCost TrackQtyOnHand
                QtyOnHand QtyOnPurchaseOrder QtyOnSalesOrder ReorderPoint ManPartNum DepositToAccountRef
                SalesTaxCodeRef PurchaseTaxCodeRef InvStartDate BuildPoint PrintGroupedItems SpecialItem
                SpecialItemType ItemGroupDetail ItemAssemblyDetail AbatementRate ReverseChargeRate ServiceType
                ItemCategoryType ItemEx TaxClassificationRef UQCDisplayText UQCId ClassRef Source DeferredRevenue
                """,
            """
                Id Name Sku Type Active FullyQualifiedName UnitPrice MetaData.CreateTime MetaData.LastUpdatedTime
                """),
    TERM("Term", "term", Kind.NAME_LIST,
            """
                Id SyncToken MetaData CustomField AttachableRef domain status sparse Name Active Type
                DiscountPercent DueDays DiscountDays DayOfMonthDue DueNextMonthDays DiscountDayOfMonth SalesTermEx
                """,
            """
                Id Name Active MetaData.CreateTime MetaData.LastUpdatedTime
                """),
    ACCOUNT("Account", "account", Kind.NAME_LIST,
            """
                Id SyncToken MetaData CustomField AttachableRef domain status sparse Name SubAccount ParentRef
                Description FullyQualifiedName AccountAlias TxnLocationType Active Classification AccountType
                AccountSubType AccountPurposes AcctNum AcctNumExtn BankNum OpeningBalance OpeningBalanceDate
                CurrentBalance CurrentBalanceWithSubAccounts CurrencyRef TaxAccount TaxCodeRef OnlineBankingEnabled
                FIName JournalCodeRef AccountEx
                """,
            """
                Id Name AccountType AccountSubType Classification Active FullyQualifiedName AcctNum CurrentBalance
                MetaData.CreateTime MetaData.LastUpdatedTime
                """),
    PAYMENT_METHOD("PaymentMethod", "paymentmethod", Kind.NAME_LIST,
            """
                Id SyncToken MetaData CustomField AttachableRef domain status sparse Name Active Type PaymentMethodEx
                """,
            """
                Id Name Active Type MetaData.CreateTime MetaData.LastUpdatedTime
                """),
    INVOICE("Invoice", "invoice", Kind.TRANSACTION,
            """
                Id SyncToken MetaData CustomField AttachableRef domain status sparse DocNumber TxnDate DepartmentRef
                CurrencyRef ExchangeRate PrivateNote TxnStatus LinkedTxn Line TxnTaxDetail TxnSource TaxFormType
                TaxFormNum TransactionLocationType Tag TxnApprovalInfo RecurDataRef RecurringInfo ProjectRef
                TotalCostAmount HomeTotalCostAmount AutoDocNumber CustomerRef CustomerMemo BillAddr ShipAddr
                FreeFormAddress ShipFromAddr RemitToRef ClassRef SalesTermRef DueDate SalesRepRef PONumber FOB
                ShipMethodRef ShipDate TrackingNum GlobalTaxCalculation TotalAmt HomeTotalAmt ApplyTaxAfterDiscount
                ShippingTaxIncludedInTotalTax TemplateRef PrintStatus EmailStatus BillEmail BillEmailCc BillEmailBcc
                ARAccountRef Balance HomeBalance FinanceCharge PaymentMethodRef PaymentRefNum PaymentType
                CheckPayment CreditCardPayment DepositToAccountRef DeliveryInfo DiscountRate DiscountAmt
                GovtTxnRefIdentifier TaxExemptionRef Deposit AllowIPNPayment AllowOnlinePayment
                AllowOnlineCreditCardPayment AllowOnlineACHPayment AllowOnlinePayPalPayment EInvoiceStatus
                ECloudStatusTimeStamp CfdiUse Exportation GlobalInfo invoiceStatus callToAction invoiceStatusLog
                InvoiceEx LessCIS InvoiceLink PaymentDetailsMessage ConvenienceFeeDetail InvoiceLinkSecurityCode
                InvoiceLinkExpiryDate AutoPayEligible SchedulePayEligible ScheduledPaymentId GratuityEnabled
                FinancingProductType SubscriptionPaymentsSetting
                """,
            """
                Id DocNumber TxnDate DueDate CustomerRef SalesTermRef Balance TotalAmt EmailStatus
                MetaData.CreateTime MetaData.LastUpdatedTime
                """),
    ESTIMATE("Estimate", "estimate", Kind.TRANSACTION,
            """
                Id SyncToken MetaData CustomField AttachableRef domain status sparse DocNumber TxnDate DepartmentRef
                CurrencyRef ExchangeRate PrivateNote TxnStatus LinkedTxn Line TxnTaxDetail TxnSource TaxFormType
                TaxFormNum TransactionLocationType Tag TxnApprovalInfo RecurDataRef RecurringInfo ProjectRef
                TotalCostAmount HomeTotalCostAmount AutoDocNumber CustomerRef CustomerMemo BillAddr ShipAddr
                FreeFormAddress ShipFromAddr RemitToRef ClassRef SalesTermRef DueDate SalesRepRef PONumber FOB
                ShipMethodRef ShipDate TrackingNum GlobalTaxCalculation TotalAmt HomeTotalAmt ApplyTaxAfterDiscount
                ShippingTaxIncludedInTotalTax TemplateRef PrintStatus EmailStatus BillEmail BillEmailCc BillEmailBcc
                ARAccountRef Balance HomeBalance FinanceCharge PaymentMethodRef PaymentRefNum PaymentType
                CheckPayment CreditCardPayment DepositToAccountRef DeliveryInfo DiscountRate DiscountAmt
                GovtTxnRefIdentifier TaxExemptionRef ExpirationDate AcceptedBy AcceptedDate EstimateEx
                """,
            """
                Id DocNumber TxnDate DueDate CustomerRef TotalAmt ExpirationDate AcceptedDate TxnStatus
                MetaData.CreateTime MetaData.LastUpdatedTime
                """),
    SALES_RECEIPT("SalesReceipt", "salesreceipt", Kind.TRANSACTION,
            """
                Id SyncToken MetaData CustomField AttachableRef domain status sparse DocNumber TxnDate DepartmentRef
                CurrencyRef ExchangeRate PrivateNote TxnStatus LinkedTxn Line TxnTaxDetail TxnSource TaxFormType
                TaxFormNum TransactionLocationType Tag TxnApprovalInfo RecurDataRef RecurringInfo ProjectRef
                TotalCostAmount HomeTotalCostAmount AutoDocNumber CustomerRef CustomerMemo BillAddr ShipAddr
                FreeFormAddress ShipFromAddr RemitToRef ClassRef SalesTermRef DueDate SalesRepRef PONumber FOB
                ShipMethodRef ShipDate TrackingNum GlobalTaxCalculation TotalAmt HomeTotalAmt ApplyTaxAfterDiscount
                ShippingTaxIncludedInTotalTax TemplateRef PrintStatus EmailStatus BillEmail BillEmailCc BillEmailBcc
                ARAccountRef Balance HomeBalance FinanceCharge PaymentMethodRef PaymentRefNum PaymentType
                CheckPayment CreditCardPayment DepositToAccountRef DeliveryInfo DiscountRate DiscountAmt
                GovtTxnRefIdentifier TaxExemptionRef SalesReceiptEx LessCIS
                """,
            """
                Id DocNumber TxnDate CustomerRef TotalAmt MetaData.CreateTime MetaData.LastUpdatedTime
                """),
    PAYMENT("Payment", "payment", Kind.TRANSACTION,
            """
                Id SyncToken MetaData CustomField AttachableRef domain status sparse DocNumber TxnDate DepartmentRef
                CurrencyRef ExchangeRate PrivateNote TxnStatus LinkedTxn Line TxnTaxDetail TxnSource TaxFormType
                TaxFormNum TransactionLocationType Tag TxnApprovalInfo RecurDataRef RecurringInfo ProjectRef
                TotalCostAmount HomeTotalCostAmount CustomerRef RemitToRef ARAccountRef DepositToAccountRef
                PaymentMethodRef PaymentRefNum PaymentType CheckPayment CreditCardPayment TotalAmt UnappliedAmt
                ProcessPayment PaymentEx AutoDocNumber
                """,
            """
                Id TxnDate CustomerRef TotalAmt PaymentRefNum MetaData.CreateTime MetaData.LastUpdatedTime
                """),
    PURCHASE("Purchase", "purchase", Kind.TRANSACTION,
            """
                Id SyncToken MetaData CustomField AttachableRef domain status sparse DocNumber TxnDate DepartmentRef
                CurrencyRef ExchangeRate PrivateNote TxnStatus LinkedTxn Line TxnTaxDetail TxnSource TaxFormType
                TaxFormNum TransactionLocationType Tag TxnApprovalInfo RecurDataRef RecurringInfo ProjectRef
                TotalCostAmount HomeTotalCostAmount AccountRef PaymentMethodRef PaymentRefNum PaymentType
                CheckPayment CreditCardPayment EntityRef Credit RemitToAddr TotalAmt Memo PrintStatus
                GlobalTaxCalculation PurchaseEx LessCIS IncludeInAnnualTPAR AutoDocNumber
                """,
            """
                Id DocNumber TxnDate TotalAmt PaymentType MetaData.CreateTime MetaData.LastUpdatedTime
                """),
    REFUND_RECEIPT("RefundReceipt", "refundreceipt", Kind.TRANSACTION,
            """
                Id SyncToken MetaData CustomField AttachableRef domain status sparse DocNumber TxnDate DepartmentRef
                CurrencyRef ExchangeRate PrivateNote TxnStatus LinkedTxn Line TxnTaxDetail TxnSource TaxFormType
                TaxFormNum TransactionLocationType Tag TxnApprovalInfo RecurDataRef RecurringInfo ProjectRef
                TotalCostAmount HomeTotalCostAmount AutoDocNumber CustomerRef CustomerMemo BillAddr ShipAddr
                FreeFormAddress ShipFromAddr RemitToRef ClassRef SalesTermRef DueDate SalesRepRef PONumber FOB
                ShipMethodRef ShipDate TrackingNum GlobalTaxCalculation TotalAmt HomeTotalAmt ApplyTaxAfterDiscount
                ShippingTaxIncludedInTotalTax TemplateRef PrintStatus EmailStatus BillEmail BillEmailCc BillEmailBcc
                ARAccountRef Balance HomeBalance FinanceCharge PaymentMethodRef PaymentRefNum PaymentType
                CheckPayment CreditCardPayment DepositToAccountRef DeliveryInfo DiscountRate DiscountAmt
                GovtTxnRefIdentifier TaxExemptionRef RemainingCredit RefundReceiptEx
                """,
            """
                Id DocNumber TxnDate CustomerRef TotalAmt MetaData.CreateTime MetaData.LastUpdatedTime
                """),
    COMPANY_INFO("CompanyInfo", "companyinfo", Kind.SINGLETON,
            """
                Id SyncToken MetaData CustomField AttachableRef domain status sparse CompanyName LegalName
                CompanyAddr CustomerCommunicationAddr LegalAddr CompanyEmailAddr CustomerCommunicationEmailAddr
                CompanyURL PrimaryPhone OtherContactInfo CompanyFileName FlavorStratum SampleFile CompanyUserId
                CompanyUserAdminEmail CompanyStartDate EmployerId FiscalYearStartMonth TaxYearStartMonth QBVersion
                Country ShipAddr OtherAddr Mobile Fax Email WebAddr LastImportedTime LastSyncTime SupportedLanguages
                DefaultTimeZone MultiByteCharsSupported NameValue FifoCalculationStatus CompanyInfoEx
                """,
            """
                Id CompanyName MetaData.CreateTime MetaData.LastUpdatedTime
                """),
    PREFERENCES("Preferences", "preferences", Kind.SINGLETON,
            """
                Id SyncToken MetaData CustomField AttachableRef domain status sparse AccountingInfoPrefs
                AdvancedInventoryPrefs ProductAndServicesPrefs SalesFormsPrefs EmailMessagesPrefs PrintDocumentPrefs
                VendorAndPurchasesPrefs TimeTrackingPrefs TaxPrefs FinanceChargesPrefs CurrencyPrefs ReportPrefs
                OtherPrefs
                """,
            """
                Id MetaData.CreateTime MetaData.LastUpdatedTime
                """);

    /** What kind of entity this is, which decides delete/inactivate and default query filtering. */
    public enum Kind {
        /** Has Active; inactivated, never deleted; default queries see active rows only. */
        NAME_LIST,
        /** Deletable with operation=delete; CDC reports deletions. */
        TRANSACTION,
        /** One per company. */
        SINGLETON
    }

    private final String wireName;
    private final String path;
    private final Kind kind;
    private final Set<String> properties;
    private final Set<String> filterable;

    QboEntityType(String wireName, String path, Kind kind, String properties, String filterable) {
        this.wireName = wireName;
        this.path = path;
        this.kind = kind;
        this.properties = Set.of(properties.strip().split("\\s+"));
        this.filterable = Arrays.stream(filterable.strip().split("\\s+")).collect(Collectors.toUnmodifiableSet());
    }

    /** The entity whose wire name is exactly {@code name} (queries are case-sensitive). */
    public static Optional<QboEntityType> byWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    /** The entity served under the path segment {@code path} (QBO paths are lower case). */
    public static Optional<QboEntityType> byPath(String path) {
        return Arrays.stream(values()).filter(t -> t.path.equals(path)).findFirst();
    }

    public String wireName() {
        return wireName;
    }

    public String path() {
        return path;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isTransaction() {
        return kind == Kind.TRANSACTION;
    }

    public boolean isNameList() {
        return kind == Kind.NAME_LIST;
    }

    /** Whether Intuit's model has this top-level property. */
    public boolean hasProperty(String name) {
        return properties.contains(name);
    }

    /** Whether the query language accepts this (possibly dotted) property in WHERE and ORDERBY. */
    public boolean isFilterable(String dottedName) {
        return filterable.contains(dottedName);
    }
}
