package io.rialto.core.ops;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import io.rialto.core.domain.RejectReason;
import io.rialto.core.kernel.BookDirectory;
import io.rialto.core.kernel.MailboxDepths;
import io.rialto.core.kernel.VenueSession;
import io.rialto.core.kernel.Platform;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import io.rialto.core.kernel.RiskGate;
import io.rialto.core.metrics.PlatformMetrics;
import org.HdrHistogram.Histogram;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The platform's Prometheus metrics, every name prefixed {@code rialto_}: the live counters of
 * {@link PlatformMetrics}, risk rejects by reason (asked of the risk gate at scrape time), the per-stage
 * latencies as summaries of the cumulative HdrHistograms (read, never drained: the progress reporter
 * drains), symbols per dispatch tier, the health mode, and the JVM's memory, GC and threads.
 * Collected on the scraping thread (never a dispatcher thread: it waits up to a second for the risk gate).
 */
public final class PlatformCollector implements MultiCollector {
    private static final double[] QUANTILES = {0.5, 0.9, 0.99, 0.999, 0.9999};
    private static final Duration RISK_TIMEOUT = Duration.ofSeconds(1);

    private final Platform platform;
    private final Supplier<HealthMode> mode;
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    public PlatformCollector(Platform platform, Supplier<HealthMode> mode) {
        this.platform = platform;
        this.mode = mode;
    }

    /** The Prometheus text exposition (format 0.0.4) of everything collected now. */
    public String scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            writer.write(out, collect(), EscapingScheme.UNDERSCORE_ESCAPING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public MetricSnapshots collect() {
        PlatformMetrics m = platform.metrics();
        List<MetricSnapshot> out = new ArrayList<>();
        out.add(counter("rialto_market_data_events", "Market-data events ingested", m.mdEvents.sum()));
        out.add(counter("rialto_orders_submitted", "Orders submitted by strategies", m.ordersSubmitted.sum()));
        out.add(counter("rialto_orders_rejected", "Orders rejected (risk or venue)", m.ordersRejected.sum()));
        out.add(counter("rialto_fills", "Fills received from venues", m.fills.sum()));
        out.add(counter("rialto_conflated_updates", "Book updates conflated for slow strategies",
                m.conflatedUpdates.sum()));
        riskRejects().ifPresent(out::add);
        venueSessions(out);
        out.add(summary("rialto_tick_to_trade_seconds", "Ingestion to venue hand-off, end to end",
                List.of(new Stage(null, m.tickToTradeTotal()))));
        out.add(histogram("rialto_tick_to_trade_latency_seconds",
                "Tick-to-trade latency since start, as a histogram (buckets from 1 us to 10 s)", m.tickToTradeTotal()));
        out.add(summary("rialto_stage_latency_seconds", "Latency of one stage of the order and market-data path",
                List.of(new Stage("ingest_to_book", m.ingestToBookTotal()),
                        new Stage("book_to_strategy", m.bookToStrategyTotal()),
                        new Stage("strategy_decision", m.strategyDecisionTotal()),
                        new Stage("risk_check", m.riskCheckTotal()),
                        new Stage("order_ack", m.orderAckTotal()))));
        GaugeSnapshot.Builder tiers = GaugeSnapshot.builder().name("rialto_symbols").help("Symbols per dispatch tier");
        int[] perTier = platform.books().symbolsPerTier();
        for (BookDirectory.Tier tier : BookDirectory.Tier.values()) {
            tiers.dataPoint(gauge(perTier[tier.ordinal()], Labels.of("tier", tier.label())));
        }
        out.add(tiers.build());
        out.add(counter("rialto_tier_moves", "Symbols moved from one dispatch tier to another", m.tierMoves.sum()));
        out.add(counter("rialto_resyncs", "Snapshot requests after a sequence gap or a crossed book",
                m.resyncs.sum()));
        out.add(counter("rialto_stuck_strategies", "Strategies found stuck in a callback by the watchdog",
                m.stuckStrategies.sum()));
        Map<String, MailboxDepths.Depth> depths = MailboxDepths.of(Adapter.toClassic(platform.system())).byKind();
        GaugeSnapshot.Builder queued = GaugeSnapshot.builder().name("rialto_mailbox_depth")
                .help("Messages queued in the mailboxes of each kind of actor");
        GaugeSnapshot.Builder maxQueued = GaugeSnapshot.builder().name("rialto_mailbox_max_depth")
                .help("The most messages queued in one mailbox of each kind of actor");
        GaugeSnapshot.Builder saturation = GaugeSnapshot.builder().name("rialto_mailbox_saturation")
                .help("The fullest bounded (ordinary) lane's share of its capacity, per kind of actor");
        depths.forEach((kind, d) -> {
            queued.dataPoint(gauge(d.queued(), Labels.of("actor", kind)));
            maxQueued.dataPoint(gauge(d.maxQueued(), Labels.of("actor", kind)));
            saturation.dataPoint(gauge(d.maxSaturation(), Labels.of("actor", kind)));
        });
        out.add(queued.build());
        out.add(maxQueued.build());
        out.add(saturation.build());
        out.add(GaugeSnapshot.builder().name("rialto_strategies_running").help("Strategy instances running")
                .dataPoint(gauge(platform.strategies().runningIds().size(), Labels.EMPTY)).build());
        GaugeSnapshot.Builder modes = GaugeSnapshot.builder().name("rialto_health_mode")
                .help("1 for the current health mode, 0 for the others");
        HealthMode current = mode.get();
        for (HealthMode candidate : HealthMode.values()) {
            modes.dataPoint(gauge(candidate == current ? 1 : 0, Labels.of("mode", candidate.name())));
        }
        out.add(modes.build());
        jvm(out);
        return new MetricSnapshots(out);
    }

    private java.util.Optional<MetricSnapshot> riskRejects() {
        RiskGate.Stats stats;
        try {
            stats = AskPattern.<RiskGate.Command, RiskGate.Stats>ask(platform.riskGate(), RiskGate.GetStats::new,
                    RISK_TIMEOUT, platform.system().scheduler()).toCompletableFuture()
                    .get(RISK_TIMEOUT.toMillis() + 100, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return java.util.Optional.empty(); // a busy risk gate must not fail the scrape
        }
        CounterSnapshot.Builder rejects = CounterSnapshot.builder().name("rialto_risk_rejects")
                .help("New orders refused by pre-trade risk, by reason");
        RejectReason[] reasons = RejectReason.values();
        for (int i = 0; i < stats.rejectsByReason().length && i < reasons.length; i++) {
            if (reasons[i] != RejectReason.NONE) {
                rejects.dataPoint(CounterDataPointSnapshot.builder().value(stats.rejectsByReason()[i])
                        .labels(Labels.of("reason", reasons[i].name())).build());
            }
        }
        return java.util.Optional.of(rejects.build());
    }

    /** Each venue session's state and what it survived (skipped if the sessions do not answer in time). */
    private void venueSessions(List<MetricSnapshot> out) {
        List<VenueSession.Stats> venues;
        try {
            venues = platform.venueStats().toCompletableFuture().get(RISK_TIMEOUT.toMillis() + 100,
                    TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return; // a busy session must not fail the scrape
        }
        GaugeSnapshot.Builder state = GaugeSnapshot.builder().name("rialto_venue_session_state")
                .help("1 for each venue session's current state (connecting, connected, reconnecting)");
        GaugeSnapshot.Builder stale = GaugeSnapshot.builder().name("rialto_venue_feed_stale")
                .help("1 while a venue's market-data feed is stale");
        CounterSnapshot.Builder disconnects = venueCounter("rialto_venue_disconnects", "Venue connections lost");
        CounterSnapshot.Builder reconnects = venueCounter("rialto_venue_reconnects", "Venue connections restored");
        CounterSnapshot.Builder recovered = venueCounter("rialto_venue_recovered_reports",
                "Execution reports the venue lost, recovered by reconciliation");
        CounterSnapshot.Builder duplicates = venueCounter("rialto_venue_duplicate_reports",
                "Repeated or late execution reports recognised and not passed on");
        CounterSnapshot.Builder stalls = venueCounter("rialto_venue_feed_stalls", "Market-data feed stalls seen");
        CounterSnapshot.Builder feedReconnects = venueCounter("rialto_venue_feed_reconnects",
                "Market-data feed connections lost and re-established (feeds carried over a network)");
        for (VenueSession.Stats v : venues) {
            VenueSession.Faults f = v.faults();
            Labels venue = Labels.of("venue", v.venue());
            state.dataPoint(gauge(1, Labels.of("venue", v.venue(), "state", f.state())));
            stale.dataPoint(gauge(f.feedStale() ? 1 : 0, venue));
            disconnects.dataPoint(CounterDataPointSnapshot.builder().value(f.disconnects()).labels(venue).build());
            reconnects.dataPoint(CounterDataPointSnapshot.builder().value(f.reconnects()).labels(venue).build());
            recovered.dataPoint(CounterDataPointSnapshot.builder().value(f.recoveredReports()).labels(venue).build());
            duplicates.dataPoint(CounterDataPointSnapshot.builder().value(f.duplicateReports() + f.staleReports())
                    .labels(venue).build());
            stalls.dataPoint(CounterDataPointSnapshot.builder().value(f.feedStalls()).labels(venue).build());
            feedReconnects.dataPoint(CounterDataPointSnapshot.builder().value(f.feedReconnects()).labels(venue)
                    .build());
        }
        out.add(state.build());
        out.add(stale.build());
        out.add(disconnects.build());
        out.add(reconnects.build());
        out.add(recovered.build());
        out.add(duplicates.build());
        out.add(stalls.build());
        out.add(feedReconnects.build());
    }

    private static CounterSnapshot.Builder venueCounter(String name, String help) {
        return CounterSnapshot.builder().name(name).help(help);
    }

    private void jvm(List<MetricSnapshot> out) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        out.add(GaugeSnapshot.builder().name("rialto_jvm_memory_used_bytes").help("JVM memory in use")
                .dataPoint(gauge(memory.getHeapMemoryUsage().getUsed(), Labels.of("area", "heap")))
                .dataPoint(gauge(memory.getNonHeapMemoryUsage().getUsed(), Labels.of("area", "nonheap")))
                .build());
        long heapMax = memory.getHeapMemoryUsage().getMax();
        out.add(GaugeSnapshot.builder().name("rialto_jvm_memory_max_bytes").help("JVM heap limit")
                .dataPoint(gauge(heapMax < 0 ? memory.getHeapMemoryUsage().getCommitted() : heapMax,
                        Labels.of("area", "heap"))).build());
        CounterSnapshot.Builder collections = CounterSnapshot.builder().name("rialto_jvm_gc_collections")
                .help("Garbage collections, by collector");
        CounterSnapshot.Builder gcTime = CounterSnapshot.builder().name("rialto_jvm_gc_collection_seconds")
                .help("Time spent in garbage collection, by collector");
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            Labels labels = Labels.of("gc", gc.getName());
            collections.dataPoint(CounterDataPointSnapshot.builder().value(Math.max(0, gc.getCollectionCount()))
                    .labels(labels).build());
            gcTime.dataPoint(CounterDataPointSnapshot.builder().value(Math.max(0, gc.getCollectionTime()) / 1e3)
                    .labels(labels).build());
        }
        out.add(collections.build());
        out.add(gcTime.build());
        out.add(GaugeSnapshot.builder().name("rialto_jvm_threads").help("Live JVM threads")
                .dataPoint(gauge(ManagementFactory.getThreadMXBean().getThreadCount(), Labels.EMPTY)).build());
        out.add(GaugeSnapshot.builder().name("rialto_jvm_uptime_seconds").help("Time since the JVM started")
                .dataPoint(gauge(ManagementFactory.getRuntimeMXBean().getUptime() / 1e3, Labels.EMPTY)).build());
    }

    private record Stage(String name, Histogram histogram) {
    }

    private static SummarySnapshot summary(String name, String help, List<Stage> stages) {
        SummarySnapshot.Builder builder = SummarySnapshot.builder().name(name).help(help);
        for (Stage stage : stages) {
            Histogram h = stage.histogram();
            Quantiles.Builder q = Quantiles.builder();
            for (double quantile : QUANTILES) {
                q.quantile(new Quantile(quantile, h.getTotalCount() == 0 ? Double.NaN
                        : h.getValueAtPercentile(quantile * 100) / 1e9));
            }
            SummaryDataPointSnapshot.Builder point = SummaryDataPointSnapshot.builder().quantiles(q.build())
                    .count(h.getTotalCount());
            point.sum(h.getTotalCount() == 0 ? 0 : h.getMean() * h.getTotalCount() / 1e9);
            if (stage.name() != null) {
                point.labels(Labels.of("stage", stage.name()));
            }
            builder.dataPoint(point.build());
        }
        return builder.build();
    }

    /** Bucket bounds of the tick-to-trade histogram, in seconds: 1 µs to 10 s, then +Inf. */
    private static final double[] BUCKETS = {1e-6, 2.5e-6, 5e-6, 1e-5, 2.5e-5, 5e-5, 1e-4, 2.5e-4, 5e-4, 1e-3,
            2.5e-3, 5e-3, 1e-2, 2.5e-2, 5e-2, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, Double.POSITIVE_INFINITY};

    /** A Prometheus histogram (per-bucket counts, the writer accumulates) from a cumulative HdrHistogram. */
    static HistogramSnapshot histogram(String name, String help, Histogram h) {
        long[] counts = new long[BUCKETS.length];
        long below = 0;
        for (int i = 0; i < BUCKETS.length; i++) {
            long upToBound = Double.isInfinite(BUCKETS[i]) ? h.getTotalCount()
                    : h.getTotalCount() == 0 ? 0 : h.getCountBetweenValues(0, (long) (BUCKETS[i] * 1e9));
            counts[i] = Math.max(0, upToBound - below);
            below += counts[i];
        }
        double sum = h.getTotalCount() == 0 ? 0 : h.getMean() * h.getTotalCount() / 1e9;
        return HistogramSnapshot.builder().name(name).help(help)
                .dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                        .classicHistogramBuckets(ClassicHistogramBuckets.of(BUCKETS, counts)).sum(sum).build())
                .build();
    }

    private static CounterSnapshot counter(String name, String help, double value) {
        return CounterSnapshot.builder().name(name).help(help)
                .dataPoint(CounterDataPointSnapshot.builder().value(value).build()).build();
    }

    private static GaugeDataPointSnapshot gauge(double value, Labels labels) {
        return GaugeDataPointSnapshot.builder().value(value).labels(labels).build();
    }
}
