package com.stategraph.billing.support;

import static com.stategraph.billing.support.AzureMeters.id;
import static com.stategraph.billing.support.AzureMeters.meter;
import static com.stategraph.billing.support.EstimateFixture.BOOK;
import static com.stategraph.billing.support.EstimateFixture.STATE;
import static com.stategraph.billing.support.EstimateFixture.expect;
import static com.stategraph.billing.support.EstimateFixture.expectHourly;

import com.stategraph.billing.support.PriceBooks.Price;
import java.util.List;
import java.util.Map;

/**
 * Azure NAT gateways, firewalls, Bastion, private endpoints, DNS zones, load balancers, PostgreSQL and
 * MySQL flexible servers, Redis caches and App Service plans: East US retail prices and their decoys
 * (other regions, tiers, sizes, products; meters no longer billed).
 */
final class AzureServicesFixture {
    private AzureServicesFixture() {
    }

    static void add() {
        String r = "eastus";
        meter(r, "NAT Gateway", "Networking", Map.of("meterName", "Standard Gateway", "skuName", "Standard"), "1 Hour", "0.045");
        meter(r, "NAT Gateway", "Networking", Map.of("meterName", "Standard Data Processed", "skuName", "Standard"), "1 GB", "0.045");
        meter("westus", "NAT Gateway", "Networking", Map.of("meterName", "Standard Gateway", "skuName", "Standard"), "1 Hour", "0.0451");
        STATE.managed("azurerm_nat_gateway", "out", "azurerm", Map.of("id", id("Microsoft.Network/natGateways", "out"), "location", r));
        expectHourly("azurerm_nat_gateway.out", "NAT gateway", "1", "0.045");
        expect("azurerm_nat_gateway.out", "Data processed", "0", "0.045");

        meter(r, "Azure Firewall", "Networking", Map.of("skuName", "Standard", "meterName", "Standard Deployment"), "1 Hour", "1.25");
        meter(r, "Azure Firewall", "Networking", Map.of("skuName", "Standard", "meterName", "Standard Data Processed"), "1 GB", "0.016");
        meter(r, "Azure Firewall", "Networking", Map.of("skuName", "Premium", "meterName", "Premium Deployment"), "1 Hour", "1.75");
        meter(r, "Azure Firewall", "Networking", Map.of("skuName", "Standard Secured Virtual Hub", "meterName",
                "Standard Secured Virtual Hub Deployment"), "1 Hour", "1.251");
        STATE.managed("azurerm_firewall", "edge", "azurerm", Map.of("id", id("Microsoft.Network/azureFirewalls", "edge"), "location", r,
                "sku_name", "AZFW_VNet", "sku_tier", "Standard"));
        expectHourly("azurerm_firewall.edge", "Deployment (Standard)", "1", "1.25");
        expect("azurerm_firewall.edge", "Data processed", "0", "0.016");

        meter(r, "Azure Bastion", "Networking", Map.of("skuName", "Basic", "meterName", "Basic Gateway"), "1 Hour", "0.19");
        meter(r, "Azure Bastion", "Networking", Map.of("skuName", "Standard", "meterName", "Standard Gateway"), "1 Hour", "0.29");
        STATE.managed("azurerm_bastion_host", "jump", "azurerm", Map.of("id", id("Microsoft.Network/bastionHosts", "jump"), "location", r,
                "sku", "Basic"));
        expectHourly("azurerm_bastion_host.jump", "Bastion host (Basic)", "1", "0.19");

        Map<String, String> link = Map.of("productName", "Virtual Network Private Link");
        meter(r, "Virtual Network", "Networking", EstimateFixture.with(link, "meterName", "Standard Private Endpoint"), "1 Hour", "0.01");
        BOOK.product("azure", r, "Virtual Network", "Networking", EstimateFixture.with(link, "meterName",
                "Standard Data Processed - Ingress"), Price.of("Consumption", "1 GB", "0.01").to("1000000"),
                Price.of("Consumption", "1 GB", "0.006").from("1000000").to("5000000"), Price.of("Consumption", "1 GB", "0.004")
                        .from("5000000"));
        meter(r, "Virtual Network", "Networking", EstimateFixture.with(link, "meterName", "Standard Data Processed - Egress"), "1 GB",
                "0.0101");
        STATE.managed("azurerm_private_endpoint", "db", "azurerm", Map.of("id", id("Microsoft.Network/privateEndpoints", "db"),
                "location", r));
        expectHourly("azurerm_private_endpoint.db", "Private endpoint", "1", "0.01");
        expect("azurerm_private_endpoint.db", "Inbound data processed (first 1PB)", "0", "0.01");
        expect("azurerm_private_endpoint.db", "Outbound data processed (first 1PB)", "0", "0.0101");

        // DNS zones are priced in "Zone 1"; queries and the second tier are decoys
        BOOK.product("azure", "Zone 1", "Azure DNS", "Networking", Map.of("meterName", "Public Zones"),
                Price.of("Consumption", "1/Month", "0.50").to("25"), Price.of("Consumption", "1/Month", "0.10").from("25"));
        meter("Zone 1", "Azure DNS", "Networking", Map.of("meterName", "Public Queries"), "1M", "0.40");
        STATE.managed("azurerm_dns_zone", "public", "azurerm", Map.of("id", id("Microsoft.Network/dnszones", "example.com"),
                "location", "global"));
        expect("azurerm_dns_zone.public", "Hosted zone", "1", "0.50");
        STATE.managed("azurerm_private_dns_zone", "internal", "azurerm", Map.of("id",
                id("Microsoft.Network/privateDnsZones", "internal.example")));
        expect("azurerm_private_dns_zone.internal", "Hosted zone", "1", "0.50");

        meter("Global", "Load Balancer", "Networking", Map.of("skuName", "Standard", "meterName", "Standard Data Processed"), "1 GB",
                "0.005");
        meter("Global", "Load Balancer", "Networking", Map.of("skuName", "Standard", "meterName",
                "Standard Overage LB Rules and Outbound Rules"), "1 Hour", "0.01");
        meter("Global", "Load Balancer", "Networking", Map.of("skuName", "Gateway", "meterName", "Gateway Data Processed"), "1 GB",
                "0.004");
        STATE.managed("azurerm_lb", "internal", "azurerm", Map.of("id", id("Microsoft.Network/loadBalancers", "internal"), "location", r,
                "sku", "Standard"));
        expect("azurerm_lb.internal", "Data processed", "0", "0.005");
        // a Basic load balancer is free
        STATE.managed("azurerm_lb", "basic", "azurerm", Map.of("id", id("Microsoft.Network/loadBalancers", "basic"), "location", r,
                "sku", "Basic"));

        String pg = "Azure Database for PostgreSQL";
        meter(r, pg, "Databases", Map.of("productName", "Azure Database for PostgreSQL Flexible Server General Purpose Dsv3 Series Compute",
                "skuName", "2 vCore", "meterName", "vCore"), "1 Hour", "0.178");
        meter(r, pg, "Databases", Map.of("productName", "Azure Database for PostgreSQL Flexible Server General Purpose Dsv3 Series Compute",
                "skuName", "4 vCore", "meterName", "vCore"), "1 Hour", "0.356");
        meter(r, pg, "Databases", Map.of("productName", "Azure Database for PostgreSQL Flexible Server Memory Optimized Esv3 Series Compute",
                "skuName", "2 vCore", "meterName", "vCore"), "1 Hour", "0.2436");
        meter(r, pg, "Databases", Map.of("productName", "Azure Database for PostgreSQL Flexible Server Burstable BS Series Compute",
                "skuName", "B1ms", "meterName", "B1ms"), "1 Hour", "0.0207");
        meter(r, pg, "Databases", Map.of("productName", "Azure Database for PostgreSQL Flexible Server Burstable BS Series Compute",
                "skuName", "B2s", "meterName", "B2s"), "1 Hour", "0.0828");
        meter(r, pg, "Databases", Map.of("productName", "Az DB for PostgreSQL Flexible Server Storage", "meterName", "Storage Data Stored"),
                "1 GB/Month", "0.115");
        meter(r, pg, "Databases", Map.of("productName", "Azure Database for PostgreSQL Flexible Server Backup Storage", "meterName",
                "Backup Storage LRS Data Stored"), "1 GB/Month", "0.095");
        STATE.managed("azurerm_postgresql_flexible_server", "main", "azurerm", Map.of("id",
                id("Microsoft.DBforPostgreSQL/flexibleServers", "main"), "location", r, "sku_name", "GP_Standard_D2s_v3",
                "storage_mb", 131072, "high_availability", List.of(Map.of("mode", "ZoneRedundant"))));
        expectHourly("azurerm_postgresql_flexible_server.main", "Compute (GP_Standard_D2s_v3)", "2", "0.178");
        expect("azurerm_postgresql_flexible_server.main", "Storage", "128", "0.115");
        STATE.managed("azurerm_postgresql_flexible_server", "small", "azurerm", Map.of("id",
                id("Microsoft.DBforPostgreSQL/flexibleServers", "small"), "location", r, "sku_name", "B_Standard_B1ms",
                "storage_mb", 32768));
        expectHourly("azurerm_postgresql_flexible_server.small", "Compute (B_Standard_B1ms)", "1", "0.0207");
        expect("azurerm_postgresql_flexible_server.small", "Storage", "32", "0.115");

        String my = "Azure Database for MySQL";
        meter(r, my, "Databases", Map.of("productName", "Azure Database for MySQL Flexible Server General Purpose Ddsv4 Series Compute",
                "skuName", "2 vCore", "meterName", "vCore"), "1 Hour", "0.1366");
        meter(r, my, "Databases", Map.of("productName", "Azure Database for MySQL Flexible Server Business Critical Edsv4 Series Compute",
                "skuName", "2 vCore", "meterName", "vCore"), "1 Hour", "0.3");
        meter(r, my, "Databases", Map.of("productName", "Azure Database for MySQL Flexible Server Storage", "meterName",
                "Storage Data Stored"), "1 GB/Month", "0.115");
        meter(r, my, "Databases", Map.of("productName", "Azure Database for MySQL Flexible Server Storage", "skuName", "Additional IOPS",
                "meterName", "Additional IOPS"), "1 IOPS/Month", "0.05");
        STATE.managed("azurerm_mysql_flexible_server", "shop", "azurerm", Map.of("id", id("Microsoft.DBforMySQL/flexibleServers", "shop"),
                "location", r, "sku_name", "GP_Standard_D2ds_v4", "storage", List.of(Map.of("size_gb", 64))));
        expectHourly("azurerm_mysql_flexible_server.shop", "Compute (GP_Standard_D2ds_v4)", "1", "0.1366");
        expect("azurerm_mysql_flexible_server.shop", "Storage", "64", "0.115");

        meter(r, "Redis Cache", "Databases", Map.of("productName", "Azure Redis Cache Standard", "skuName", "C1", "meterName", "C1 Cache"),
                "1 Hour", "0.139");
        meter(r, "Redis Cache", "Databases", Map.of("productName", "Azure Redis Cache Basic", "skuName", "C1", "meterName", "C1 Cache"),
                "1 Hour", "0.055");
        meter(r, "Redis Cache", "Databases", Map.of("productName", "Azure Redis Cache Standard", "skuName", "C2", "meterName", "C2 Cache"),
                "1 Hour", "0.277");
        meter(r, "Redis Cache", "Databases", Map.of("productName", "Azure Redis Cache Premium", "skuName", "P1", "meterName",
                "P1 Cache Instance"), "1 Hour", "0.277");
        STATE.managed("azurerm_redis_cache", "sessions", "azurerm", Map.of("id", id("Microsoft.Cache/redis", "sessions"), "location", r,
                "sku_name", "Standard", "family", "C", "capacity", 1));
        expectHourly("azurerm_redis_cache.sessions", "Cache usage (Standard_C1)", "1", "0.139");
        STATE.managed("azurerm_redis_cache", "big", "azurerm", Map.of("id", id("Microsoft.Cache/redis", "big"), "location", r,
                "sku_name", "Premium", "family", "P", "capacity", 1, "shard_count", 2, "replicas_per_primary", 1));
        expectHourly("azurerm_redis_cache.big", "Cache usage (Premium_P1)", "4", "0.277");

        String app = "Azure App Service";
        meter(r, app, "Compute", Map.of("productName", "Azure App Service Basic Plan - Linux", "skuName", "B1", "meterName", "B1"), "1 Hour", "0.018");
        meter(r, app, "Compute", Map.of("productName", "Azure App Service Basic Plan", "skuName", "B1", "meterName", "B1"), "1 Hour", "0.075");
        meter(r, app, "Compute", Map.of("productName", "Azure App Service Standard Plan", "skuName", "S1", "meterName", "S1"), "1 Hour", "0.10");
        meter(r, app, "Compute", Map.of("productName", "Azure App Service Standard Plan - Linux", "skuName", "S1", "meterName", "S1"), "1 Hour", "0.095");
        meter(r, app, "Compute", Map.of("productName", "Azure App Service Premium v3 Plan", "skuName", "P1 v3", "armSkuName", "P1_v3",
                "meterName", "P1 v3"),
                "1 Hour", "0.155");
        meter(r, app, "Compute", Map.of("productName", "Azure App Service Premium v3 Plan", "skuName", "P1mv3", "armSkuName", "P1mv3",
                "meterName", "P1mv3"),
                "1 Hour", "0.211");
        STATE.managed("azurerm_service_plan", "web", "azurerm", Map.of("id", id("Microsoft.Web/serverFarms", "web"), "location", r,
                "sku_name", "B1", "os_type", "Linux"));
        expectHourly("azurerm_service_plan.web", "Instance usage (B1)", "1", "0.018");
        STATE.managed("azurerm_service_plan", "api", "azurerm", Map.of("id", id("Microsoft.Web/serverFarms", "api"), "location", r,
                "sku_name", "S1", "os_type", "Windows", "worker_count", 2));
        expectHourly("azurerm_service_plan.api", "Instance usage (S1)", "2", "0.10");
        STATE.managed("azurerm_service_plan", "fast", "azurerm", Map.of("id", id("Microsoft.Web/serverFarms", "fast"), "location", r,
                "sku_name", "P1v3", "os_type", "Linux"));
        expectHourly("azurerm_service_plan.fast", "Instance usage (P1v3)", "1", "0.155");
    

        meter(r, "Service Bus", "Integration", Map.of("skuName", "Standard", "meterName", "Standard Base Unit"), "1 Hour", "0.01344");
        meter(r, "Service Bus", "Integration", Map.of("skuName", "Premium", "meterName", "Premium Messaging Unit"), "1 Hour", "0.928");
        meter(r, "Service Bus", "Integration", Map.of("skuName", "Basic", "meterName", "Basic Messaging Operations"), "1M", "0.05");
        meter(r, "Service Bus", "Integration", Map.of("skuName", "Standard", "meterName", "Standard Messaging Operations"), "1M", "0.8");
        STATE.managed("azurerm_servicebus_namespace", "events", "azurerm", Map.of("id", id("Microsoft.ServiceBus/namespaces", "events"),
                "location", r, "sku", "Standard"));
        expectHourly("azurerm_servicebus_namespace.events", "Base charge", "1", "0.01344");
        STATE.managed("azurerm_servicebus_namespace", "orders", "azurerm", Map.of("id", id("Microsoft.ServiceBus/namespaces", "orders"),
                "location", r, "sku", "Premium", "capacity", 2));
        expectHourly("azurerm_servicebus_namespace.orders", "Messaging units", "2", "0.928");

        meter(r, "API Management", "Developer Tools", Map.of("skuName", "Developer", "meterName", "Developer Unit"), "1 Hour", "0.07");
        meter(r, "API Management", "Developer Tools", Map.of("skuName", "Basic", "meterName", "Basic Unit"), "1 Hour", "0.21");
        meter(r, "API Management", "Developer Tools", Map.of("skuName", "Premium", "meterName", "Premium Unit"), "1 Hour", "3.829");
        STATE.managed("azurerm_api_management", "dev", "azurerm", Map.of("id", id("Microsoft.ApiManagement/service", "dev"),
                "location", r, "sku_name", "Developer_1"));
        expectHourly("azurerm_api_management.dev", "API management (developer)", "1", "0.07");
        STATE.managed("azurerm_api_management", "prod", "azurerm", Map.of("id", id("Microsoft.ApiManagement/service", "prod"),
                "location", r, "sku_name", "Premium_2"));
        expectHourly("azurerm_api_management.prod", "API management (premium)", "2", "3.829");

        meter(r, "VPN Gateway", "Networking", Map.of("meterName", "VpnGw1", "skuName", "VpnGw1"), "1 Hour", "0.19");
        meter(r, "VPN Gateway", "Networking", Map.of("meterName", "VpnGw1AZ", "skuName", "VpnGw1AZ"), "1 Hour", "0.361");
        meter(r, "VPN Gateway", "Networking", Map.of("meterName", "Basic Gateway", "skuName", "Basic"), "1 Hour", "0.036");
        STATE.managed("azurerm_virtual_network_gateway", "vpn", "azurerm", Map.of("id",
                id("Microsoft.Network/virtualNetworkGateways", "vpn"), "location", r, "type", "Vpn", "sku", "VpnGw1"));
        expectHourly("azurerm_virtual_network_gateway.vpn", "VPN gateway (VpnGw1)", "1", "0.19");

        // SignalR units are priced by the day: 730 / 24 days a month
        meter(r, "SignalR", "Analytics", Map.of("meterName", "Standard Unit", "skuName", "Standard"), "1/Day", "1.61");
        meter(r, "SignalR", "Analytics", Map.of("meterName", "Premium Unit", "skuName", "Premium"), "1/Day", "2.0");
        STATE.managed("azurerm_signalr_service", "hub", "azurerm", Map.of("id", id("Microsoft.SignalRService/signalR", "hub"),
                "location", r, "sku", List.of(Map.of("name", "Standard_S1", "capacity", 2))));
        expect("azurerm_signalr_service.hub", "Service usage (Standard)", "60.8333333334", "1.61");
    

        // snapshots and images are billed as Standard HDD LRS snapshots; ZRS and premium disks' own rows are decoys
        meter(r, "Storage", "Storage", Map.of("productName", "Standard HDD Managed Disks", "skuName", "Snapshots LRS", "meterName",
                "LRS Snapshots"), "1 GB/Month", "0.05");
        meter(r, "Storage", "Storage", Map.of("productName", "Standard HDD Managed Disks", "skuName", "Snapshots ZRS", "meterName",
                "ZRS Snapshots"), "1 GB/Month", "0.0625");
        STATE.managed("azurerm_snapshot", "nightly", "azurerm", Map.of("id", id("Microsoft.Compute/snapshots", "nightly"), "location", r,
                "disk_size_gb", 128));
        expect("azurerm_snapshot.nightly", "Storage", "128", "0.05");
        STATE.managed("azurerm_image", "golden", "azurerm", Map.of("id", id("Microsoft.Compute/images", "golden"), "location", r));
        expect("azurerm_image.golden", "Storage", "0", "0.05");

        meter(r, "Application Insights", "Management and Governance", Map.of("skuName", "Enterprise", "meterName",
                "Enterprise Overage Data"), "1 GB", "2.30");
        meter(r, "Application Insights", "Management and Governance", Map.of("skuName", "Enterprise", "meterName", "Data Retention"),
                "1 GB/Month", "0.10");
        meter(r, "Application Insights", "Management and Governance", Map.of("skuName", "Basic", "meterName", "Basic Overage Data"),
                "1 GB", "2.76");
        STATE.managed("azurerm_application_insights", "web", "azurerm", Map.of("id", id("Microsoft.Insights/components", "web"),
                "location", r, "retention_in_days", 180));
        expect("azurerm_application_insights.web", "Data ingested", "0", "2.30");
        expect("azurerm_application_insights.web", "Data retention (180 days)", "0", "0.10");

        BOOK.product("azure", r, "Log Analytics", "Management and Governance", Map.of("skuName", "Analytics Logs", "meterName",
                "Analytics Logs Data Ingestion"), Price.of("Consumption", "1 GB", "0").to("5"), Price.of("Consumption", "1 GB", "2.30")
                .from("5"));
        meter(r, "Log Analytics", "Management and Governance", Map.of("skuName", "Basic Logs", "meterName", "Basic Logs Data Ingestion"),
                "1 GB", "0.50");
        meter(r, "Log Analytics", "Management and Governance", Map.of("skuName", "Analytics Logs", "meterName", "Analytics Logs Data Retention"),
                "1 GB/Month", "0.10");
        STATE.managed("azurerm_log_analytics_workspace", "ops", "azurerm", Map.of("id", id("Microsoft.OperationalInsights/workspaces",
                "ops"), "location", r, "sku", "PerGB2018"));
        expect("azurerm_log_analytics_workspace.ops", "Log data ingestion", "0", "2.30");
    

        // Application gateways: v2 by fixed fee and capacity units; v1 by instance size; the WAF tier's rows are decoys
        meter(r, "Application Gateway", "Networking", Map.of("productName", "Application Gateway Standard v2", "meterName",
                "Standard Fixed Cost"), "1 Hour", "0.246");
        meter(r, "Application Gateway", "Networking", Map.of("productName", "Application Gateway Standard v2", "meterName",
                "Standard Capacity Units"), "1 Hour", "0.008");
        meter(r, "Application Gateway", "Networking", Map.of("productName", "Application Gateway WAF v2", "meterName",
                "Standard Fixed Cost"), "1 Hour", "0.443");
        meter(r, "Application Gateway", "Networking", Map.of("productName", "Application Gateway WAF v2", "meterName",
                "Standard Capacity Units"), "1 Hour", "0.0144");
        meter(r, "Application Gateway", "Networking", Map.of("productName", "Basic Application Gateway", "meterName", "Small Gateway"),
                "1 Hour", "0.025");
        meter(r, "Application Gateway", "Networking", Map.of("productName", "WAF Application Gateway", "meterName", "Small Gateway"),
                "1 Hour", "0.07");
        meter(r, "Application Gateway", "Networking", Map.of("productName", "Basic Application Gateway", "meterName",
                "Small Data Processed"), "1 GB", "0.008");
        STATE.managed("azurerm_application_gateway", "front", "azurerm", Map.of("id", id("Microsoft.Network/applicationGateways", "front"),
                "location", r, "sku", List.of(Map.of("name", "Standard_v2", "tier", "Standard_v2")),
                "autoscale_configuration", List.of(Map.of("min_capacity", 2, "max_capacity", 10))));
        expectHourly("azurerm_application_gateway.front", "Gateway usage (basic v2)", "1", "0.246");
        expectHourly("azurerm_application_gateway.front", "V2 capacity units (basic)", "2", "0.008");
        STATE.managed("azurerm_application_gateway", "legacy", "azurerm", Map.of("id", id("Microsoft.Network/applicationGateways",
                "legacy"), "location", r, "sku", List.of(Map.of("name", "Standard_Small", "tier", "Standard", "capacity", 2))));
        expectHourly("azurerm_application_gateway.legacy", "Gateway usage (basic, small)", "2", "0.025");
        expect("azurerm_application_gateway.legacy", "Data processing (0-10TB)", "0", "0.008");
    
    }
}
