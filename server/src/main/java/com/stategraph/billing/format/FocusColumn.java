package com.stategraph.billing.format;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The canonical FOCUS columns (1.0-preview to 1.3, newest names) in the order of the
 * {@code billing_rows} table. Older names are aliases; names match case-insensitively.
 */
public enum FocusColumn {
    AVAILABILITY_ZONE("AvailabilityZone", ColumnKind.TEXT),
    BILLED_COST("BilledCost", ColumnKind.DECIMAL),
    BILLING_ACCOUNT_ID("BillingAccountId", ColumnKind.TEXT),
    BILLING_ACCOUNT_NAME("BillingAccountName", ColumnKind.TEXT),
    BILLING_ACCOUNT_TYPE("BillingAccountType", ColumnKind.TEXT),
    BILLING_CURRENCY("BillingCurrency", ColumnKind.TEXT),
    BILLING_PERIOD_START("BillingPeriodStart", ColumnKind.TIMESTAMP),
    BILLING_PERIOD_END("BillingPeriodEnd", ColumnKind.TIMESTAMP),
    CAPACITY_RESERVATION_ID("CapacityReservationId", ColumnKind.TEXT),
    CAPACITY_RESERVATION_STATUS("CapacityReservationStatus", ColumnKind.TEXT),
    CHARGE_CATEGORY("ChargeCategory", ColumnKind.TEXT, "ChargeType"),
    CHARGE_CLASS("ChargeClass", ColumnKind.TEXT),
    CHARGE_DESCRIPTION("ChargeDescription", ColumnKind.TEXT),
    CHARGE_FREQUENCY("ChargeFrequency", ColumnKind.TEXT),
    CHARGE_PERIOD_START("ChargePeriodStart", ColumnKind.TIMESTAMP),
    CHARGE_PERIOD_END("ChargePeriodEnd", ColumnKind.TIMESTAMP),
    COMMITMENT_DISCOUNT_CATEGORY("CommitmentDiscountCategory", ColumnKind.TEXT),
    COMMITMENT_DISCOUNT_ID("CommitmentDiscountId", ColumnKind.TEXT),
    COMMITMENT_DISCOUNT_NAME("CommitmentDiscountName", ColumnKind.TEXT),
    COMMITMENT_DISCOUNT_QUANTITY("CommitmentDiscountQuantity", ColumnKind.DECIMAL),
    COMMITMENT_DISCOUNT_STATUS("CommitmentDiscountStatus", ColumnKind.TEXT),
    COMMITMENT_DISCOUNT_TYPE("CommitmentDiscountType", ColumnKind.TEXT),
    COMMITMENT_DISCOUNT_UNIT("CommitmentDiscountUnit", ColumnKind.TEXT),
    CONSUMED_QUANTITY("ConsumedQuantity", ColumnKind.DECIMAL, "UsageQuantity"),
    CONSUMED_UNIT("ConsumedUnit", ColumnKind.TEXT, "UsageUnit"),
    CONTRACTED_COST("ContractedCost", ColumnKind.DECIMAL),
    CONTRACTED_UNIT_PRICE("ContractedUnitPrice", ColumnKind.DECIMAL),
    EFFECTIVE_COST("EffectiveCost", ColumnKind.DECIMAL, "AmortizedCost"),
    INVOICE_ID("InvoiceId", ColumnKind.TEXT),
    INVOICE_ISSUER_NAME("InvoiceIssuerName", ColumnKind.TEXT, "InvoiceIssuer"),
    LIST_COST("ListCost", ColumnKind.DECIMAL),
    LIST_UNIT_PRICE("ListUnitPrice", ColumnKind.DECIMAL),
    PRICING_CATEGORY("PricingCategory", ColumnKind.TEXT),
    PRICING_CURRENCY("PricingCurrency", ColumnKind.TEXT),
    PRICING_CURRENCY_CONTRACTED_UNIT_PRICE("PricingCurrencyContractedUnitPrice", ColumnKind.DECIMAL),
    PRICING_CURRENCY_EFFECTIVE_COST("PricingCurrencyEffectiveCost", ColumnKind.DECIMAL),
    PRICING_CURRENCY_LIST_UNIT_PRICE("PricingCurrencyListUnitPrice", ColumnKind.DECIMAL),
    PRICING_QUANTITY("PricingQuantity", ColumnKind.DECIMAL),
    PRICING_UNIT("PricingUnit", ColumnKind.TEXT),
    PROVIDER_NAME("ProviderName", ColumnKind.TEXT, "Provider"),
    PUBLISHER_NAME("PublisherName", ColumnKind.TEXT, "Publisher"),
    SERVICE_PROVIDER_NAME("ServiceProviderName", ColumnKind.TEXT),
    HOST_PROVIDER_NAME("HostProviderName", ColumnKind.TEXT),
    REGION_ID("RegionId", ColumnKind.TEXT, "Region"),
    REGION_NAME("RegionName", ColumnKind.TEXT),
    RESOURCE_ID("ResourceId", ColumnKind.TEXT),
    RESOURCE_NAME("ResourceName", ColumnKind.TEXT),
    RESOURCE_TYPE("ResourceType", ColumnKind.TEXT),
    SERVICE_CATEGORY("ServiceCategory", ColumnKind.TEXT),
    SERVICE_NAME("ServiceName", ColumnKind.TEXT),
    SERVICE_SUBCATEGORY("ServiceSubcategory", ColumnKind.TEXT),
    SKU_ID("SkuId", ColumnKind.TEXT),
    SKU_METER("SkuMeter", ColumnKind.TEXT),
    SKU_PRICE_DETAILS("SkuPriceDetails", ColumnKind.JSON),
    SKU_PRICE_ID("SkuPriceId", ColumnKind.TEXT),
    SUB_ACCOUNT_ID("SubAccountId", ColumnKind.TEXT),
    SUB_ACCOUNT_NAME("SubAccountName", ColumnKind.TEXT),
    SUB_ACCOUNT_TYPE("SubAccountType", ColumnKind.TEXT),
    TAGS("Tags", ColumnKind.JSON);

    /** Without these a row cannot be placed in a billing period, a currency or a cost. */
    public static final List<FocusColumn> REQUIRED =
            List.of(BILLED_COST, BILLING_CURRENCY, BILLING_PERIOD_START, CHARGE_PERIOD_START);

    private static final Map<String, FocusColumn> BY_NAME = new HashMap<>();

    static {
        for (FocusColumn c : values()) {
            BY_NAME.put(c.focusName.toLowerCase(Locale.ROOT), c);
        }
        // Aliases only where no current column already has the name.
        for (FocusColumn c : values()) {
            for (String alias : c.aliases) {
                BY_NAME.putIfAbsent(alias.toLowerCase(Locale.ROOT), c);
            }
        }
    }

    private final String focusName;
    private final ColumnKind kind;
    private final List<String> aliases;

    FocusColumn(String focusName, ColumnKind kind, String... aliases) {
        this.focusName = focusName;
        this.kind = kind;
        this.aliases = List.of(aliases);
    }

    public String focusName() {
        return focusName;
    }

    public ColumnKind kind() {
        return kind;
    }

    /** The column's name in {@code billing_rows}. */
    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The canonical column a file's header names, whatever its case or FOCUS version. */
    public static Optional<FocusColumn> byName(String header) {
        return Optional.ofNullable(BY_NAME.get(header.trim().toLowerCase(Locale.ROOT)));
    }
}
