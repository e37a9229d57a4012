package com.stategraph.billing.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A file's FOCUS version from its columns, on the column lists Microsoft publishes for its
 * FocusCost exports (FOCUS columns of FocusCost_1.0 and FocusCost_1.2-preview, with a few of their
 * x_ columns): 1.0 and 1.0r2 have BillingAccountType and SubAccountType, and are still 1.0.
 */
class FocusVersionTest {
    private static final List<String> AZURE_1_0 = List.of("BilledCost", "BillingAccountId", "BillingAccountName",
            "BillingAccountType", "BillingCurrency", "BillingPeriodEnd", "BillingPeriodStart", "ChargeCategory", "ChargeClass",
            "ChargeDescription", "ChargeFrequency", "ChargePeriodEnd", "ChargePeriodStart", "CommitmentDiscountCategory",
            "CommitmentDiscountId", "CommitmentDiscountName", "CommitmentDiscountStatus", "CommitmentDiscountType", "ConsumedQuantity",
            "ConsumedUnit", "ContractedCost", "ContractedUnitPrice", "EffectiveCost", "InvoiceIssuerName", "ListCost", "ListUnitPrice",
            "PricingCategory", "PricingQuantity", "PricingUnit", "ProviderName", "PublisherName", "RegionId", "RegionName", "ResourceId",
            "ResourceName", "ResourceType", "ServiceCategory", "ServiceName", "SkuId", "SkuPriceId", "SubAccountId", "SubAccountName",
            "SubAccountType", "Tags", "x_InvoiceId", "x_PricingCurrency", "x_BilledCostInUsd");
    /** What FocusCost 1.2-preview adds to 1.0, and the two x_ columns it promotes. */
    private static final List<String> AZURE_1_2_ADDED = List.of("CapacityReservationId", "CapacityReservationStatus",
            "CommitmentDiscountQuantity", "CommitmentDiscountUnit", "InvoiceId", "PricingCurrency", "ServiceSubcategory", "SkuMeter",
            "SkuPriceDetails");

    @Test
    void microsoftsFocusCost10WithItsAccountTypesIs10() {
        assertThat(AZURE_1_0).contains("BillingAccountType", "SubAccountType");
        assertThat(FocusVersion.of(AZURE_1_0)).isEqualTo("1.0");
    }

    @Test
    void microsoftsFocusCost12PreviewIs12() {
        List<String> columns = new ArrayList<>(AZURE_1_0);
        columns.removeAll(List.of("x_InvoiceId", "x_PricingCurrency"));
        columns.addAll(AZURE_1_2_ADDED);
        assertThat(FocusVersion.of(columns)).isEqualTo("1.2");
    }

    @Test
    void accountTypesNextToOneOneColumnsAreStill12WithoutInvoiceOrPricingCurrency() {
        List<String> columns = new ArrayList<>(AZURE_1_0);
        columns.addAll(List.of("SkuMeter", "ServiceSubcategory"));
        assertThat(FocusVersion.of(columns)).isEqualTo("1.2");
        columns.removeAll(List.of("BillingAccountType", "SubAccountType"));
        assertThat(FocusVersion.of(columns)).isEqualTo("1.1");
    }
}
