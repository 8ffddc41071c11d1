package io.rialto.core.metrics;

import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

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

    @Test
    void shouldLeaveWhatAWarmUpRecordedOutOfTheTotals() {
        PlatformMetrics metrics = new PlatformMetrics();
        PlatformMetrics.record(metrics.tickToTrade, 9_000_000);      // warm-up outliers
        PlatformMetrics.record(metrics.bookToStrategy, 5_000_000);
        metrics.mdEvents.add(7);
        long warmUpInterval = metrics.drain().getTotalCount(); // the interval is recycled by the next drain

        metrics.resetTotals();
        PlatformMetrics.record(metrics.tickToTrade, 20_000);
        PlatformMetrics.record(metrics.bookToStrategy, 10_000);
        metrics.drain();

        assertEquals(1, warmUpInterval, "the warm-up's interval was drained whole (logged, shown)");
        assertEquals(1, metrics.tickToTradeTotal().getTotalCount());
        assertTrue(metrics.tickToTradeTotal().getMaxValue() < 21_000, "the warm-up's outlier is gone");
        assertEquals(1, metrics.bookToStrategyTotal().getTotalCount());
        assertTrue(metrics.bookToStrategyTotal().getMaxValue() < 11_000);
        assertEquals(7, metrics.mdEvents.sum(), "counters are not latencies: kept");
    }

    @Test
    void shouldWriteEachStagesIntervalAsATaggedHistogramLog(@TempDir Path dir) throws Exception {
        PlatformMetrics metrics = new PlatformMetrics();
        PlatformMetrics.record(metrics.tickToTrade, 12_000);
        PlatformMetrics.record(metrics.strategyDecision, 800);
        metrics.drain();
        Path file = dir.resolve("latency.hlog");
        HistogramLogWriter writer = new HistogramLogWriter(file.toFile());
        writer.outputLogFormatVersion();
        metrics.writeIntervals(writer);
        writer.close();

        HistogramLogReader reader = new HistogramLogReader(file.toFile());
        Map<String, Long> countByTag = new HashMap<>();
        EncodableHistogram h;
        while ((h = reader.nextIntervalHistogram()) != null) {
            countByTag.put(h.getTag(), ((Histogram) h).getTotalCount());
        }
        assertEquals(Map.of("tick_to_trade", 1L, "ingest_to_book", 0L, "book_to_strategy", 0L,
                "strategy_decision", 1L, "risk_check", 0L, "order_ack", 0L), countByTag);
    }
}
