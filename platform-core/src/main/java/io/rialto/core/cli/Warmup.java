package io.rialto.core.cli;

import io.rialto.core.metrics.PlatformMetrics;

import java.util.Map;

/**
 * The end of {@code rialto run --warmup}: at the first progress tick after the warm-up the cumulative latency
 * histograms start again (right after that tick's drain, so the progress line and the latency log keep every
 * interval), so that the summary's percentiles describe the steady state; the market-data and conflation counts
 * are noted for steady-state figures. Ended on the reporter thread; read after the reporter has stopped.
 */
final class Warmup {
    private final PlatformMetrics metrics;
    /** {@code System.nanoTime()} the warm-up lasts until; 0: no warm-up. */
    private final long untilNs;
    private volatile long endNs;
    private volatile long mdEventsAtEnd;
    private volatile long conflatedAtEnd;

    Warmup(PlatformMetrics metrics, long untilNs) {
        this.metrics = metrics;
        this.untilNs = untilNs;
    }

    /** Called right after each progress drain: ends the warm-up at the first one past its time. */
    void tick(long nowNs) {
        if (untilNs != 0 && endNs == 0 && nowNs - untilNs >= 0) {
            metrics.resetTotals();
            mdEventsAtEnd = metrics.mdEvents.sum();
            conflatedAtEnd = metrics.conflatedUpdates.sum();
            endNs = nowNs;
        }
    }
    /**
     * Adds {@code warmup_s} (0 when there was none, or the run stopped before it ended: then every latency counts;
     * counted from the launch, like {@code duration_s}) and, after a warm-up, {@code md_events_per_s_after_warmup}
     * and {@code conflated_updates_after_warmup} (to set against the book→strategy count, which is after it too).
     */
    /** Whether a warm-up was asked for and the run stopped before it ended (every latency then counts). */
    boolean cutShort() {
        return untilNs != 0 && endNs == 0;
    }

    void describe(Map<String, Object> fields, long startNs, long stopNs) {
        long end = endNs;
        if (end == 0) {
            fields.put("warmup_s", 0.0);
            return;
        }
        fields.put("warmup_s", Math.round((end - startNs) / 1e7) / 100.0);
        double seconds = (stopNs - end) / 1e9;
        fields.put("md_events_per_s_after_warmup",
                seconds <= 0 ? 0.0 : Math.round((metrics.mdEvents.sum() - mdEventsAtEnd) / seconds * 10) / 10.0);
        fields.put("conflated_updates_after_warmup", metrics.conflatedUpdates.sum() - conflatedAtEnd);
    }
}
