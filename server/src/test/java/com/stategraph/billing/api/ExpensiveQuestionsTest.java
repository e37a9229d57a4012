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

    @Test
    void theServerAsAWholeRunsOnlyItsShareSoCheapQuestionsKeepAConnection() throws Exception {
        int pool = 10;
        ExpensiveQuestions limit = new ExpensiveQuestions(1, 0, pool);
        int share = Math.min(pool / 2, Runtime.getRuntime().availableProcessors());
        CountDownLatch running = new CountDownLatch(share);
        CountDownLatch release = new CountDownLatch(1);
        java.util.List<CompletableFuture<String>> holding = new java.util.ArrayList<>();
        for (int i = 0; i < share; i++) {
            holding.add(CompletableFuture.supplyAsync(() -> limit.run(UUID.randomUUID(), () -> {
                running.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "held";
            }), java.util.concurrent.Executors.newSingleThreadExecutor()));
        }
        assertThat(running.await(30, TimeUnit.SECONDS)).as("half the pool's worth run at once").isTrue();

        assertThatThrownBy(() -> limit.run(UUID.randomUUID(), () -> "one more tenant"))
                .isInstanceOf(ExpensiveQuestions.TooBusyException.class)
                .hasMessageContaining("STATEGRAPH_API_EXPENSIVE_PER_SERVER");

        release.countDown();
        for (CompletableFuture<String> f : holding) {
            assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo("held");
        }
        assertThat(limit.run(UUID.randomUUID(), () -> "after")).as("the server's permits came back").isEqualTo("after");
        assertThat(new ExpensiveQuestions(1, 1, pool).run(UUID.randomUUID(), () -> "explicit")).isEqualTo("explicit");
        assertThat(ExpensiveQuestions.defaultPerServer(10, 2)).as("no more than the cores").isEqualTo(2);
        assertThat(ExpensiveQuestions.defaultPerServer(10, 16)).as("no more than half the pool").isEqualTo(5);
        assertThat(ExpensiveQuestions.defaultPerServer(1, 1)).as("at least one").isEqualTo(1);
    }

    /** However a slow or busy database's exception arrives (wrapped by a future, a transaction, a stream), it is 503, not 500. */
    @Test
    void aWaitThatRanOutIs503WhateverWrapsIt() {
        record Case(Exception thrown, String id) {
        }
        java.util.List<Case> cases = java.util.List.of(
                new Case(new java.util.concurrent.CompletionException(new org.springframework.jdbc.UncategorizedSQLException("lock",
                        "SELECT pg_advisory_xact_lock(1)", new java.sql.SQLException("canceling statement due to statement timeout",
                        "57014"))), "QUERY_TIMEOUT"),
                new Case(new IllegalStateException("wrapped", new java.sql.SQLException("could not obtain lock", "55P03")),
                        "QUERY_TIMEOUT"),
                new Case(new RuntimeException(new java.sql.SQLException("deadlock detected", "40P01")), "BUSY"),
                new Case(new RuntimeException(new java.sql.SQLException("terminating connection", "57P01")), "BUSY"),
                new Case(new RuntimeException(new java.sql.SQLTransientConnectionException("pool exhausted")), "BUSY"));
        assertThat(cases).isNotEmpty();
        for (Case c : cases) {
            ResponseEntity<ErrorBody> answer = new ApiExceptionHandler().unexpected(c.thrown());
            assertThat(answer.getStatusCode().value()).as(c.thrown().toString()).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst("Retry-After")).as(c.thrown().toString()).isNotBlank();
            assertThat(answer.getBody().id()).as(c.thrown().toString()).isEqualTo(c.id());
        }
        assertThat(new ApiExceptionHandler().unexpected(new RuntimeException(new java.sql.SQLException("syntax", "42601")))
                .getStatusCode().value()).as("a real fault stays 500").isEqualTo(500);
    }

    @Test
    void noFreeConnectionForATransactionIs503BusyNot500() {
        var noConnection = new org.springframework.transaction.CannotCreateTransactionException("Could not open JDBC Connection",
                new java.sql.SQLTransientConnectionException("stategraph - Connection is not available, request timed out"));

        ResponseEntity<ErrorBody> answer = new ApiExceptionHandler().noTransaction(noConnection);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isNotBlank();
        assertThat(answer.getBody().id()).isEqualTo("BUSY");
        assertThat(new ApiExceptionHandler().noTransaction(new org.springframework.transaction.CannotCreateTransactionException(
                "broken", new IllegalStateException("not about connections"))).getStatusCode().value()).isEqualTo(500);
    }
}
