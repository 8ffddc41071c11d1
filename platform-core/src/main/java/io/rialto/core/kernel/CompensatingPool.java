package io.rialto.core.kernel;

import com.typesafe.config.Config;
import org.apache.pekko.dispatch.DispatcherPrerequisites;
import org.apache.pekko.dispatch.ExecutorServiceConfigurator;
import org.apache.pekko.dispatch.ExecutorServiceFactory;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A dispatcher executor for strategies that makes up for a strategy stuck in its own code: a thread pool of
 * {@code pool-size} threads (0: one per core) which the {@link StrategyWatchdog} grows by one thread for each
 * strategy stuck in a callback, and shrinks again when it returns, up to {@code max-extra-threads} extra. A
 * strategy that never returns keeps one thread forever; every other strategy keeps the pool's full width.
 * A fork-join pool cannot do this: it only compensates for blocking that tells it (managed blockers), and user
 * code does not.
 *
 * <p>Use as {@code executor = "io.rialto.core.kernel.CompensatingPool"} with a {@code compensating-pool { pool-size,
 * max-extra-threads }} section in the dispatcher's config.
 */
public final class CompensatingPool extends ExecutorServiceConfigurator {
    private static final List<Pool> POOLS = new CopyOnWriteArrayList<>();

    private final int size;
    private final int maxExtra;

    public CompensatingPool(Config config, DispatcherPrerequisites prerequisites) {
        super(config, prerequisites);
        Config c = config.getConfig("compensating-pool");
        int configured = c.getInt("pool-size");
        this.size = configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
        this.maxExtra = c.getInt("max-extra-threads");
    }

    @Override
    public ExecutorServiceFactory createExecutorServiceFactory(String id, ThreadFactory threadFactory) {
        return () -> {
            Pool pool = new Pool(id, size, maxExtra, threadFactory);
            POOLS.add(pool);
            return pool;
        };
    }

    /** The pool owning {@code thread}, or null if it is not a compensating pool's. */
    static Pool owning(Thread thread) {
        for (Pool pool : POOLS) {
            if (pool.threads.contains(thread)) {
                return pool;
            }
        }
        return null;
    }

    /** The executor: a fixed-size pool whose core size the watchdog moves. */
    static final class Pool extends ThreadPoolExecutor {
        private final String id;
        private final int baseSize;
        private final int maxExtra;
        private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
        private int extra;

        Pool(String id, int size, int maxExtra, ThreadFactory factory) {
            super(size, size + maxExtra, 60, TimeUnit.SECONDS, new LinkedTransferQueue<>()); // lock-free hand-off
            this.id = id;
            this.baseSize = size;
            this.maxExtra = maxExtra;
            setThreadFactory(runnable -> {
                Thread t = factory.newThread(() -> {
                    try {
                        runnable.run();
                    } finally {
                        threads.remove(Thread.currentThread());
                    }
                });
                threads.add(t);
                return t;
            });
        }

        String id() {
            return id;
        }

        /** One more thread for a stuck strategy; false if the pool is at its limit. */
        synchronized boolean grow() {
            if (extra == maxExtra) {
                return false;
            }
            extra++;
            setCorePoolSize(baseSize + extra);
            prestartCoreThread();
            return true;
        }

        /** The stuck strategy returned: one thread fewer (it retires when idle). */
        synchronized void shrink() {
            if (extra > 0) {
                extra--;
                setCorePoolSize(baseSize + extra);
            }
        }

        synchronized int extraThreads() {
            return extra;
        }

        @Override
        protected void terminated() {
            POOLS.remove(this);
        }
    }
}
