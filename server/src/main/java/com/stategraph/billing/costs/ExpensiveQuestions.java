package com.stategraph.billing.costs;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Questions that read billing rows (a resource grouping, a tag filter) cost seconds where the
 * rollups cost milliseconds. Each tenant may have only a few of them running at once on this
 * server; one more is refused at once (429 BUSY), so one tenant cannot take every connection.
 */
@Component
public class ExpensiveQuestions {
    private final int perTenant;
    private final ConcurrentHashMap<UUID, Semaphore> running = new ConcurrentHashMap<>();

    public ExpensiveQuestions(@Value("${stategraph.api.expensive-per-tenant}") int perTenant) {
        if (perTenant < 1) {
            throw new IllegalArgumentException("STATEGRAPH_API_EXPENSIVE_PER_TENANT must be at least 1, got " + perTenant);
        }
        this.perTenant = perTenant;
    }

    /** @throws TooBusyException when the tenant already has as many expensive questions running as allowed */
    public <T> T run(UUID tenantId, Supplier<T> question) {
        Semaphore permits = running.computeIfAbsent(tenantId, t -> new Semaphore(perTenant));
        if (!permits.tryAcquire()) {
            throw new TooBusyException(perTenant);
        }
        try {
            return question.get();
        } finally {
            permits.release();
        }
    }

    /** The tenant has its share of expensive questions running: ask again shortly. */
    public static final class TooBusyException extends RuntimeException {
        TooBusyException(int perTenant) {
            super("this tenant already has " + perTenant + " questions over its billing rows running (a resource grouping"
                    + " or a tag filter); try again in a few seconds");
        }
    }
}
