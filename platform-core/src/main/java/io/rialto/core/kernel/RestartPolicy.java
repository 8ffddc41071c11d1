package io.rialto.core.kernel;

import java.time.Duration;

/**
 * What a strategy's failure leads to: a restart after an exponentially growing backoff, or, after
 * {@code maxFailures} failures within {@code window}, a stop. Plain and single-threaded (one per
 * strategy host); time is passed in.
 */
public final class RestartPolicy {

    /**
     * @param cancelOrdersOnRestart cancel the strategy's open orders when it restarts (otherwise the new
     *                              instance finds them in {@code ctx.openOrders()})
     */
    public record Settings(int maxFailures, Duration window, Duration minBackoff, Duration maxBackoff,
                    boolean cancelOrdersOnRestart) {
    }

    static final long STOP = -1;

    private final Settings settings;
    private final long[] failureNs;
    private int count;
    private int next;

    RestartPolicy(Settings settings) {
        this.settings = settings;
        this.failureNs = new long[settings.maxFailures()];
    }

    /** Records a failure; returns the backoff in nanoseconds before the restart, or {@link #STOP}. */
    long onFailure(long nowNs) {
        failureNs[next] = nowNs;
        next = (next + 1) % failureNs.length;
        count = Math.min(count + 1, failureNs.length);
        long windowNs = settings.window().toNanos();
        int recent = 0;
        for (int i = 0; i < count; i++) {
            if (nowNs - failureNs[i] <= windowNs) {
                recent++;
            }
        }
        if (recent >= settings.maxFailures()) {
            return STOP;
        }
        long backoff = settings.minBackoff().toNanos() << Math.min(recent - 1, 30);
        return Math.min(backoff, settings.maxBackoff().toNanos());
    }
}
