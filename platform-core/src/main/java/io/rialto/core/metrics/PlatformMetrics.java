package io.rialto.core.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.Recorder;

import java.util.concurrent.atomic.LongAdder;

/**
 * Live counters and per-stage latency recorders of one platform instance. Actors record into
 * HdrHistogram {@link Recorder}s (wait-free for writers, no allocation); a reporter drains them once a
 * second into cumulative histograms with {@link #drain()}. The counters are for the live progress line;
 * the run summary reconciles independent per-stage counts collected at shutdown.
 */
public final class PlatformMetrics {
    private static final long HIGHEST_NS = 60_000_000_000L;

    public final Recorder tickToTrade = new Recorder(HIGHEST_NS, 3);
    public final Recorder riskCheck = new Recorder(HIGHEST_NS, 3);
    public final Recorder orderAck = new Recorder(HIGHEST_NS, 3);
    public final Recorder ingestToBook = new Recorder(HIGHEST_NS, 3);
    public final Recorder bookToStrategy = new Recorder(HIGHEST_NS, 3);
    /** Time inside a strategy's onBook: the strategy's own decision. */
    public final Recorder strategyDecision = new Recorder(HIGHEST_NS, 3);

    public final LongAdder mdEvents = new LongAdder();
    public final LongAdder ordersSubmitted = new LongAdder();
    public final LongAdder ordersRejected = new LongAdder();
    public final LongAdder fills = new LongAdder();
    public final LongAdder conflatedUpdates = new LongAdder();
    /** Snapshot requests after a sequence gap or a crossed book. */
    public final LongAdder resyncs = new LongAdder();
    /** Symbols handed from one dispatch tier to another. */
    public final LongAdder tierMoves = new LongAdder();
    /** Strategies found stuck in a callback longer than the watchdog's {@code stuck-after}. */
    public final LongAdder stuckStrategies = new LongAdder();

    private final Histogram tickToTradeTotal = new Histogram(HIGHEST_NS, 3);
    private final Histogram riskCheckTotal = new Histogram(HIGHEST_NS, 3);
    private final Histogram orderAckTotal = new Histogram(HIGHEST_NS, 3);
    private final Histogram ingestToBookTotal = new Histogram(HIGHEST_NS, 3);
    private final Histogram bookToStrategyTotal = new Histogram(HIGHEST_NS, 3);
    private final Histogram strategyDecisionTotal = new Histogram(HIGHEST_NS, 3);
    /** One recycled interval histogram per recorder: a recorder only takes back its own. */
    private Histogram tickToTradeInterval;
    private Histogram riskCheckInterval;
    private Histogram orderAckInterval;
    private Histogram ingestToBookInterval;
    private Histogram bookToStrategyInterval;
    private Histogram strategyDecisionInterval;

    /**
     * Records a latency, clamped to the histograms' range [0, 60 s]: a clock step or a long pause must never
     * throw inside the actor that measures it. Allocation-free, like {@link Recorder#recordValue}.
     */
    public static void record(Recorder recorder, long valueNs) {
        recorder.recordValue(valueNs < 0 ? 0 : Math.min(valueNs, HIGHEST_NS));
    }

    private volatile long lastTickToTradeP99Ns;
    private volatile long lastTickToTradeCount;
    private volatile long firstIngestNs;
    private volatile long lastIngestNs;

    /** Called by ingestion for every element: remembers when market data started and last arrived. */
    public void onIngest(long nowNs) {
        if (firstIngestNs == 0) {
            firstIngestNs = nowNs;
        }
        lastIngestNs = nowNs;
    }

    public long firstIngestNs() {
        return firstIngestNs;
    }

    public long lastIngestNs() {
        return lastIngestNs;
    }

    /**
     * Moves what was recorded since the last call into the cumulative histograms and returns the
     * tick-to-trade histogram of just this interval (valid until the next call).
     */
    public synchronized Histogram drain() {
        tickToTradeInterval = tickToTrade.getIntervalHistogram(tickToTradeInterval);
        tickToTradeTotal.add(tickToTradeInterval);
        lastTickToTradeCount = tickToTradeInterval.getTotalCount();
        lastTickToTradeP99Ns = lastTickToTradeCount == 0 ? 0 : tickToTradeInterval.getValueAtPercentile(99);
        riskCheckInterval = riskCheck.getIntervalHistogram(riskCheckInterval);
        riskCheckTotal.add(riskCheckInterval);
        orderAckInterval = orderAck.getIntervalHistogram(orderAckInterval);
        orderAckTotal.add(orderAckInterval);
        ingestToBookInterval = ingestToBook.getIntervalHistogram(ingestToBookInterval);
        ingestToBookTotal.add(ingestToBookInterval);
        bookToStrategyInterval = bookToStrategy.getIntervalHistogram(bookToStrategyInterval);
        bookToStrategyTotal.add(bookToStrategyInterval);
        strategyDecisionInterval = strategyDecision.getIntervalHistogram(strategyDecisionInterval);
        strategyDecisionTotal.add(strategyDecisionInterval);
        return tickToTradeInterval;
    }

    /** Tick-to-trade p99 of the interval last drained (0 when it recorded nothing). */
    public long lastIntervalTickToTradeP99Ns() {
        return lastTickToTradeP99Ns;
    }

    /** Tick-to-trade values recorded in the interval last drained. */
    public long lastIntervalTickToTradeCount() {
        return lastTickToTradeCount;
    }

    /**
     * Forgets the latencies drained so far (a warm-up's: JIT compilation, start-up collections): the cumulative
     * histograms start again. Call right after {@link #drain()}, so that nothing is left in the recorders from
     * before; the interval histograms (the progress line, the latency log, the health monitor) and the counters
     * are untouched.
     */
    public synchronized void resetTotals() {
        tickToTradeTotal.reset();
        riskCheckTotal.reset();
        orderAckTotal.reset();
        ingestToBookTotal.reset();
        bookToStrategyTotal.reset();
        strategyDecisionTotal.reset();
    }

    public synchronized Histogram tickToTradeTotal() {
        return tickToTradeTotal.copy();
    }

    public synchronized Histogram riskCheckTotal() {
        return riskCheckTotal.copy();
    }

    public synchronized Histogram orderAckTotal() {
        return orderAckTotal.copy();
    }

    public synchronized Histogram ingestToBookTotal() {
        return ingestToBookTotal.copy();
    }

    public synchronized Histogram strategyDecisionTotal() {
        return strategyDecisionTotal.copy();
    }

    /**
     * Writes the interval histograms of the last {@link #drain()} to an HdrHistogram log, one tagged
     * histogram per stage ({@code tick_to_trade}, {@code ingest_to_book}, {@code book_to_strategy},
     * {@code strategy_decision}, {@code risk_check}, {@code order_ack}). Call right after {@code drain()}.
     */
    public synchronized void writeIntervals(HistogramLogWriter log) {
        write(log, tickToTradeInterval, "tick_to_trade");
        write(log, ingestToBookInterval, "ingest_to_book");
        write(log, bookToStrategyInterval, "book_to_strategy");
        write(log, strategyDecisionInterval, "strategy_decision");
        write(log, riskCheckInterval, "risk_check");
        write(log, orderAckInterval, "order_ack");
    }

    private static void write(HistogramLogWriter log, Histogram interval, String tag) {
        if (interval != null) {
            interval.setTag(tag);
            log.outputIntervalHistogram(interval);
        }
    }

    public synchronized Histogram bookToStrategyTotal() {
        return bookToStrategyTotal.copy();
    }
}
