package com.stategraph.billing.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.costs.ExpensiveQuestions;
import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.SyncServerTest;
import com.stategraph.billing.support.TerraformStates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Every question that reads per-resource or per-line data (attribution, unmanaged resources, estimates,
 * comparisons, the FinOps views, resource groupings) takes one of the tenant's permits for expensive
 * questions: while the tenant's permits are all taken, each answers 429 BUSY with Retry-After at once,
 * and cheap questions still answer.
 */
class ExpensiveViewsLimitedTest extends SyncServerTest {
    @Autowired
    ExpensiveQuestions expensive;

    @Value("${stategraph.api.expensive-per-tenant}")
    int perTenant;

    @Test
    void eachExpensiveViewWaitsForAPermitAndCheapOnesDoNot() throws Exception {
        String tenant = newTenant();
        String json = TerraformStates.state(1, "limits-" + UUID.randomUUID())
                .managed("aws_instance", "web", "aws", Map.of("id", "i-0abc", "instance_type", "t3.micro")).json();
        HttpApi.Response pushed = api.sendStreamed(ADMIN_KEY, "PUT", "/api/v1/tenants/" + tenant + "/states/web", json);
        assertThat(pushed.status()).as(pushed.raw()).isEqualTo(201);
        String state = pushed.text("id");
        String t = "/api/v1/tenants/" + tenant;
        List<String> expensiveViews = List.of(t + "/costs/attribution", t + "/costs/unmanaged", t + "/costs/compare",
                t + "/costs/compare?basis=month", t + "/costs", t + "/costs/history", t + "/costs/savings", t + "/costs/commitments",
                t + "/costs/commitment-coverage", t + "/costs/invoices", t + "/costs/tag-coverage",
                t + "/costs/actuals?group_by=resource", "/api/v1/states/" + state + "/costs",
                "/api/v1/states/" + state + "/costs/actuals", "/api/v1/states/" + state + "/costs/compare");

        CountDownLatch holding = new CountDownLatch(perTenant);
        CountDownLatch release = new CountDownLatch(1);
        List<CompletableFuture<String>> held = new ArrayList<>();
        var threads = Executors.newFixedThreadPool(perTenant);
        try {
            for (int i = 0; i < perTenant; i++) {
                held.add(CompletableFuture.supplyAsync(() -> expensive.run(UUID.fromString(tenant), () -> {
                    holding.countDown();
                    try {
                        release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return "held";
                }), threads));
            }
            assertThat(holding.await(30, TimeUnit.SECONDS)).as("the tenant's permits are all taken").isTrue();

            for (String view : expensiveViews) {
                HttpApi.Response busy = api.get(ADMIN_KEY, view);
                assertThat(busy.status()).as(view + ": " + busy.raw()).isEqualTo(429);
                assertThat(busy.text("id")).as(view).isEqualTo("BUSY");
                assertThat(busy.header("Retry-After")).as(view).isNotBlank();
            }
            assertThat(api.get(ADMIN_KEY, t + "/costs/actuals").status()).as("a cheap question answers").isEqualTo(200);
            assertThat(api.get(ADMIN_KEY, t + "/billing-sources").status()).isEqualTo(200);
        } finally {
            release.countDown();
            threads.shutdown();
        }
        for (CompletableFuture<String> f : held) {
            assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo("held");
        }
        for (String view : expensiveViews) {
            HttpApi.Response answer = api.get(ADMIN_KEY, view);
            assertThat(answer.status()).as(view + ": " + answer.raw()).isIn(200, 202, 503);
            assertThat(answer.status() == 503 ? answer.text("id") : "ok").as(view + " without a price book")
                    .isIn("ok", "PRICING_NOT_LOADED");
        }
    }
}
