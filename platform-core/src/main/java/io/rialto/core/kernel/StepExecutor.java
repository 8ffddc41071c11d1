package io.rialto.core.kernel;

import com.typesafe.config.Config;
import org.apache.pekko.dispatch.DispatcherPrerequisites;
import org.apache.pekko.dispatch.ExecutorServiceConfigurator;
import org.apache.pekko.dispatch.ExecutorServiceFactory;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The executor of step mode ({@code rialto.dispatch.step = on}, which {@code rialto run --replay ... --speed step}
 * sets): one thread that runs every task in the order it was handed over, and that knows when it has nothing
 * left to do. With every actor of the platform on it, a venue can hand the platform one event, wait until the
 * platform has finished reacting to it ({@link #whenQuiet}), answer the orders that reaction sent, and only then
 * hand over the next: the same data and the same strategies then make the same orders and the same fills, run
 * after run, whatever the machine's speed.
 *
 * <p>Quiet means no task queued or running. Every message to an actor on this executor schedules a task before
 * the send returns, so once the count reaches zero, everything the platform sent anywhere was sent before the
 * {@code whenQuiet} action runs. One step executor per JVM is counted (one step-mode platform at a time).
 *
 * <p>Use as {@code executor = "io.rialto.core.kernel.StepExecutor"} on {@code pekko.actor.default-dispatcher}.
 */
public final class StepExecutor extends ExecutorServiceConfigurator {
    private static final AtomicLong BUSY = new AtomicLong();
    private static final AtomicReference<Runnable> WAITER = new AtomicReference<>();

    public StepExecutor(Config config, DispatcherPrerequisites prerequisites) {
        super(config, prerequisites);
    }

    @Override
    public ExecutorServiceFactory createExecutorServiceFactory(String id, ThreadFactory threadFactory) {
        return () -> new Counted(Executors.newSingleThreadExecutor(threadFactory));
    }

    /**
     * Runs {@code action} once no task is queued or running on the step executor: at once if that is so now,
     * else on the thread that finishes the last task. Replaces an action registered before and not yet run.
     */
    public static void whenQuiet(Runnable action) {
        WAITER.set(action);
        if (BUSY.get() == 0) {
            runWaiter();
        }
    }

    private static void runWaiter() {
        Runnable waiter = WAITER.getAndSet(null);
        if (waiter != null) {
            waiter.run();
        }
    }

    /** Counts what is handed to the single thread and what it has finished. */
    private static final class Counted extends AbstractExecutorService {
        private final ExecutorService delegate;

        Counted(ExecutorService delegate) {
            this.delegate = delegate;
        }

        @Override
        public void execute(Runnable task) {
            BUSY.incrementAndGet();
            try {
                delegate.execute(() -> {
                    try {
                        task.run();
                    } finally {
                        done();
                    }
                });
            } catch (RuntimeException e) { // rejected: shutting down
                done();
                throw e;
            }
        }

        private static void done() {
            if (BUSY.decrementAndGet() == 0) {
                runWaiter();
            }
        }

        @Override
        public void shutdown() {
            delegate.shutdown();
        }

        @Override
        public List<Runnable> shutdownNow() {
            return delegate.shutdownNow();
        }

        @Override
        public boolean isShutdown() {
            return delegate.isShutdown();
        }

        @Override
        public boolean isTerminated() {
            return delegate.isTerminated();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            return delegate.awaitTermination(timeout, unit);
        }
    }
}
