package com.stategraph.billing.estimates;

import static com.stategraph.billing.estimates.GooglePricers.catalog;

import com.stategraph.billing.estimates.UsageTiers.Tier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Google Cloud operations: KMS keys, Pub/Sub subscriptions, log sinks and buckets, and custom
 * metrics (the filters are those Infracost uses, as facts).
 */
final class GoogleOperationsPricers {
    /** Every log sink and log bucket is charged for the log volume it routes or stores, beyond the free 50 GiB a month. */
    static final List<String> LOGGING_TYPES = List.of("google_logging_project_sink", "google_logging_folder_sink",
            "google_logging_organization_sink", "google_logging_billing_account_sink", "google_logging_project_bucket_config",
            "google_logging_folder_bucket_config", "google_logging_organization_bucket_config",
            "google_logging_billing_account_bucket_config");

    private GoogleOperationsPricers() {
    }

    static final Map<String, Set<String>> READS = reads();

    private static Map<String, Set<String>> reads() {
        Map<String, Set<String>> reads = new HashMap<>();
        reads.put("google_kms_crypto_key", Set.of("key_ring", "version_template"));
        reads.put("google_pubsub_subscription", Set.of());
        reads.put("google_monitoring_metric_descriptor", Set.of());
        LOGGING_TYPES.forEach(type -> reads.put(type, Set.of()));
        return Map.copyOf(reads);
    }

    static void register(Map<String, Pricer> pricers) {
        pricers.put("google_kms_crypto_key", GoogleOperationsPricers::cryptoKey);
        pricers.put("google_pubsub_subscription", r -> {
            ProductQuery pubsub = catalog("global", "Cloud Pub/Sub", "ApplicationServices");
            return List.of(
                    Component.usage("Message delivery data", "TiB", r.usage("monthly_message_data_tb"),
                            pubsub.openTier().attr("description", "Message Delivery Basic")),
                    Component.usage("Retained acknowledged message storage", "GiB", r.usage("storage_gb"),
                            pubsub.attr("description", "Subscriptions retained acknowledged messages")),
                    Component.usage("Snapshot message backlog storage", "GiB", r.usage("snapshot_storage_gb"),
                            pubsub.attr("description", "Snapshots message backlog")));
        });
        Pricer logging = r -> List.of(Component.usage("Logging data", "GiB", r.usage("monthly_logging_data_gb"),
                catalog("global", "Cloud Logging", "ApplicationServices").attr("description", "Log Volume").tier("50")));
        LOGGING_TYPES.forEach(type -> pricers.put(type, logging));
        pricers.put("google_monitoring_metric_descriptor", GoogleOperationsPricers::metricDescriptor);
    }

    /**
     * Active key versions (a key has one unless usage says more) and cryptographic operations, by protection level and
     * algorithm; the key ring's location prices them.
     */
    private static List<Component> cryptoKey(Resource r) {
        String algorithm = Resource.text(r.block("version_template"), "algorithm", "GOOGLE_SYMMETRIC_ENCRYPTION").toLowerCase(Locale.ROOT);
        String protection = Resource.text(r.block("version_template"), "protection_level", "SOFTWARE").toLowerCase(Locale.ROOT);
        String keyRing = r.text("key_ring", "");
        int at = keyRing.indexOf("/locations/");
        String location = at < 0 ? r.region() : keyRing.substring(at + "/locations/".length()).split("/")[0];
        String[] descriptions = descriptions(algorithm, protection);
        ProductQuery kms = catalog(location, "Cloud Key Management Service (KMS)", "ApplicationServices");
        BigDecimal versions = r.usage("key_versions").signum() > 0 ? r.usage("key_versions") : BigDecimal.ONE;
        return List.of(
                Component.monthly("Key versions", "months", versions,
                        descriptions == null ? null : kms.regex("description", "^" + descriptions[0])),
                Component.usage("Operations", "operations", r.usage("monthly_key_operations"),
                        descriptions == null ? null : kms.regex("description", "^" + descriptions[1])));
    }

    /** The key-version and operation descriptions of the price list for an algorithm and protection level, or null. */
    private static String[] descriptions(String algorithm, String protection) {
        boolean symmetric = algorithm.equals("google_symmetric_encryption");
        if (protection.equals("software")) {
            return symmetric ? new String[] {"Active software symmetric key versions", "Cryptographic operations with a software symmetric"}
                    : new String[] {"Software asymmetric", "Software asymmetric cryptographic"};
        }
        if (!protection.equals("hsm")) {
            return null;
        }
        if (symmetric) {
            return new String[] {"HSM symmetric", "HSM symmetric cryptographic"};
        }
        return switch (algorithm) {
            case "ec_sign_p256_sha256" -> new String[] {"HSM ECDSA P-256", "HSM cryptographic operations with an ECDSA P-256"};
            case "ec_sign_p384_sha384" -> new String[] {"HSM ECDSA P-384", "HSM cryptographic operations with an ECDSA P-384"};
            default -> null;
        };
    }

    /** Metric volume in Google's tiers (first 150 MiB free, to 100,000, to 250,000, above) and API calls beyond the free million. */
    private static List<Component> metricDescriptor(Resource r) {
        ProductQuery monitoring = catalog("global", "Cloud Monitoring", "ApplicationServices");
        List<Component> components = new ArrayList<>(UsageTiers.split("Monitoring data", "MiB", r.usage("monthly_monitoring_data_mb"),
                List.of(new Tier("first 100K", 0), new Tier("next 150K", 100_000L), new Tier("over 250K", 250_000L)),
                start -> monitoring.regex("description", "Metric Volume").tier(start.equals("0") ? "150" : start)));
        components.add(Component.usage("API calls", "calls", r.usage("monthly_api_calls"),
                monitoring.regex("description", "Monitoring API Requests").tier("1000000")));
        return components;
    }
}
