package com.stategraph.billing.estimates;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * S3 buckets: requests, and storage in each class the usage names (Standard always; infrequent
 * access, one zone, Glacier, Deep Archive and Intelligent-Tiering when given), with the filters
 * Infracost uses, as facts.
 */
final class AwsStoragePricers {
    private AwsStoragePricers() {
    }

    static final Map<String, Set<String>> READS = Map.of("aws_s3_bucket", Set.of());

    /** A storage class other than Standard: its usage key, name, service and usage type. */
    private record StorageClass(String key, String name, String service, String usageType) {
    }

    private static final List<StorageClass> CLASSES = List.of(
            new StorageClass("intelligent_tiering_frequent_access_storage_gb", "Intelligent tiering storage (frequent access)",
                    "AmazonS3", "TimedStorage-INT-FA-ByteHrs"),
            new StorageClass("intelligent_tiering_infrequent_access_storage_gb", "Intelligent tiering storage (infrequent access)",
                    "AmazonS3", "TimedStorage-INT-IA-ByteHrs"),
            new StorageClass("standard_infrequent_access_storage_gb", "Standard - infrequent access storage", "AmazonS3",
                    "TimedStorage-SIA-ByteHrs"),
            new StorageClass("one_zone_infrequent_access_storage_gb", "One zone - infrequent access storage", "AmazonS3",
                    "TimedStorage-ZIA-ByteHrs"),
            new StorageClass("glacier_flexible_retrieval_storage_gb", "Glacier flexible retrieval storage", "AmazonGlacier",
                    "TimedStorage-ByteHrs"),
            new StorageClass("glacier_deep_archive_storage_gb", "Glacier deep archive storage", "AmazonS3GlacierDeepArchive",
                    "TimedStorage-GDA-ByteHrs"));

    /** The usage keys of the classes other than Standard, for {@link UsageKeys}. */
    static Map<String, String> classKeys() {
        Map<String, String> keys = new java.util.LinkedHashMap<>();
        CLASSES.forEach(c -> keys.put(c.key(), "GB stored in " + c.name().replace(" storage", "")));
        return keys;
    }

    static void register(Map<String, Pricer> pricers) {
        pricers.put("aws_s3_bucket", AwsStoragePricers::bucket);
    }

    private static List<Component> bucket(Resource r) {
        List<Component> components = new ArrayList<>();
        components.add(Component.usage("Standard storage", "GB", r.usage("standard_storage_gb"),
                ProductQuery.of("aws", r.region(), "AmazonS3", "Storage").attr("storageClass", "General Purpose")
                        .attr("volumeType", "Standard")));
        for (StorageClass c : CLASSES) {
            if (r.usage(c.key()).signum() > 0) {
                ProductQuery storage = ProductQuery.of("aws", r.region(), c.service(), null)
                        .regex("usagetype", ProductQuery.awsUsageType(c.usageType()));
                components.add(Component.usage(c.name(), "GB", r.usage(c.key()), c.key().startsWith("intelligent")
                        ? storage.attr("storageClass", "Intelligent-Tiering") : storage));
            }
        }
        components.add(Component.usage("PUT, COPY, POST, LIST requests", "requests", r.usage("monthly_tier_1_requests"),
                ProductQuery.of("aws", r.region(), "AmazonS3", "API Request").attr("group", "S3-API-Tier1")));
        components.add(Component.usage("GET, SELECT, and all other requests", "requests", r.usage("monthly_tier_2_requests"),
                ProductQuery.of("aws", r.region(), "AmazonS3", "API Request").attr("group", "S3-API-Tier2")));
        return components;
    }
}
