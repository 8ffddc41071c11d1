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
 * max-extra-threads, spin }} section in the dispatcher's config.
 */
public final class CompensatingPool extends ExecutorServiceConfigurator {
    private static final List<Pool> POOLS = new CopyOnWriteArrayList<>();

    private final int size;
    private final int maxExtra;
    private final long spinNs;

    public CompensatingPool(Config config, DispatcherPrerequisites prerequisites) {
        super(config, prerequisites);
        Config c = config.getConfig("compensating-pool");
        int configured = c.getInt("pool-size");
        this.size = configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
        this.maxExtra = c.getInt("max-extra-threads");
        this.spinNs = c.hasPath("spin") ? c.getDuration("spin").toNanos() : 0; // a pool defined before it existed
    }

    @Override
    public ExecutorServiceFactory createExecutorServiceFactory(String id, ThreadFactory threadFactory) {
        return () -> {
            Pool pool = new Pool(id, size, maxExtra, spinNs, threadFactory);
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

    /**
     * The pool's work queue: an idle worker polls for {@code spinNs} before it parks, so that a task handed over
     * meanwhile needs no thread wake-up (the lock-free hand-off of {@link LinkedTransferQueue} otherwise).
     */
    static final class SpinningQueue extends LinkedTransferQueue<Runnable> {
        private final long spinNs;

        SpinningQueue(long spinNs) {
            this.spinNs = spinNs;
        }

        @Override
        public Runnable take() throws InterruptedException {
            Runnable r = spin();
            return r != null ? r : super.take();
        }

        @Override
        public Runnable poll(long timeout, TimeUnit unit) throws InterruptedException {
            Runnable r = spin();
            return r != null ? r : super.poll(timeout, unit);
        }

        private Runnable spin() {
            if (spinNs <= 0) {
                return null;
            }
            long until = System.nanoTime() + spinNs;
            do {
                Runnable r = poll();
                if (r != null) {
                    return r;
                }
                Thread.onSpinWait();
            } while (System.nanoTime() - until < 0);
            return null;
        }
    }

    /** The executor: a fixed-size pool whose core size the watchdog moves. */
    static final class Pool extends ThreadPoolExecutor {
        private final String id;
        private final int baseSize;
        private final int maxExtra;
        private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
        private int extra;

        Pool(String id, int size, int maxExtra, long spinNs, ThreadFactory factory) {
            super(size, size + maxExtra, 60, TimeUnit.SECONDS, new SpinningQueue(spinNs));
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
