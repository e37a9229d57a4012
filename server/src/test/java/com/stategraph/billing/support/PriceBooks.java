package com.stategraph.billing.support;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Price books in the CSV of cloud-pricing-api's products table, built for tests. */
public final class PriceBooks {
    public static final String HEADER = "productHash,sku,vendorName,region,service,productFamily,attributes,prices";

    private final List<String[]> rows = new ArrayList<>();

    public static PriceBooks book() {
        return new PriceBooks();
    }

    /** One price of a product, as cloud-pricing-api writes it. */
    public record Price(String purchaseOption, String unit, String usd, String startUsageAmount, String endUsageAmount,
                        String termLength) {
        public static Price onDemand(String unit, String usd) {
            return new Price("on_demand", unit, usd, "0", "Inf", null);
        }

        public static Price of(String purchaseOption, String unit, String usd) {
            return new Price(purchaseOption, unit, usd, "0", "Inf", null);
        }

        public static Price reserved(String unit, String usd) {
            return new Price("reserved", unit, usd, "0", "Inf", "1yr");
        }

        public Price from(String usage) {
            return new Price(purchaseOption, unit, usd, usage, endUsageAmount, termLength);
        }

        /** A tier that ends at {@code usage}; an empty end is the open last tier, as cloud-pricing-api writes it. */
        public Price to(String usage) {
            return new Price(purchaseOption, unit, usd, startUsageAmount, usage, termLength);
        }
    }

    /** One on-demand price per product, from usage 0. */
    public PriceBooks product(String vendor, String region, String service, String family, Map<String, String> attributes,
                              String unit, String usd) {
        return product(vendor, region, service, family, attributes, Price.onDemand(unit, usd));
    }

    /** A product with its prices, grouped as cloud-pricing-api groups them (one group per price here). */
    public PriceBooks product(String vendor, String region, String service, String family, Map<String, String> attributes,
                              Price... prices) {
        // Products added later sort first: a lookup that takes the first of several matches gets a decoy, not the product added first.
        String hash = String.format("p%06d-%08x", 999_999 - rows.size(), (vendor + region + service + family + attributes).hashCode());
        Map<String, Object> groups = new LinkedHashMap<>();
        for (int i = 0; i < prices.length; i++) {
            Price p = prices[i];
            Map<String, Object> price = new LinkedHashMap<>();
            price.put("priceHash", hash + "-" + i);
            price.put("purchaseOption", p.purchaseOption());
            price.put("unit", p.unit());
            price.put("USD", p.usd());
            price.put("effectiveDateStart", "2024-01-01T00:00:00Z");
            price.put("startUsageAmount", p.startUsageAmount());
            price.put("endUsageAmount", p.endUsageAmount());
            if (p.termLength() != null) {
                price.put("termLength", p.termLength());
                price.put("termPurchaseOption", "No Upfront");
                price.put("termOfferingClass", "standard");
            }
            groups.put(hash + "-" + i, List.of(price));
        }
        return raw(hash, "SKU" + rows.size(), vendor, region, service, family, HttpApi.JSON.writeValueAsString(attributes),
                HttpApi.JSON.writeValueAsString(groups));
    }

    public int size() {
        return rows.size();
    }

    /** Products whose attributes hold that value. */
    public long withAttribute(String key, String value) {
        return rows.stream().filter(r -> value.equals(HttpApi.JSON.readTree(r[6]).path(key).asString(null))).count();
    }

    /** Products per vendor, as GET /api/v1/pricing counts them. */
    public Map<String, Long> byVendor() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        rows.forEach(r -> counts.merge(r[2], 1L, Long::sum));
        return counts;
    }

    /** A row as given, for malformed books. */
    public PriceBooks raw(String... fields) {
        rows.add(fields);
        return this;
    }

    public String csv() {
        StringWriter out = new StringWriter();
        out.write(HEADER + "\n");
        try (CsvWriter csv = CsvWriter.builder().build(out)) {
            for (String[] r : rows) {
                csv.writeRecord(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public byte[] gzip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(csv().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
