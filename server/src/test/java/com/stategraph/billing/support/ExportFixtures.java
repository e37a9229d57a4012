package com.stategraph.billing.support;

import com.stategraph.billing.billing.format.ParquetFileWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/** Export files in each provider's shape (column lists from ../shared/reference), written by tests. */
public final class ExportFixtures {
    private ExportFixtures() {
    }

    /** AWS Data Exports, "FOCUS 1.0 with AWS columns": DOUBLE costs, map tags, timestamps. */
    public static final String AWS_SCHEMA = """
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
              optional binary ServiceCategory (STRING);
              optional binary ServiceName (STRING);
              optional binary SkuId (STRING);
              optional group SkuPriceDetails (MAP) {
                repeated group key_value { required binary key (STRING); optional binary value (STRING); }
              }
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

    /** GCP's BigQuery FOCUS view exported with EXPORT DATA: NUMERIC as DECIMAL(38,9), tags as a list of structs. */
    public static final String GCP_SCHEMA = """
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
              optional binary ProviderName (STRING);
              optional binary ServiceName (STRING);
              optional binary SubAccountId (STRING);
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

    public static void parquet(Path file, String schema, List<? extends Map<String, ?>> rows) throws IOException {
        parquet(file, schema, rows, CompressionCodecName.SNAPPY);
    }

    public static void parquet(Path file, String schema, List<? extends Map<String, ?>> rows,
                               CompressionCodecName codec) throws IOException {
        Files.createDirectories(file.getParent());
        try (ParquetFileWriter w = new ParquetFileWriter(file, schema, codec)) {
            for (Map<String, ?> row : rows) {
                w.write(row);
            }
        }
    }

    /** A CSV file: RFC 4180 quoting where a field needs it; gzipped and/or with a UTF-8 BOM on request. */
    public static void csv(Path file, boolean gzip, boolean bom, List<String> header, List<List<String>> rows)
            throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream raw = Files.newOutputStream(file);
             OutputStream out = gzip ? new GZIPOutputStream(raw) : raw;
             Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            if (bom) {
                w.write('\uFEFF');
            }
            w.write(line(header));
            for (List<String> row : rows) {
                w.write(line(row));
            }
        }
    }

    private static String line(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String f = fields.get(i) == null ? "" : fields.get(i);
            if (f.contains(",") || f.contains("\"") || f.contains("\n")) {
                sb.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(f);
            }
        }
        return sb.append("\r\n").toString();
    }
}
