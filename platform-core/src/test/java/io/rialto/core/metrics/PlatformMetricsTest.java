package io.rialto.core.metrics;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlatformMetricsTest {

    @Test
    void shouldClampOutOfRangeLatenciesInsteadOfThrowing() {
        PlatformMetrics metrics = new PlatformMetrics();
        PlatformMetrics.record(metrics.tickToTrade, -5);                 // a clock that stepped back
        PlatformMetrics.record(metrics.tickToTrade, Long.MAX_VALUE);     // a stamp that was never set
        PlatformMetrics.record(metrics.tickToTrade, 1_500);
        Histogram interval = metrics.drain();
        assertEquals(3, interval.getTotalCount());
        assertEquals(0, interval.getMinValue());
        assertTrue(interval.getMaxValue() >= 60_000_000_000L, "clamped to the 60 s ceiling");
        assertEquals(3, metrics.tickToTradeTotal().getTotalCount(), "drained into the cumulative histogram");
    }
}
