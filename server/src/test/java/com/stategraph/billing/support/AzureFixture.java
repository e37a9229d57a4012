package com.stategraph.billing.support;

import static com.stategraph.billing.support.EstimateFixture.BOOK;
import static com.stategraph.billing.support.EstimateFixture.STATE;
import static com.stategraph.billing.support.EstimateFixture.expect;
import static com.stategraph.billing.support.EstimateFixture.expectHourly;

import com.stategraph.billing.support.PriceBooks.Price;
import java.util.List;
import java.util.Map;

/** The Azure part of {@link EstimateFixture}: meters as the retail prices hold them, the decoys a careless filter picks, and what each resource must cost. */
final class AzureFixture {
    private AzureFixture() {
    }

    private static Map<String, String> vm(String sku, String product, String meter) {
        return Map.of("armSkuName", sku, "productName", product, "meterName", meter, "skuName", sku.replace("Standard_", ""));
    }

    static void add() {
        String r = "eastus";
        String linux = "Virtual Machines DSv3 Series";
        BOOK.product("azure", r, "Virtual Machines", "Compute", vm("Standard_D2s_v3", linux, "D2s v3"),
                Price.of("Reservation", "1 Hour", "0.06"), Price.of("DevTestConsumption", "1 Hour", "0.0959"),
                Price.of("Consumption", "1 Hour", "0.096"));
        BOOK.product("azure", r, "Virtual Machines", "Compute", vm("Standard_D2s_v3", linux + " Windows", "D2s v3"),
                Price.of("Consumption", "1 Hour", "0.188"));
        BOOK.product("azure", r, "Virtual Machines", "Compute", vm("Standard_D2s_v3", linux, "D2s v3 Spot"),
                Price.of("Consumption", "1 Hour", "0.0192"));
        BOOK.product("azure", r, "Virtual Machines", "Compute", vm("Standard_D2s_v3", linux, "D2s v3 Low Priority"),
                Price.of("Consumption", "1 Hour", "0.0193"));
        // meters no longer billed and free offers sit beside the real one in the retail prices
        BOOK.product("azure", r, "Virtual Machines", "Compute", vm("Standard_D2s_v3", linux, "D2s v3 Expired"),
                Price.of("Consumption", "1 Hour", "0.11"));
        BOOK.product("azure", r, "Virtual Machines", "Compute", vm("Standard_B1s", "Virtual Machines BS Series", "B1s"),
                Price.of("Consumption", "1 Hour", "0.0104"));
        BOOK.product("azure", r, "Virtual Machines", "Compute", vm("Standard_B1s", "Virtual Machines BS Series", "B1s Free"),
                Price.of("Consumption", "1 Hour", "0"));
        BOOK.product("azure", r, "Virtual Machines", "Compute", vm("Standard_D2_v3", "Virtual Machines Dv3 Series", "D2 v3"),
                Price.of("Consumption", "1 Hour", "0.096"));
        BOOK.product("azure", "westus", "Virtual Machines", "Compute", vm("Standard_D2s_v3", linux, "D2s v3"),
                Price.of("Consumption", "1 Hour", "0.0961"));
        BOOK.product("azure", r, "Storage", "Storage", Map.of("productName", "Premium SSD Managed Disks", "skuName", "P10 LRS",
                "meterName", "P10 LRS Disk"), Price.of("Consumption", "1/Month", "19.71"));
        BOOK.product("azure", r, "Storage", "Storage", Map.of("productName", "Premium SSD Managed Disks", "skuName", "P10 LRS",
                "meterName", "P10 LRS Disk Mount"), Price.of("Consumption", "1/Month", "1.9"));
        BOOK.product("azure", r, "Storage", "Storage", Map.of("productName", "Premium SSD Managed Disks", "skuName", "P10 ZRS",
                "meterName", "P10 ZRS Disk"), Price.of("Consumption", "1/Month", "29.57"));
        BOOK.product("azure", r, "Storage", "Storage", Map.of("productName", "Premium SSD Managed Disks", "skuName", "P15 LRS",
                "meterName", "P15 LRS Disk"), Price.of("Consumption", "1/Month", "38.01"));
        BOOK.product("azure", r, "Storage", "Storage", Map.of("productName", "Standard HDD Managed Disks", "skuName", "S10 LRS",
                "meterName", "S10 Disks"), Price.of("Consumption", "1/Month", "5.89"));
        BOOK.product("azure", r, "Storage", "Storage", Map.of("productName", "Standard SSD Managed Disks", "skuName", "E15 LRS",
                "meterName", "E15 LRS Disk"), Price.of("Consumption", "1/Month", "15.36"));
        BOOK.product("azure", r, "Storage", "Storage", Map.of("productName", "Standard SSD Managed Disks", "skuName", "E20 LRS",
                "meterName", "E20 LRS Disk"), Price.of("Consumption", "1/Month", "30.72"));
        STATE.managed("azurerm_linux_virtual_machine", "app", "azurerm", Map.of("id",
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/app", "location", "East US",
                "size", "Standard_D2s_v3", "os_disk", List.of(Map.of("storage_account_type", "Premium_LRS", "disk_size_gb", 100)),
                "tags", Map.of("team", "web")));
        expectHourly("azurerm_linux_virtual_machine.app", "Instance usage (Linux, pay as you go, Standard_D2s_v3)", "1", "0.096");
        expect("azurerm_linux_virtual_machine.app", "OS disk: Storage (P10, LRS)", "1", "19.71");
        STATE.managed("azurerm_windows_virtual_machine", "win", "azurerm", Map.of("id",
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/win", "location", "eastus",
                "size", "Standard_D2s_v3", "os_disk", List.of(Map.of("storage_account_type", "Standard_LRS", "disk_size_gb", 127))));
        expectHourly("azurerm_windows_virtual_machine.win", "Instance usage (Windows, pay as you go, Standard_D2s_v3)", "1", "0.188");
        expect("azurerm_windows_virtual_machine.win", "OS disk: Storage (S10, LRS)", "1", "5.89");
        STATE.managed("azurerm_managed_disk", "data", "azurerm", Map.of("id",
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/disks/data", "location", "eastus",
                "storage_account_type", "StandardSSD_LRS", "disk_size_gb", 200));
        expect("azurerm_managed_disk.data", "Storage (E15, LRS)", "1", "15.36");
        STATE.managed("azurerm_linux_virtual_machine", "tiny", "azurerm", Map.of("id",
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/tiny", "location", "eastus",
                "size", "Standard_B1s", "os_disk", List.of(Map.of("storage_account_type", "Standard_LRS", "disk_size_gb", 100))));
        expectHourly("azurerm_linux_virtual_machine.tiny", "Instance usage (Linux, pay as you go, Standard_B1s)", "1", "0.0104");
        expect("azurerm_linux_virtual_machine.tiny", "OS disk: Storage (S10, LRS)", "1", "5.89");

        BOOK.product("azure", r, "Azure Kubernetes Service", "Compute", Map.of("skuName", "Standard", "meterName",
                "Standard Uptime SLA"), Price.of("Consumption", "1 Hour", "0.1"));
        BOOK.product("azure", r, "Azure Kubernetes Service", "Compute", Map.of("skuName", "Premium", "meterName",
                "Premium Long Term Support"), Price.of("Consumption", "1 Hour", "0.6"));
        STATE.managed("azurerm_kubernetes_cluster", "aks", "azurerm", Map.of("id",
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks", "location", "eastus",
                "sku_tier", "Standard", "default_node_pool", List.of(Map.of("vm_size", "Standard_D2s_v3", "node_count", 3,
                        "os_disk_size_gb", 128, "os_disk_type", "Managed"))));
        expectHourly("azurerm_kubernetes_cluster.aks", "Uptime SLA (Standard tier)", "1", "0.1");
        expectHourly("azurerm_kubernetes_cluster.aks", "default_node_pool: Instance usage (Linux, pay as you go, Standard_D2s_v3)", "3",
                "0.096");
        expect("azurerm_kubernetes_cluster.aks", "default_node_pool: OS disk: Storage (P10, LRS)", "3", "19.71");
        // a size without premium storage gets Standard HDD OS disks, not Standard SSD
        BOOK.product("azure", r, "Storage", "Storage", Map.of("productName", "Standard SSD Managed Disks", "skuName", "E10 LRS",
                "meterName", "E10 LRS Disk"), Price.of("Consumption", "1/Month", "7.68"));
        STATE.managed("azurerm_kubernetes_cluster", "plain", "azurerm", Map.of("id",
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/plain", "location", "eastus",
                "default_node_pool", List.of(Map.of("vm_size", "Standard_D2_v3", "node_count", 2, "os_disk_size_gb", 128))));
        expectHourly("azurerm_kubernetes_cluster.plain", "default_node_pool: Instance usage (Linux, pay as you go, Standard_D2_v3)", "2",
                "0.096");
        expect("azurerm_kubernetes_cluster.plain", "default_node_pool: OS disk: Storage (S10, LRS)", "2", "5.89");
        // a pool of its own, located by its cluster (pools have no location), at its cluster's prices
        STATE.managed("azurerm_kubernetes_cluster_node_pool", "spare", "azurerm", Map.of("id",
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks/agentPools/spare",
                "kubernetes_cluster_id", "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/AKS",
                "vm_size", "Standard_D2s_v3", "node_count", 2, "os_disk_size_gb", 100));
        expectHourly("azurerm_kubernetes_cluster_node_pool.spare", "Instance usage (Linux, pay as you go, Standard_D2s_v3)", "2", "0.096");
        expect("azurerm_kubernetes_cluster_node_pool.spare", "OS disk: Storage (P10, LRS)", "2", "19.71");
        // a scale set: instances x (VM + OS disk)
        STATE.managed("azurerm_linux_virtual_machine_scale_set", "web", "azurerm", Map.of("id",
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/web", "location", "eastus",
                "sku", "Standard_D2s_v3", "instances", 3, "os_disk", List.of(Map.of("storage_account_type", "Standard_LRS",
                        "disk_size_gb", 100))));
        expectHourly("azurerm_linux_virtual_machine_scale_set.web", "Instance usage (Linux, pay as you go, Standard_D2s_v3)", "3",
                "0.096");
        expect("azurerm_linux_virtual_machine_scale_set.web", "OS disk: Storage (S10, LRS)", "3", "5.89");
        STATE.managed("azurerm_windows_virtual_machine_scale_set", "build", "azurerm", Map.of("id",
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/build", "location", "eastus",
                "sku", "Standard_D2s_v3", "instances", 2, "os_disk", List.of(Map.of("storage_account_type", "Standard_LRS",
                        "disk_size_gb", 127))));
        expectHourly("azurerm_windows_virtual_machine_scale_set.build", "Instance usage (Windows, pay as you go, Standard_D2s_v3)", "2",
                "0.188");
        expect("azurerm_windows_virtual_machine_scale_set.build", "OS disk: Storage (S10, LRS)", "2", "5.89");

        BOOK.product("azure", r, "Virtual Network", "Networking", Map.of("productName", "IP Addresses", "skuName", "Standard",
                "meterName", "Standard IPv4 Static Public IP"), Price.of("Consumption", "1 Hour", "0.005"));
        BOOK.product("azure", r, "Virtual Network", "Networking", Map.of("productName", "IP Addresses", "skuName", "Basic",
                "meterName", "Basic IPv4 Static Public IP"), Price.of("Consumption", "1 Hour", "0.0036"));
        BOOK.product("azure", r, "Virtual Network", "Networking", Map.of("productName", "IP Addresses", "skuName", "Basic",
                "meterName", "Basic IPv4 Dynamic Public IP"), Price.of("Consumption", "1 Hour", "0.004"));
        STATE.managed("azurerm_public_ip", "pip", "azurerm", Map.of("id",
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/publicIPAddresses/pip", "location", "eastus",
                "sku", "Standard", "allocation_method", "Static"));
        expectHourly("azurerm_public_ip.pip", "IP address (static, standard)", "1", "0.005");
        BOOK.product("azure", r, "Virtual Network", "Networking", Map.of("productName", "IP Addresses", "skuName", "Global",
                "meterName", "Global IPv4 Static Public IP"), Price.of("Consumption", "1 Hour", "0.01"));
        STATE.managed("azurerm_public_ip", "global", "azurerm", Map.of("id",
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/publicIPAddresses/global", "location", "eastus",
                "sku", "Standard", "sku_tier", "Global", "allocation_method", "Static"));
        expectHourly("azurerm_public_ip.global", "IP address (static, global)", "1", "0.01");

        // Blob capacity by account kind and tier: StorageV2 hot LRS is under "Blob Storage" in the dump, other tiers under
        // "General Block Blob v2"; premium accounts under "Premium Block Blob"
        BOOK.product("azure", r, "Storage", "Storage", Map.of("productName", "Blob Storage", "skuName", "Hot LRS",
                "meterName", "Hot LRS Data Stored"), Price.of("Consumption", "1 GB/Month", "0.0184"));
        BOOK.product("azure", r, "Storage", "Storage", Map.of("productName", "General Block Blob v2", "skuName", "Hot LRS",
                "meterName", "Hot LRS Data Stored"), Price.of("Consumption", "1 GB/Month", "0.0185"));
        BOOK.product("azure", r, "Storage", "Storage", Map.of("productName", "General Block Blob v2", "skuName", "Cool GRS",
                "meterName", "Cool GRS Data Stored"), Price.of("Consumption", "1 GB/Month", "0.02"));
        BOOK.product("azure", r, "Storage", "Storage", Map.of("productName", "Premium Block Blob", "skuName", "Premium LRS",
                "meterName", "Premium LRS Data Stored"), Price.of("Consumption", "1 GB/Month", "0.15"));
        STATE.managed("azurerm_storage_account", "sa", "azurerm", Map.of("id",
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/sa", "location", "eastus",
                "account_kind", "StorageV2", "account_tier", "Standard", "access_tier", "Hot", "account_replication_type", "LRS"));
        expect("azurerm_storage_account.sa", "Capacity (Hot LRS)", "0", "0.0184");
        STATE.managed("azurerm_storage_account", "archive", "azurerm", Map.of("id",
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/archive", "location", "eastus",
                "account_kind", "StorageV2", "account_tier", "Standard", "access_tier", "Cool", "account_replication_type", "GRS"));
        expect("azurerm_storage_account.archive", "Capacity (Cool GRS)", "0", "0.02");
        STATE.managed("azurerm_storage_account", "fast", "azurerm", Map.of("id",
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/fast", "location", "eastus",
                "account_kind", "BlockBlobStorage", "account_tier", "Premium", "account_replication_type", "LRS"));
        expect("azurerm_storage_account.fast", "Capacity (Premium LRS)", "0", "0.15");
        BOOK.product("azure", r, "Container Registry", "Containers", Map.of("productName", "Container Registry", "skuName", "Standard",
                "meterName", "Standard Registry Unit"), Price.of("Consumption", "1/Day", "0.6667"));
        BOOK.product("azure", r, "Container Registry", "Containers", Map.of("productName", "Container Registry", "skuName", "Basic",
                "meterName", "Basic Registry Unit"), Price.of("Consumption", "1/Day", "0.1667"));
        STATE.managed("azurerm_container_registry", "acr", "azurerm", Map.of("id",
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/acr", "location", "eastus",
                "sku", "Standard"));
        expect("azurerm_container_registry.acr", "Registry usage (Standard)", "30", "0.6667");
        STATE.managed("azurerm_resource_group", "rg", "azurerm", Map.of("id", "/subscriptions/s/resourceGroups/rg", "location", "eastus"));
    }
}
