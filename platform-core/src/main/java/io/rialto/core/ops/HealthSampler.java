package io.rialto.core.ops;

import io.rialto.core.metrics.PlatformMetrics;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

/**
 * Takes the {@link HealthEngine.Readings} of one interval from the JVM and the platform's counters. Keeps
 * the previous totals to turn them into per-interval rates; call from one thread. Mailbox saturation is
 * not measured yet ({@code NaN}). The tick-to-trade p99 is the last interval the progress reporter drained.
 */
final class HealthSampler {
    private final PlatformMetrics metrics;
    private final long errorRateMinOrders;
    private long lastNs;
    private long lastGcMs;
    private long lastSubmitted;
    private long lastRejected;

    HealthSampler(PlatformMetrics metrics, long errorRateMinOrders, long nowNs) {
        this.metrics = metrics;
        this.errorRateMinOrders = errorRateMinOrders;
        this.lastNs = nowNs;
        this.lastGcMs = gcMillis();
        this.lastSubmitted = metrics.ordersSubmitted.sum();
        this.lastRejected = metrics.ordersRejected.sum();
    }

    HealthEngine.Readings sample(long nowNs) {
        long gcMs = gcMillis();
        long elapsedNs = Math.max(1, nowNs - lastNs);
        double gcTime = Math.min(1.0, (gcMs - lastGcMs) * 1_000_000.0 / elapsedNs);
        long submitted = metrics.ordersSubmitted.sum();
        long rejected = metrics.ordersRejected.sum();
        long orders = submitted - lastSubmitted;
        double errorRate = orders < Math.max(1, errorRateMinOrders) ? Double.NaN
                : Math.min(1.0, (double) (rejected - lastRejected) / orders);
        lastNs = nowNs;
        lastGcMs = gcMs;
        lastSubmitted = submitted;
        lastRejected = rejected;
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long max = heap.getMax() > 0 ? heap.getMax() : heap.getCommitted();
        double p99 = metrics.lastIntervalTickToTradeCount() == 0 ? Double.NaN : metrics.lastIntervalTickToTradeP99Ns();
        return new HealthEngine.Readings(cpuLoad(), (double) heap.getUsed() / max, gcTime, p99, errorRate,
                Double.NaN);
    }

    private static double cpuLoad() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            double load = os.getProcessCpuLoad();
            return load < 0 ? Double.NaN : load;
        }
        return Double.NaN;
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }
}
