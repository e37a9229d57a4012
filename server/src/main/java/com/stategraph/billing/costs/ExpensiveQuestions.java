package com.stategraph.billing.costs;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Questions that read billing rows (a resource grouping, a tag filter) cost seconds where the
 * rollups cost milliseconds. Each tenant may have only a few of them running at once on this
 * server, and the server only so many in all (half its API connections, at most one per core, by
 * default), so the cheap questions always find a connection and a core. One more is refused at once (429 BUSY), never queued.
 */
@Component
public class ExpensiveQuestions {
    private final int perTenant;
    private final int perServer;
    private final Semaphore total;
    private final ConcurrentHashMap<UUID, Semaphore> running = new ConcurrentHashMap<>();

    public ExpensiveQuestions(int perTenant) {
        this(perTenant, Integer.MAX_VALUE);
    }

    @Autowired
    public ExpensiveQuestions(@Value("${stategraph.api.expensive-per-tenant}") int perTenant,
                              @Value("${stategraph.api.expensive-per-server:0}") int perServer,
                              @Value("${stategraph.database.pool-size}") int poolSize) {
        this(perTenant, perServer > 0 ? perServer : defaultPerServer(poolSize, Runtime.getRuntime().availableProcessors()));
    }

    private ExpensiveQuestions(int perTenant, int perServer) {
        if (perTenant < 1) {
            throw new IllegalArgumentException("STATEGRAPH_API_EXPENSIVE_PER_TENANT must be at least 1, got " + perTenant);
        }
        this.perTenant = perTenant;
        this.perServer = perServer;
        this.total = new Semaphore(perServer);
    }

    /**
     * Half the API pool, so cheap questions keep connections, and no more than there are cores:
     * each of these keeps a core busy in PostgreSQL, and past the cores they only slow each other
     * and everything else down (measured: bench/run-load).
     */
    public static int defaultPerServer(int poolSize, int cores) {
        return Math.max(1, Math.min(poolSize / 2, cores));
    }

    /** @throws TooBusyException when the tenant, or the server, already has as many expensive questions running as allowed */
    public <T> T run(UUID tenantId, Supplier<T> question) {
        return run(tenantId, "a resource grouping or a tag filter", question);
    }

    /**
     * As {@link #run(UUID, Supplier)}; {@code what} names the kind of question in the answer when it is refused. Not
     * to be nested: a question that asks another through here would count twice.
     */
    public <T> T run(UUID tenantId, String what, Supplier<T> question) {
        Semaphore permits = running.computeIfAbsent(tenantId, t -> new Semaphore(perTenant));
        if (!permits.tryAcquire()) {
            throw new TooBusyException("this tenant already has " + perTenant + " questions over its billing rows running"
                    + " (" + what + " is one); try again in a few seconds");
        }
        try {
            if (!total.tryAcquire()) {
                throw new TooBusyException("this server is answering " + perServer + " questions over billing rows already"
                        + " (STATEGRAPH_API_EXPENSIVE_PER_SERVER); try again in a few seconds");
            }
            try {
                return question.get();
            } finally {
                total.release();
            }
        } finally {
            permits.release();
        }
    }

    /** The tenant, or the server, has its share of expensive questions running: ask again shortly. */
    public static final class TooBusyException extends RuntimeException {
        TooBusyException(String message) {
            super(message);
        }
    }
}
