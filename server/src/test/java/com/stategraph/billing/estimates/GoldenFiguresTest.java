package com.stategraph.billing.estimates;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.EstimateFixture;
import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.SyncServerTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Figures Infracost publishes in its golden tests (internal/providers/terraform/{aws,google,azure}/testdata/*.golden, commit
 * 95ba4f49a), for components of the types priced here, against the fixture's resources of the same kind priced from a book
 * holding the same list prices: each component's cost at the golden quantity, to the cent, is the golden figure. Facts from
 * their published output, not their code; the fixture's decoys make picking a wrong product show.
 */
class GoldenFiguresTest extends SyncServerTest {

    /** Our instance and component, the quantity Infracost's case has of it, and the monthly cost it shows. */
    private record Golden(String address, String component, String goldenQuantity, String goldenCost, String source) {
    }

    private static final List<Golden> CASES = List.of(
            new Golden("aws_nat_gateway.main", "NAT gateway", "730", "32.85", "aws/nat_gateway_test"),
            new Golden("aws_lb.app", "Application load balancer", "730", "16.43", "aws/lb_test"),
            new Golden("aws_eks_cluster.main", "EKS cluster", "730", "73.00", "aws/eks_cluster_test"),
            new Golden("aws_kms_key.main", "Customer master key", "1", "1.00", "aws/kms_key_test"),
            new Golden("aws_secretsmanager_secret.db", "Secret", "1", "0.40", "aws/secretsmanager_secret_test"),
            new Golden("aws_eks_node_group.workers", "Instance usage (Linux/UNIX, on-demand, t3.large)", "730", "60.74",
                    "aws/instance_test (t3.large)"),
            new Golden("google_container_cluster.regional", "Cluster management fee", "730", "73.00", "google/container_cluster_test"),
            new Golden("google_sql_database_instance.db", "IP address (if unused)", "730", "7.30", "google/sql_database_instance_test"),
            new Golden("google_sql_database_instance.db", "vCPUs (regional)", "70080", "5788.61",
                    "google/sql_database_instance_test (96 vCPUs)"),
            new Golden("google_sql_database_instance.db", "Memory (regional)", "262800", "3679.20",
                    "google/sql_database_instance_test (360 GB x 730 h)"),
            new Golden("azurerm_kubernetes_cluster.aks", "Uptime SLA (Standard tier)", "730", "73.00", "azure/kubernetes_cluster_test"));

    @Test
    void theFixturesPricesGiveInfracostsPublishedFigures() {
        awaitOperatorsPriceBook();
        String tenant = newTenant();
        HttpApi.Response pushed = api.sendStreamed(ADMIN_KEY, "PUT", "/api/v1/tenants/" + tenant + "/states/golden",
                EstimateFixture.STATE.json());
        assertThat(pushed.status()).as(pushed.raw()).isEqualTo(201);
        HttpApi.Response costs = awaitEstimate(pushed.text("id"));
        assertThat(costs.status()).as(costs.raw()).isEqualTo(200);

        assertThat(CASES).isNotEmpty();
        for (Golden g : CASES) {
            JsonNode component = null;
            for (JsonNode instance : costs.body().path("instance_costs")) {
                if (instance.path("address").asString().equals(g.address())) {
                    for (JsonNode c : instance.path("components")) {
                        if (c.path("name").asString().equals(g.component())) {
                            component = c;
                        }
                    }
                }
            }
            assertThat(component).as(g.address() + " / " + g.component()).isNotNull();
            assertThat(component.path("price").isNull()).as(g.toString()).isFalse();
            BigDecimal price = new BigDecimal(component.path("price").asString());
            // the monthly quantity is per month; a golden hourly quantity is hours a month: the same unit here
            BigDecimal atGoldenQuantity = price.multiply(new BigDecimal(g.goldenQuantity())).setScale(2, RoundingMode.HALF_UP);
            assertThat(atGoldenQuantity).as(g.address() + " / " + g.component() + " against " + g.source())
                    .isEqualByComparingTo(g.goldenCost());
            // and our own quantity is priced the same way
            BigDecimal ours = new BigDecimal(component.path("monthly_cost").asString());
            assertThat(ours).isEqualByComparingTo(price.multiply(new BigDecimal(component.path("monthly_quantity").asString())));
        }
    }
}
