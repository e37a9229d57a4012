package com.stategraph.billing.demo;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/**
 * The demo's price book: the products its Terraform state needs, in us-east-1 and eu-west-1, at
 * AWS's public on-demand list prices (USD), in the format of cloud-pricing-api's products table.
 * Loaded only where no other book is: a real one is never replaced by the demo's.
 */
final class DemoPriceBook {
    static final String SOURCE = "demo";

    private record Regional(String usEast1, String euWest1) {
    }

    private DemoPriceBook() {
    }

    static String csv(ObjectMapper json) {
        StringWriter out = new StringWriter();
        out.write("productHash,sku,vendorName,region,service,productFamily,attributes,prices\n");
        try (CsvWriter csv = CsvWriter.builder().build(out)) {
            write(csv, json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(CsvWriter csv, ObjectMapper json) {
        int[] n = {0};
        Product add = (service, family, attributes, unit, prices) -> {
            for (String region : List.of("us-east-1", "eu-west-1")) {
                String usd = region.equals("us-east-1") ? prices.usEast1() : prices.euWest1();
                String hash = "demo-" + n[0]++;
                csv.writeRecord(hash, hash, "aws", region, service, family, json.writeValueAsString(attributes),
                        json.writeValueAsString(Map.of(hash + "-od", List.of(price(hash, unit, usd)))));
            }
        };
        for (Map.Entry<String, Regional> type : Map.of("t3.large", new Regional("0.0832", "0.0912"),
                "m5.large", new Regional("0.096", "0.107")).entrySet()) {
            add.product("AmazonEC2", "Compute Instance", Map.of("instanceType", type.getKey(), "tenancy", "Shared",
                    "operatingSystem", "Linux", "preInstalledSw", "NA", "licenseModel", "No License required",
                    "capacitystatus", "Used"), "Hrs", type.getValue());
        }
        add.product("AmazonEC2", "Storage", Map.of("volumeApiName", "gp3"), "GB-Mo", new Regional("0.08", "0.088"));
        add.product("AmazonEC2", "Storage", Map.of("volumeApiName", "gp2"), "GB-Mo", new Regional("0.10", "0.11"));
        add.product("AmazonRDS", "Database Instance", Map.of("instanceType", "db.t3.medium", "databaseEngine", "PostgreSQL",
                "deploymentOption", "Single-AZ"), "Hrs", new Regional("0.072", "0.078"));
        // storage is priced for engine "Any", gp3 by its usage type, as in AWS's price list
        add.product("AmazonRDS", "Database Storage", Map.of("volumeType", "General Purpose-GP3", "deploymentOption", "Single-AZ",
                "databaseEngine", "Any", "usagetype", "RDS:GP3-Storage"), "GB-Mo", new Regional("0.115", "0.127"));
        add.product("AmazonS3", "Storage", Map.of("storageClass", "General Purpose", "volumeType", "Standard"), "GB-Mo",
                new Regional("0.023", "0.023"));
        add.product("AmazonS3", "API Request", Map.of("group", "S3-API-Tier1"), "Requests", new Regional("0.000005", "0.000005"));
        add.product("AmazonS3", "API Request", Map.of("group", "S3-API-Tier2"), "Requests", new Regional("0.0000004", "0.0000004"));
        add.product("AWSLambda", "Serverless", Map.of("group", "AWS-Lambda-Requests"), "Requests",
                new Regional("0.0000002", "0.0000002"));
        add.product("AWSLambda", "Serverless", Map.of("group", "AWS-Lambda-Duration"), "Lambda-GB-Second",
                new Regional("0.0000166667", "0.0000166667"));
        // CloudFront is priced the same from every region and kept without one; its US edge prices
        for (Map.Entry<Map<String, String>, String> edge : Map.of(
                Map.of("transferType", "CloudFront Outbound", "fromLocation", "United States"), "0.085",
                Map.of("transferType", "CloudFront to Origin", "fromLocation", "United States"), "0.02",
                Map.of("location", "United States", "requestType", "CloudFront-Request-HTTP-Proxy"), "0.00000075",
                Map.of("location", "United States", "requestType", "CloudFront-Request-HTTPS-Proxy"), "0.000001").entrySet()) {
            String hash = "demo-" + n[0]++;
            csv.writeRecord(hash, hash, "aws", "", "AmazonCloudFront", "Data Transfer", json.writeValueAsString(edge.getKey()),
                    json.writeValueAsString(Map.of(hash + "-od", List.of(price(hash, edge.getKey().containsKey("requestType") ? "Requests"
                            : "GB", edge.getValue())))));
        }
    }

    private static Map<String, Object> price(String hash, String unit, String usd) {
        Map<String, Object> price = new LinkedHashMap<>();
        price.put("priceHash", hash + "-od");
        price.put("purchaseOption", "on_demand");
        price.put("unit", unit);
        price.put("USD", usd);
        price.put("effectiveDateStart", "2025-01-01T00:00:00Z");
        price.put("startUsageAmount", "0");
        price.put("endUsageAmount", "Inf");
        return price;
    }

    @FunctionalInterface
    private interface Product {
        void product(String service, String family, Map<String, String> attributes, String unit, Regional prices);
    }
}
