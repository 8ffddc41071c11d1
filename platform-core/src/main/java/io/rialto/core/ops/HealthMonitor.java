package io.rialto.core.ops;

import io.rialto.core.metrics.PlatformMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * The thin shell around {@link HealthEngine}: samples the readings every {@code rialto.health.interval} on a
 * thread of its own, evaluates them, logs every mode change and publishes the mode for /health,
 * /api/status and /metrics, and hands every change to its enforcement ({@link ModeEnforcer} in a run).
 */
public final class HealthMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);

    private final HealthEngine engine;
    private final LongFunction<HealthEngine.Readings> readings;
    private ScheduledExecutorService timer;
    private volatile HealthMode mode = HealthMode.FULL;
    private volatile String why = "starting";

    HealthMonitor(HealthSettings settings, long startNs, LongFunction<HealthEngine.Readings> readings) {
        this(settings, startNs, readings, (from, to, reason) -> { });
    }

    HealthMonitor(HealthSettings settings, long startNs, LongFunction<HealthEngine.Readings> readings,
                  HealthEngine.Listener enforcement) {
        this.engine = new HealthEngine(settings, startNs, (from, to, reason) -> {
            LOG.warn("health mode {} -> {}: {}", from, to, reason);
            enforcement.onModeChange(from, to, reason);
        });
        this.readings = readings;
    }

    /** Starts sampling the JVM and the platform's counters every interval. */
    public static HealthMonitor start(HealthSettings settings, PlatformMetrics metrics) {
        return start(settings, metrics, () -> Double.NaN, (from, to, reason) -> { });
    }

    /**
     * Starts sampling, reading mailbox saturation from {@code mailboxSaturation}, and tells {@code enforcement}
     * of every mode change (see {@link ModeEnforcer}).
     */
    public static HealthMonitor start(HealthSettings settings, PlatformMetrics metrics,
                                      java.util.function.DoubleSupplier mailboxSaturation,
                                      HealthEngine.Listener enforcement) {
        long startNs = System.nanoTime();
        HealthSampler sampler = new HealthSampler(metrics, settings.errorRateMinOrders(), startNs,
                mailboxSaturation);
        HealthMonitor monitor = new HealthMonitor(settings, startNs, sampler::sample, enforcement);
        monitor.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rialto-health");
            t.setDaemon(true);
            return t;
        });
        long intervalMs = settings.interval().toMillis();
        monitor.timer.scheduleAtFixedRate(() -> monitor.tick(System.nanoTime()), intervalMs, intervalMs,
                TimeUnit.MILLISECONDS);
        return monitor;
    }

    /** One evaluation at {@code nowNs} (the timer's task; tests call it directly). */
    void tick(long nowNs) {
        try {
            mode = engine.evaluate(nowNs, readings.apply(nowNs));
            why = engine.why();
        } catch (RuntimeException e) {
            LOG.error("health evaluation failed; the mode stays {}", mode, e);
        }
    }

    public HealthMode mode() {
        return mode;
    }

    /** Why the mode is what it is. */
    public String why() {
        return why;
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
