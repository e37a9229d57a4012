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

    /** One on-demand price per product, from usage 0. */
    public PriceBooks product(String vendor, String region, String service, String family, Map<String, String> attributes,
                              String unit, String usd) {
        String hash = "p" + rows.size() + "-" + Integer.toHexString((vendor + region + service + family + attributes).hashCode());
        Map<String, Object> price = new LinkedHashMap<>();
        price.put("priceHash", hash + "-od");
        price.put("purchaseOption", "on_demand");
        price.put("unit", unit);
        price.put("USD", usd);
        price.put("effectiveDateStart", "2024-01-01T00:00:00Z");
        price.put("startUsageAmount", "0");
        price.put("endUsageAmount", "Inf");
        String prices = HttpApi.JSON.writeValueAsString(Map.of(hash + "-od", List.of(price)));
        return raw(hash, "SKU" + rows.size(), vendor, region, service, family, HttpApi.JSON.writeValueAsString(attributes), prices);
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
