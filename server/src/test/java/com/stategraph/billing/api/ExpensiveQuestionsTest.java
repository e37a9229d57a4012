package com.stategraph.billing.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stategraph.billing.costs.ExpensiveQuestions;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** A tenant's expensive questions run a few at a time; one more is 429 BUSY at once, other tenants are not held up. */
class ExpensiveQuestionsTest {

    @Test
    void oneTooManyIsRefusedAtOnceAndAnswered429WithRetryAfter() throws Exception {
        ExpensiveQuestions limit = new ExpensiveQuestions(1);
        UUID tenant = UUID.randomUUID();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> limit.run(tenant, () -> {
            running.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "first";
        }));
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();

        Throwable busy = org.assertj.core.api.Assertions.catchThrowable(() -> limit.run(tenant, () -> "second"));
        assertThat(busy).isInstanceOf(ExpensiveQuestions.TooBusyException.class);
        assertThat(limit.run(UUID.randomUUID(), () -> "another tenant")).isEqualTo("another tenant");

        ResponseEntity<ErrorBody> answer = new ApiExceptionHandler().busy((ExpensiveQuestions.TooBusyException) busy);
        assertThat(answer.getStatusCode().value()).isEqualTo(429);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(answer.getBody().id()).isEqualTo("BUSY");

        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(limit.run(tenant, () -> "again")).as("the permit came back").isEqualTo("again");
        assertThatThrownBy(() -> new ExpensiveQuestions(0)).hasMessageContaining("STATEGRAPH_API_EXPENSIVE_PER_TENANT");
    }
}
