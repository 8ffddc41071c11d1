package io.rialto.core.ops;

import io.rialto.core.config.ConfigLoader;
import io.rialto.core.metrics.PlatformMetrics;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HealthMonitorTest {
    private static final long S = 1_000_000_000L;

    @Test
    void shouldPublishTheModeTheEngineDecides() {
        AtomicReference<HealthEngine.Readings> next = new AtomicReference<>(HealthEngine.Readings.CALM);
        HealthMonitor monitor = new HealthMonitor(HealthSettings.create(ConfigLoader.defaults()), 0,
                now -> next.get());
        monitor.tick(31 * S);
        assertEquals(HealthMode.FULL, monitor.mode());
        next.set(new HealthEngine.Readings(0, 0.95, 0, 0, 0, 0));
        monitor.tick(32 * S);
        assertEquals(HealthMode.EMERGENCY, monitor.mode());
        assertTrue(monitor.why().contains("heap"), monitor.why());
    }

    @Test
    void shouldKeepTheModeWhenSamplingFails() {
        HealthMonitor monitor = new HealthMonitor(HealthSettings.create(ConfigLoader.defaults()), 0, now -> {
            throw new IllegalStateException("no readings");
        });
        monitor.tick(31 * S);
        assertEquals(HealthMode.FULL, monitor.mode());
    }

    @Test
    void shouldSampleTheJvmAndThePlatformCounters() {
        PlatformMetrics metrics = new PlatformMetrics();
        HealthSampler sampler = new HealthSampler(metrics, 10, 0);
        metrics.ordersSubmitted.add(20);
        metrics.ordersRejected.add(5);
        HealthEngine.Readings r = sampler.sample(S);
        assertTrue(r.heapUsed() > 0 && r.heapUsed() <= 1, r.toString());
        assertTrue(r.gcTime() >= 0 && r.gcTime() <= 1, r.toString());
        assertEquals(0.25, r.errorRate(), 1e-9);
        assertTrue(Double.isNaN(r.p99LatencyNs()), "nothing drained yet");
        assertTrue(Double.isNaN(r.mailboxSaturation()), "not measured");
        metrics.ordersSubmitted.add(3);
        assertTrue(Double.isNaN(sampler.sample(2 * S).errorRate()), "too few orders to judge");
        metrics.tickToTrade.recordValue(5_000);
        metrics.drain();
        assertEquals(5_000, sampler.sample(3 * S).p99LatencyNs(), 10);
    }
}
