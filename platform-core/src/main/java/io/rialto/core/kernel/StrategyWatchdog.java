package io.rialto.core.kernel;

import io.rialto.core.metrics.PlatformMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Finds strategies stuck in their own code and keeps them from slowing anybody else. Each strategy host
 * stamps a {@link Clock} when it enters a strategy callback and clears it on return (two volatile writes); every
 * {@code check-interval} the watchdog looks for a callback running longer than {@code stuck-after}, logs it
 * once, counts it, and gives the {@link CompensatingPool} the strategy runs on one more thread for as long as it
 * stays stuck. Books never wait for a strategy (credit-based conflation), so they are unaffected either way.
 */
public final class StrategyWatchdog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StrategyWatchdog.class);

    /** One strategy host's callback clock. */
    public static final class Clock {
        private final String strategyId;
        private volatile long enteredNs;
        private volatile Thread thread;
        /** Owned by the watchdog thread: the pool it grew for this strategy, while stuck. */
        private CompensatingPool.Pool compensated;
        private volatile long stuckSinceNs;

        Clock(String strategyId) {
            this.strategyId = strategyId;
        }

        void enter() {
            thread = Thread.currentThread();
            enteredNs = System.nanoTime();
        }

        void exit() {
            enteredNs = 0;
        }
    }

    public record Settings(Duration stuckAfter, Duration checkInterval) {
    }

    private final Set<Clock> clocks = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;
    private final long stuckAfterNs;
    private final PlatformMetrics metrics;

    public StrategyWatchdog(Settings settings, PlatformMetrics metrics) {
        this.stuckAfterNs = settings.stuckAfter().toNanos();
        this.metrics = metrics;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rialto-strategy-watchdog");
            t.setDaemon(true);
            return t;
        });
        long every = settings.checkInterval().toNanos();
        timer.scheduleWithFixedDelay(this::check, every, every, TimeUnit.NANOSECONDS);
    }

    Clock register(String strategyId) {
        Clock clock = new Clock(strategyId);
        clocks.add(clock);
        return clock;
    }

    void unregister(Clock clock) {
        clocks.remove(clock);
        if (clock.compensated != null) {
            timer.execute(() -> release(clock));
        }
    }

    /** Strategies stuck in a callback now. */
    public int stuck() {
        int n = 0;
        for (Clock c : clocks) {
            n += c.stuckSinceNs != 0 ? 1 : 0;
        }
        return n;
    }

    void check() {
        long now = System.nanoTime();
        for (Clock clock : clocks) {
            long entered = clock.enteredNs;
            boolean stuck = entered != 0 && now - entered > stuckAfterNs;
            if (stuck && clock.stuckSinceNs != entered) {
                if (clock.stuckSinceNs != 0) {
                    release(clock); // returned and got stuck again in a later callback
                }
                clock.stuckSinceNs = entered;
                metrics.stuckStrategies.increment();
                CompensatingPool.Pool pool = CompensatingPool.owning(clock.thread);
                boolean grown = pool != null && pool.grow();
                clock.compensated = grown ? pool : null;
                LOG.warn("strategy {} stuck in a callback for {} ms on {}; {}", clock.strategyId,
                        (now - entered) / 1_000_000, clock.thread.getName(), grown
                                ? "dispatcher " + pool.id() + " gets a thread more while it stays stuck"
                                : pool == null ? "its dispatcher cannot compensate (not a CompensatingPool)"
                                : "dispatcher " + pool.id() + " is at its max-extra-threads");
            } else if (!stuck && clock.stuckSinceNs != 0) {
                LOG.info("strategy {} returned after {} ms stuck", clock.strategyId,
                        (now - clock.stuckSinceNs) / 1_000_000);
                release(clock);
            }
        }
    }

    private void release(Clock clock) {
        if (clock.compensated != null) {
            clock.compensated.shrink();
            clock.compensated = null;
        }
        clock.stuckSinceNs = 0;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
