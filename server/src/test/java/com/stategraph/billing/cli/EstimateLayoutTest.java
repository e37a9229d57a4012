package com.stategraph.billing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** How {@code cost estimate} lays a state out for people: per-request prices per 1M, usage-priced parts that need usage. */
class EstimateLayoutTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String print(String instances) {
        StringWriter out = new StringWriter();
        EstimateLayout.print(new PrintWriter(out, true), JSON.readTree(instances));
        return out.toString();
    }

    @Test
    void perRequestPricesReadPerMillionAndMissingUsageNamesItsKeys() {
        BigDecimal price = new BigDecimal("0.0000002");
        BigDecimal requests = new BigDecimal("3000000");
        String monthly = price.multiply(requests).toPlainString();
        String text = print("""
                [{"address": "aws_lambda_function.api", "type": "aws_lambda_function", "supported": true, "monthly_cost": "%s",
                  "usage_keys": ["monthly_requests", "request_duration_ms"],
                  "components": [
                    {"name": "Requests", "unit": "requests", "monthly_quantity": "%s", "price": "%s", "monthly_cost": "%s"},
                    {"name": "Duration", "unit": "GB-seconds", "monthly_quantity": "0", "price": "0.0000166667", "monthly_cost": "0"}]},
                 {"address": "aws_appsync_graphql_api.cdn", "type": "aws_appsync_graphql_api", "supported": false,
                  "monthly_cost": "0", "usage_keys": [], "components": []}]
                """.formatted(monthly, requests.toPlainString(), price.toPlainString(), monthly));
        List<String> lines = text.lines().toList();
        assertThat(lines).isNotEmpty();
        String perMillion = price.multiply(BigDecimal.valueOf(1_000_000)).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("  Requests ").contains("3M requests")
                        .contains("USD " + perMillion + " per 1M requests").endsWith("USD 0.60"))
                .anySatisfy(l -> assertThat(l).startsWith("  Duration ")
                        .endsWith("depends on usage: set monthly_requests or request_duration_ms"))
                .anySatisfy(l -> assertThat(l).startsWith("aws_lambda_function.api ").endsWith("USD 0.60"))
                .anySatisfy(l -> assertThat(l).startsWith("aws_appsync_graphql_api.cdn ").endsWith("not estimated"));
        // the cost column is right-aligned: every line ends where the header does
        int width = lines.get(0).length();
        assertThat(lines).allSatisfy(l -> assertThat(l).hasSize(width));
    }

    @Test
    void aTypeWithManyUsageKeysNamesTwoAndCountsTheRest() {
        List<String> keys = List.of("monthly_data_transfer_to_internet_gb.us", "monthly_https_requests.us", "monthly_http_requests.us",
                "custom_ssl_certificates", "monthly_invalidation_requests");
        String text = print("""
                [{"address": "aws_cloudfront_distribution.cdn", "type": "aws_cloudfront_distribution", "supported": true,
                  "monthly_cost": "0", "usage_keys": %s,
                  "components": [{"name": "HTTPS requests", "unit": "requests", "monthly_quantity": "0", "price": "0.000001",
                    "monthly_cost": "0"}]}]
                """.formatted(JSON.writeValueAsString(keys)));
        assertThat(text.lines().toList()).anySatisfy(l -> assertThat(l).startsWith("  HTTPS requests ")
                .endsWith("depends on usage: set " + keys.get(0) + ", " + keys.get(1) + " or " + (keys.size() - 2) + " more"));
    }

    @Test
    void aStateWithoutResourcesSaysSo() {
        assertThat(print("[]")).isEqualTo("The state has no resources to estimate." + System.lineSeparator());
    }

    @Test
    void aResourceWithNoPriceForAnyPartReadsNoPrice() {
        JsonNode none = JSON.readTree("""
                [{"address": "aws_db_instance.db", "type": "aws_db_instance", "supported": true, "monthly_cost": "0", "usage_keys": [],
                  "components": [{"name": "Database instance", "unit": "hours", "monthly_quantity": "730", "price": null,
                  "monthly_cost": null}]}]
                """);
        StringWriter out = new StringWriter();
        EstimateLayout.print(new PrintWriter(out, true), none);
        assertThat(out.toString().lines()).anySatisfy(l -> assertThat(l).startsWith("aws_db_instance.db ").endsWith("no price"))
                .anySatisfy(l -> assertThat(l).startsWith("  Database instance ").contains("730 hours").contains("no price"));
    }
}
