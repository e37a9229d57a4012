package com.stategraph.billing.estimates;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Azure resource types: what each is charged for and which products of the price book price it. */
final class AzurePricers {
    private static final BigDecimal ONE = BigDecimal.ONE;
    /** Azure's retail prices call the pay-as-you-go price "Consumption". */
    private static final String PAY_AS_YOU_GO = "Consumption";
    /** Managed disk tiers by the largest size (GiB) each holds; a disk is charged as the smallest tier it fits. */
    private static final int[] TIER_SIZES = {4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32767};
    private static final String[] TIER_NUMBERS = {"1", "2", "3", "4", "6", "10", "15", "20", "30", "40", "50", "60", "70", "80"};

    /**
     * Azure's retail prices keep meters that are no longer billed ("... Expired") and free offers ("B1s Free") beside the
     * real ones: a component never takes either.
     */
    private static final String BILLED_METER = "^(?!.*(Expired|Free)$)";

    private AzurePricers() {
    }

    /** A pay-as-you-go price of a meter that is billed. */
    static ProductQuery payAsYouGo(String region, String service, String family) {
        return ProductQuery.of("azure", region, service, family).purchaseOption(PAY_AS_YOU_GO).regex("meterName", BILLED_METER);
    }

    /** The attributes each type's pricing reads (StateAttributes keeps only these, identifiers and tags). */
    static final Map<String, java.util.Set<String>> READS = Map.of(
            "azurerm_linux_virtual_machine", java.util.Set.of("size", "os_disk"),
            "azurerm_windows_virtual_machine", java.util.Set.of("size", "os_disk"),
            "azurerm_managed_disk", java.util.Set.of("storage_account_type", "disk_size_gb"),
            "azurerm_kubernetes_cluster", java.util.Set.of("sku_tier", "default_node_pool"),
            "azurerm_public_ip", java.util.Set.of("sku", "sku_tier", "allocation_method"),
            "azurerm_storage_account", java.util.Set.of("access_tier", "account_replication_type", "account_kind", "account_tier",
                    "nfsv3_enabled"),
            "azurerm_container_registry", java.util.Set.of("sku"),
            "azurerm_kubernetes_cluster_node_pool", java.util.Set.of("kubernetes_cluster_id", "vm_size", "node_count", "min_count",
                    "os_disk_size_gb", "os_disk_type"),
            "azurerm_linux_virtual_machine_scale_set", java.util.Set.of("sku", "instances", "os_disk"),
            "azurerm_windows_virtual_machine_scale_set", java.util.Set.of("sku", "instances", "os_disk"));

    static void register(Map<String, Pricer> pricers) {
        pricers.put("azurerm_linux_virtual_machine", r -> virtualMachine(r, false));
        pricers.put("azurerm_windows_virtual_machine", r -> virtualMachine(r, true));
        pricers.put("azurerm_managed_disk", r -> List.of(disk(region(r), r.text("storage_account_type", "Standard_LRS"),
                r.number("disk_size_gb", BigDecimal.valueOf(32)), ONE)));
        pricers.put("azurerm_kubernetes_cluster", AzurePricers::kubernetesCluster);
        // a node pool has no location of its own: its cluster's, when the cluster is in the state
        pricers.put("azurerm_kubernetes_cluster_node_pool", r -> nodePool(region(r) != null ? region(r)
                : r.neighbours().parentLocation(r.text("kubernetes_cluster_id", null)).map(l -> l.toLowerCase(Locale.ROOT).replace(" ", ""))
                .orElse(null), r.attributes(), ""));
        pricers.put("azurerm_linux_virtual_machine_scale_set", r -> scaleSet(r, false));
        pricers.put("azurerm_windows_virtual_machine_scale_set", r -> scaleSet(r, true));
        pricers.put("azurerm_public_ip", AzurePricers::publicIp);
        pricers.put("azurerm_storage_account", AzurePricers::storageAccount);
        // a registry is billed by the day, in its SKU's "Registry Unit"
        pricers.put("azurerm_container_registry", r -> {
            String sku = capitalised(r.text("sku", "Basic"));
            return List.of(Component.monthly("Registry usage (" + sku + ")", "days", BigDecimal.valueOf(30),
                    payAsYouGo(region(r), "Container Registry", "Containers").attr("productName", "Container Registry")
                            .attr("skuName", sku).attr("meterName", sku + " Registry Unit")));
        });
    }

    /** Azure writes locations both as {@code eastus} and {@code East US}; the price book has the first. */
    static String region(Resource r) {
        return r.region() == null ? null : r.region().toLowerCase(Locale.ROOT).replace(" ", "");
    }

    private static List<Component> virtualMachine(Resource r, boolean windows) {
        String region = region(r);
        List<Component> components = new ArrayList<>();
        components.add(compute(region, r.text("size", ""), windows, ONE));
        JsonNode osDisk = r.block("os_disk");
        components.add(disk(region, Resource.text(osDisk, "storage_account_type", "Standard_LRS"),
                Resource.number(osDisk, "disk_size_gb", BigDecimal.valueOf(windows ? 127 : 30)), ONE).named("OS disk: "));
        return components;
    }

    /** Pay-as-you-go, neither Spot nor Low Priority; Windows prices include the licence. */
    static Component compute(String region, String size, boolean windows, BigDecimal count) {
        return Component.hourly("Instance usage (" + (windows ? "Windows" : "Linux") + ", pay as you go, " + size + ")", count,
                payAsYouGo(region, "Virtual Machines", "Compute")
                        .attr("armSkuName", size)
                        .regex("meterName", "^(?!.*(Spot|Low Priority)).*$")
                        .regex("productName", windows ? "Windows$" : "^(?!.*Windows).*$"));
    }

    /** Standard_LRS, StandardSSD_LRS/ZRS, Premium_LRS/ZRS; Premium SSD v2 and Ultra disks are priced by IOPS too (not priced here). */
    static Component disk(String region, String accountType, BigDecimal sizeGb, BigDecimal count) {
        String[] kind = accountType.split("_", 2);
        String redundancy = kind.length == 2 ? kind[1].toUpperCase(Locale.ROOT) : "LRS";
        String letter;
        String product;
        switch (kind[0].toLowerCase(Locale.ROOT)) {
            case "premium" -> {
                letter = "P";
                product = "Premium SSD Managed Disks";
            }
            case "standardssd" -> {
                letter = "E";
                product = "Standard SSD Managed Disks";
            }
            case "standard" -> {
                letter = "S";
                product = "Standard HDD Managed Disks";
            }
            default -> {
                letter = null;
                product = null;
            }
        }
        String tier = letter == null ? null : tier(letter, sizeGb);
        String name = "Storage (" + (tier == null ? accountType : tier + ", " + redundancy) + ")";
        return Component.monthly(name, "months", count, tier == null ? null
                : payAsYouGo(region, "Storage", "Storage")
                .attr("productName", product)
                .attr("skuName", tier + " " + redundancy)
                .regex("meterName", "Disks?$"));
    }

    /** The smallest tier of that kind the size fits; Standard HDD starts at S4 (32 GiB). */
    private static String tier(String letter, BigDecimal sizeGb) {
        for (int i = 0; i < TIER_SIZES.length; i++) {
            if (letter.equals("S") && TIER_SIZES[i] < 32) {
                continue;
            }
            if (sizeGb.compareTo(BigDecimal.valueOf(TIER_SIZES[i])) <= 0) {
                return letter + TIER_NUMBERS[i];
            }
        }
        return null;
    }

    private static List<Component> kubernetesCluster(Resource r) {
        String region = region(r);
        List<Component> components = new ArrayList<>();
        String sku = capitalised(r.text("sku_tier", "Free"));
        if (!sku.equals("Free")) {
            components.add(Component.hourly("Uptime SLA (" + sku + " tier)", ONE,
                    payAsYouGo(region, "Azure Kubernetes Service", "Compute")
                            .attr("skuName", sku)
                            .regex("meterName", sku.equals("Premium") ? "Long Term Support$" : "Uptime SLA$")));
        }
        components.addAll(nodePool(region, r.block("default_node_pool"), "default_node_pool: "));
        return components;
    }

    /** An AKS pool's nodes (node_count, else min_count) and their managed OS disks. */
    private static List<Component> nodePool(String region, JsonNode pool, String label) {
        List<Component> components = new ArrayList<>();
        BigDecimal nodes = Resource.number(pool, "node_count", Resource.number(pool, "min_count", ONE));
        String size = Resource.text(pool, "vm_size", "");
        components.add(compute(region, size, false, nodes).named(label));
        // Ephemeral OS disks live on the VM's local storage and cost nothing more.
        if (!Resource.text(pool, "os_disk_type", "Managed").equalsIgnoreCase("Ephemeral")) {
            // AKS gives sizes without premium storage Standard HDD OS disks (S), not Standard SSD
            String accountType = premiumCapable(size) ? "Premium_LRS" : "Standard_LRS";
            components.add(disk(region, accountType, Resource.number(pool, "os_disk_size_gb", BigDecimal.valueOf(128)), nodes)
                    .named(label + "OS disk: "));
        }
        return components;
    }

    /** A scale set's instances, each a virtual machine of its sku with its OS disk. */
    private static List<Component> scaleSet(Resource r, boolean windows) {
        String region = region(r);
        BigDecimal instances = r.number("instances", ONE);
        JsonNode osDisk = r.block("os_disk");
        return List.of(compute(region, r.text("sku", ""), windows, instances),
                disk(region, Resource.text(osDisk, "storage_account_type", "Standard_LRS"),
                        Resource.number(osDisk, "disk_size_gb", BigDecimal.valueOf(windows ? 127 : 30)), instances).named("OS disk: "));
    }

    /** AKS gives nodes of sizes with premium storage (an "s" among the size's letters: D2s_v3, DS2_v2) Premium SSD OS disks. */
    private static boolean premiumCapable(String size) {
        String name = size.toLowerCase(Locale.ROOT).replaceFirst("^standard_", "");
        String letters = name.split("_")[0].replaceAll("\\d", "");
        return letters.length() > 1 && letters.substring(1).contains("s");
    }

    private static List<Component> publicIp(Resource r) {
        String sku = capitalised(r.text("sku", "Standard"));
        String allocation = capitalised(r.text("allocation_method", "Static"));
        // A Standard address of the Global tier (cross-region) has meters of its own, under SKU "Global"
        String meterSku = sku.equals("Standard") && capitalised(r.text("sku_tier", "Regional")).equals("Global") ? "Global" : sku;
        // Only the values Azure has go into the expression: anything else is shown without a price.
        boolean known = (sku.equals("Basic") || sku.equals("Standard")) && (allocation.equals("Static") || allocation.equals("Dynamic"));
        return List.of(Component.hourly("IP address (" + allocation.toLowerCase(Locale.ROOT) + ", " + meterSku.toLowerCase(Locale.ROOT)
                        + ")", ONE,
                !known ? null : payAsYouGo(region(r), "Virtual Network", "Networking")
                        .attr("productName", "IP Addresses")
                        .attr("skuName", meterSku)
                        .regex("meterName", "^" + meterSku + " IPv4 " + allocation + " Public IP$")));
    }

    /**
     * Blob capacity, by the account's kind and tier: StorageV2 as General Block Blob v2 (hot LRS as Blob Storage, where the
     * dump keeps all its regions), with NFSv3 as the Hierarchical Namespace products, BlobStorage and BlockBlobStorage as
     * Blob Storage, Storage (v1) as General Block Blob; premium accounts as Premium Block Blob. File shares are not priced.
     */
    private static List<Component> storageAccount(Resource r) {
        String kind = r.text("account_kind", "StorageV2").toLowerCase(Locale.ROOT);
        boolean premium = capitalised(r.text("account_tier", "Standard")).equals("Premium");
        String replication = r.text("account_replication_type", "LRS").toUpperCase(Locale.ROOT);
        String access = premium ? "Premium" : capitalised(r.text("access_tier", "Hot"));
        String product = switch (kind) {
            case "filestorage" -> null;
            case "storage" -> premium ? "Premium Block Blob" : "General Block Blob";
            case "blobstorage", "blockblobstorage" -> premium ? "Premium Block Blob" : "Blob Storage";
            default -> r.flag("nfsv3_enabled") ? (premium ? "Premium Block Blob v2 Hierarchical Namespace"
                    : "General Block Blob v2 Hierarchical Namespace")
                    : premium ? "Premium Block Blob" : replication.equals("LRS") && access.equals("Hot") ? "Blob Storage"
                    : "General Block Blob v2";
        };
        return List.of(Component.usage("Capacity (" + access + " " + replication + ")", "GB", r.usage("storage_gb"), product == null ? null
                : payAsYouGo(region(r), "Storage", "Storage").attr("productName", product).attr("skuName", access + " " + replication)
                        .regex("meterName", "Data Stored$")));
    }

    static String capitalised(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
    }
}
