package io.rialto.core.cli;

import io.rialto.core.kernel.Platform;
import io.rialto.core.metrics.PlatformMetrics;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import java.io.PrintWriter;

/** The once-a-second progress line of {@code rialto run}. Called from one reporter thread. */
final class ProgressLine {
    private final Platform platform;
    private final PrintWriter out;
    private final long startNs;
    private long lastNs;
    private long lastMd;

    /** Where each interval's histograms go in HdrHistogram's log format, or {@code null}. */
    private final HistogramLogWriter latencyLog;

    /** Ended right after a drain, so that no interval is lost to it. */
    private final Warmup warmup;

    ProgressLine(Platform platform, PrintWriter out, long startNs, HistogramLogWriter latencyLog, Warmup warmup) {
        this.latencyLog = latencyLog;
        this.warmup = warmup;
        this.platform = platform;
        this.out = out;
        this.startNs = startNs;
        this.lastNs = startNs;
    }

    void print() {
        PlatformMetrics m = platform.metrics();
        long now = System.nanoTime();
        long md = m.mdEvents.sum();
        double rate = (md - lastMd) / ((now - lastNs) / 1e9);
        lastMd = md;
        lastNs = now;
        Histogram t2t = m.drain();
        if (latencyLog != null) {
            m.writeIntervals(latencyLog);
        }
        warmup.tick(now);
        out.printf("[%5.0fs] md %,9.0f ev/s | orders %,9d | fills %,8d | rejects %,7d | t2t p50 %s p99 %s%n",
                (now - startNs) / 1e9, rate, m.ordersSubmitted.sum(), m.fills.sum(), m.ordersRejected.sum(),
                micros(t2t, 50), micros(t2t, 99));
        out.flush();
    }

    private static String micros(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? "    -  " : String.format("%6.1fus", h.getValueAtPercentile(percentile) / 1e3);
    }
}
