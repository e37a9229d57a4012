package com.stategraph.billing.support;

import static com.stategraph.billing.support.AzureMeters.id;
import static com.stategraph.billing.support.AzureMeters.meter;
import static com.stategraph.billing.support.EstimateFixture.STATE;
import static com.stategraph.billing.support.EstimateFixture.expect;
import static com.stategraph.billing.support.EstimateFixture.expectHourly;

import java.util.List;
import java.util.Map;

/** Azure SQL databases and Cosmos DB: East US retail prices, their servers and accounts in the state, and decoys. */
final class AzureDatabaseFixture {
    private AzureDatabaseFixture() {
    }

    static void add() {
        String r = "eastus";
        // Azure SQL: databases take their server's location; single and elastic-pool vCore prices share a product
        String single = "SQL Database Single/Elastic Pool ";
        meter(r, "SQL Database", "Databases", Map.of("productName", "SQL Database Single Standard", "skuName", "S0", "meterName",
                "10 DTUs"), "1/Day", "0.4839");
        meter(r, "SQL Database", "Databases", Map.of("productName", "SQL Database Single Standard", "skuName", "S1", "meterName",
                "20 DTUs"), "1/Day", "0.9677");
        meter(r, "SQL Database", "Databases", Map.of("productName", single + "General Purpose - Compute Gen5", "skuName", "2 vCore",
                "meterName", "vCore"), "1 Hour", "0.2522");
        meter(r, "SQL Database", "Databases", Map.of("productName", single + "General Purpose - Compute Gen5", "skuName", "4 vCore",
                "meterName", "vCore"), "1 Hour", "0.5044");
        meter(r, "SQL Database", "Databases", Map.of("productName", single + "Business Critical - Compute Gen5", "skuName", "2 vCore",
                "meterName", "vCore"), "1 Hour", "0.6794");
        meter(r, "SQL Database", "Databases", Map.of("productName", single + "General Purpose - Serverless - Compute Gen5", "skuName",
                "1 vCore", "meterName", "vCore"), "1 Hour", "0.5218");
        meter(r, "SQL Database", "Databases", Map.of("productName", single + "General Purpose - Serverless - Compute Gen5", "skuName",
                "1 vCore", "meterName", "vCore - Free"), "1 Hour", "0");
        meter("Global", "SQL Database", "Databases", Map.of("productName", single + "General Purpose - SQL License", "skuName", "vCore",
                "meterName", "vCore"), "1 Hour", "0.10");
        meter("Global", "SQL Database", "Databases", Map.of("productName", single + "Business Critical - SQL License", "skuName", "vCore",
                "meterName", "vCore"), "1 Hour", "0.375");
        meter(r, "SQL Database", "Databases", Map.of("productName", single + "General Purpose - Storage", "skuName", "General Purpose",
                "meterName", "General Purpose Data Stored"), "1 GB/Month", "0.115");
        meter(r, "SQL Database", "Databases", Map.of("productName", single + "General Purpose - Storage", "skuName",
                "General Purpose Zone Redundancy", "meterName", "General Purpose Zone Redundancy Data Stored"), "1 GB/Month", "0.23");
        String server = id("Microsoft.Sql/servers", "main");
        STATE.managed("azurerm_mssql_server", "main", "azurerm", Map.of("id", server, "location", r));
        STATE.managed("azurerm_mssql_database", "small", "azurerm", Map.of("id", server + "/databases/small", "server_id",
                server.toUpperCase(java.util.Locale.ROOT), "sku_name", "S0"));
        expect("azurerm_mssql_database.small", "Compute (S0)", "30.4166666667", "0.4839");
        STATE.managed("azurerm_mssql_database", "app", "azurerm", Map.of("id", server + "/databases/app", "server_id", server,
                "sku_name", "GP_Gen5_2", "max_size_gb", 100, "license_type", "LicenseIncluded"));
        expectHourly("azurerm_mssql_database.app", "Compute (provisioned, GP_Gen5_2)", "1", "0.2522");
        expectHourly("azurerm_mssql_database.app", "SQL license", "2", "0.10");
        expect("azurerm_mssql_database.app", "Storage", "100", "0.115");
        STATE.managed("azurerm_mssql_database", "spiky", "azurerm", Map.of("id", server + "/databases/spiky", "server_id", server,
                "sku_name", "GP_S_Gen5_2", "max_size_gb", 32));
        expect("azurerm_mssql_database.spiky", "Compute (serverless, GP_S_Gen5_2)", "0", "0.5218");
        expect("azurerm_mssql_database.spiky", "Storage", "32", "0.115");
    

        // Cosmos DB: throughput and storage in each of the account's locations; multi-master and analytical rows are decoys
        meter(r, "Azure Cosmos DB", "Databases", Map.of("productName", "Azure Cosmos DB", "skuName", "RUs", "meterName", "100 RU/s"),
                "1 Hour", "0.008");
        meter("westus", "Azure Cosmos DB", "Databases", Map.of("productName", "Azure Cosmos DB", "skuName", "RUs", "meterName",
                "100 RU/s"), "1 Hour", "0.0081");
        meter(r, "Azure Cosmos DB", "Databases", Map.of("productName", "Azure Cosmos DB", "skuName", "mRUs", "meterName",
                "100 Multi-master RU/s"), "1 Hour", "0.016");
        meter(r, "Azure Cosmos DB", "Databases", Map.of("productName", "Azure Cosmos DB", "skuName", "RUs", "meterName",
                "Data Stored"), "1 GB/Month", "0.25");
        meter("westus", "Azure Cosmos DB", "Databases", Map.of("productName", "Azure Cosmos DB", "skuName", "RUs", "meterName",
                "Data Stored"), "1 GB/Month", "0.251");
        meter(r, "Azure Cosmos DB", "Databases", Map.of("productName", "Azure Cosmos DB Analytics Storage", "skuName", "Standard",
                "meterName", "Standard Data Stored"), "1 GB/Month", "0.03");
        meter(r, "Azure Cosmos DB", "Databases", Map.of("productName", "Azure Cosmos DB serverless", "skuName", "RUs", "meterName",
                "1M RUs"), "1M", "0.25");
        STATE.managed("azurerm_cosmosdb_account", "shop", "azurerm", Map.of("id", id("Microsoft.DocumentDB/databaseAccounts", "shop"),
                "name", "shop", "location", r, "geo_location", List.of(Map.of("location", "eastus", "failover_priority", 0),
                        Map.of("location", "West US", "failover_priority", 1))));
        STATE.managed("azurerm_cosmosdb_sql_database", "orders", "azurerm", Map.of("id",
                id("Microsoft.DocumentDB/databaseAccounts", "shop/sqlDatabases/orders"), "account_name", "shop", "throughput", 400));
        expectHourly("azurerm_cosmosdb_sql_database.orders", "Provisioned throughput (provisioned, eastus)", "4", "0.008");
        expectHourly("azurerm_cosmosdb_sql_database.orders", "Provisioned throughput (provisioned, westus)", "4", "0.0081");
        expect("azurerm_cosmosdb_sql_database.orders", "Transactional storage (eastus)", "0", "0.25");
        expect("azurerm_cosmosdb_sql_database.orders", "Transactional storage (westus)", "0", "0.251");
        STATE.managed("azurerm_cosmosdb_sql_container", "items", "azurerm", Map.of("id",
                id("Microsoft.DocumentDB/databaseAccounts", "shop/sqlDatabases/orders/containers/items"), "account_name", "shop",
                "autoscale_settings", List.of(Map.of("max_throughput", 4000))));
        expect("azurerm_cosmosdb_sql_container.items", "Provisioned throughput (autoscale, eastus)", "0", "0.008");
        expect("azurerm_cosmosdb_sql_container.items", "Provisioned throughput (autoscale, westus)", "0", "0.0081");
        expect("azurerm_cosmosdb_sql_container.items", "Transactional storage (eastus)", "0", "0.25");
        expect("azurerm_cosmosdb_sql_container.items", "Transactional storage (westus)", "0", "0.251");
        for (String type : List.of("azurerm_cosmosdb_mongo_database", "azurerm_cosmosdb_mongo_collection",
                "azurerm_cosmosdb_cassandra_keyspace", "azurerm_cosmosdb_cassandra_table", "azurerm_cosmosdb_gremlin_database",
                "azurerm_cosmosdb_gremlin_graph", "azurerm_cosmosdb_table")) {
            STATE.managed(type, "x", "azurerm", Map.of("id", id("Microsoft.DocumentDB/databaseAccounts", "shop/" + type), "account_name",
                    "SHOP", "throughput", 1000));
            expectHourly(type + ".x", "Provisioned throughput (provisioned, eastus)", "10", "0.008");
            expectHourly(type + ".x", "Provisioned throughput (provisioned, westus)", "10", "0.0081");
            expect(type + ".x", "Transactional storage (eastus)", "0", "0.25");
            expect(type + ".x", "Transactional storage (westus)", "0", "0.251");
        }
    }
}
