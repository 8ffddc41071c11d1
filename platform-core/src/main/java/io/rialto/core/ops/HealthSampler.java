package io.rialto.core.ops;

import io.rialto.core.metrics.PlatformMetrics;

import java.util.function.DoubleSupplier;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * Takes the {@link HealthEngine.Readings} of one interval from the JVM and the platform's counters. Keeps
 * the previous totals to turn them into per-interval rates; call from one thread. Mailbox saturation is
 * not measured yet ({@code NaN}). Heap is what the last collection left in the fullest heap pool. The tick-to-trade p99 is the last interval the progress reporter drained.
 */
final class HealthSampler {
    private final PlatformMetrics metrics;
    private final long errorRateMinOrders;
    private long lastNs;
    private final DoubleSupplier mailboxSaturation;
    private long lastGcMs;
    private long lastSubmitted;
    private long lastRejected;

    HealthSampler(PlatformMetrics metrics, long errorRateMinOrders, long nowNs) {
        this(metrics, errorRateMinOrders, nowNs, () -> Double.NaN);
    }

    /** @param mailboxSaturation the fullest bounded mailbox lane's share of its capacity (NaN: not measured) */
    HealthSampler(PlatformMetrics metrics, long errorRateMinOrders, long nowNs, DoubleSupplier mailboxSaturation) {
        this.mailboxSaturation = mailboxSaturation;
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
        double p99 = metrics.lastIntervalTickToTradeCount() == 0 ? Double.NaN : metrics.lastIntervalTickToTradeP99Ns();
        return new HealthEngine.Readings(cpuLoad(), heapUsed(), gcTime, p99, errorRate,
                mailboxSaturation.getAsDouble());
    }

    /**
     * The fullest heap pool as the last collection left it (live data, not garbage awaiting collection);
     * the heap as a whole when the collector reports no post-collection usage.
     */
    static double heapUsed() {
        double worst = Double.NaN;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            long max = afterGc == null ? -1 : afterGc.getMax() > 0 ? afterGc.getMax() : pool.getUsage().getMax();
            if (afterGc != null && max > 0 && afterGc.getUsed() > 0) {
                double used = (double) afterGc.getUsed() / max;
                worst = Double.isNaN(worst) ? used : Math.max(worst, used);
            }
        }
        if (!Double.isNaN(worst)) {
            return worst;
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long max = heap.getMax() > 0 ? heap.getMax() : heap.getCommitted();
        return (double) heap.getUsed() / max;
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
