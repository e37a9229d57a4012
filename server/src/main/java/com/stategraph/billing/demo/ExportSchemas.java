package com.stategraph.billing.demo;

/**
 * Parquet schemas of the providers' FOCUS exports (column lists from ../shared/reference), for
 * writing sample data: the demo's, the benchmark's and the tests'. A writer may leave any column
 * empty.
 */
public final class ExportSchemas {
    private ExportSchemas() {
    }

    /** AWS Data Exports, "FOCUS 1.0 with AWS columns": DOUBLE costs, map tags and price details, x_ columns. */
    public static final String AWS = """
            message aws_focus {
              optional binary AvailabilityZone (STRING);
              optional double BilledCost;
              optional binary BillingAccountId (STRING);
              optional binary BillingAccountName (STRING);
              optional binary BillingCurrency (STRING);
              optional int64 BillingPeriodEnd (TIMESTAMP(MILLIS,true));
              optional int64 BillingPeriodStart (TIMESTAMP(MILLIS,true));
              optional binary ChargeCategory (STRING);
              optional binary ChargeClass (STRING);
              optional binary ChargeDescription (STRING);
              optional binary ChargeFrequency (STRING);
              optional int64 ChargePeriodEnd (TIMESTAMP(MICROS,true));
              optional int64 ChargePeriodStart (TIMESTAMP(MICROS,true));
              optional double ConsumedQuantity;
              optional binary ConsumedUnit (STRING);
              optional double ContractedCost;
              optional double EffectiveCost;
              optional binary InvoiceIssuerName (STRING);
              optional double ListCost;
              optional double ListUnitPrice;
              optional binary PricingCategory (STRING);
              optional double PricingQuantity;
              optional binary PricingUnit (STRING);
              optional binary ProviderName (STRING);
              optional binary PublisherName (STRING);
              optional binary RegionId (STRING);
              optional binary RegionName (STRING);
              optional binary ResourceId (STRING);
              optional binary ResourceType (STRING);
              optional binary ServiceCategory (STRING);
              optional binary ServiceName (STRING);
              optional binary SkuId (STRING);
              optional group SkuPriceDetails (MAP) {
                repeated group key_value { required binary key (STRING); optional binary value (STRING); }
              }
              optional binary SkuPriceId (STRING);
              optional binary SubAccountId (STRING);
              optional binary SubAccountName (STRING);
              optional group Tags (MAP) {
                repeated group key_value { required binary key (STRING); optional binary value (STRING); }
              }
              optional group x_CostCategories (MAP) {
                repeated group key_value { required binary key (STRING); optional binary value (STRING); }
              }
              optional group x_Discounts (MAP) {
                repeated group key_value { required binary key (STRING); optional double value; }
              }
              optional binary x_Operation (STRING);
              optional binary x_ServiceCode (STRING);
              optional binary x_UsageType (STRING);
            }""";

    /**
     * GCP's BigQuery FOCUS view exported with EXPORT DATA: NUMERIC as DECIMAL of several widths,
     * tags as a list of key/value structs, lowercase categories, x_ columns including a struct.
     */
    public static final String GCP = """
            message gcp_focus {
              optional fixed_len_byte_array(16) BilledCost (DECIMAL(38,9));
              optional binary BillingAccountId (STRING);
              optional binary BillingCurrency (STRING);
              optional int64 BillingPeriodStart (TIMESTAMP(MICROS,true));
              optional int64 BillingPeriodEnd (TIMESTAMP(MICROS,true));
              optional binary ChargeCategory (STRING);
              optional int64 ChargePeriodStart (TIMESTAMP(MICROS,true));
              optional int64 ChargePeriodEnd (TIMESTAMP(MICROS,true));
              optional fixed_len_byte_array(16) EffectiveCost (DECIMAL(38,9));
              optional binary ListCost (DECIMAL(20,6));
              optional int64 ContractedCost (DECIMAL(18,4));
              optional binary InvoiceIssuerName (STRING);
              optional binary ProviderName (STRING);
              optional binary PublisherName (STRING);
              optional binary ServiceName (STRING);
              optional binary ServiceCategory (STRING);
              optional binary SubAccountId (STRING);
              optional binary SubAccountName (STRING);
              optional binary RegionId (STRING);
              optional group Tags (LIST) {
                repeated group list {
                  optional group element {
                    optional binary key (STRING);
                    optional binary value (STRING);
                    optional boolean x_inherited;
                    optional binary x_namespace (STRING);
                  }
                }
              }
              optional binary x_CostType (STRING);
              optional group x_Project {
                optional binary id (STRING);
                optional binary name (STRING);
              }
            }""";
}
