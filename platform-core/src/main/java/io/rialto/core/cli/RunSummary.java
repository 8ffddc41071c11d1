package io.rialto.core.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.rialto.core.domain.Instrument;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.RejectReason;
import io.rialto.core.kernel.BookUpdate;
import io.rialto.core.kernel.Platform;
import io.rialto.core.kernel.Reconciliation;
import io.rialto.core.kernel.StrategyHost;
import io.rialto.core.kernel.SymbolBook;
import io.rialto.core.kernel.VenueSession;
import io.rialto.core.metrics.PlatformMetrics;
import io.rialto.core.spi.RiskCheck;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run summary of {@code rialto run}, exactly as {@code shared/formats/run-summary.md} specifies,
 * with a few added keys ({@code fees}, {@code ingest_to_book_ns}, {@code book_to_strategy_ns},
 * {@code md_gaps}, {@code risk_rejects}, {@code venue_sessions}, {@code reconciliation}).
 */
public final class RunSummary {
    private final Map<String, Object> fields;

    private RunSummary(Map<String, Object> fields) {
        this.fields = fields;
    }

    public static RunSummary of(Platform.Result result, PlatformMetrics metrics, InstrumentRegistry registry,
                                int venues, int strategies, double durationS, long stopNs) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("mode", "run");
        f.put("duration_s", round(durationS, 3));
        f.put("venues", venues);
        f.put("symbols", result.books().size());
        f.put("strategies", strategies);
        long mdEvents = 0;
        long conflated = 0;
        long gaps = 0;
        long resyncs = 0;
        for (SymbolBook.Stats b : result.books()) {
            mdEvents += b.events();
            conflated += b.conflated();
            gaps += b.gaps() + b.crossed();
            resyncs += b.resyncs();
        }
        f.put("md_events", mdEvents);
        long first = metrics.firstIngestNs();
        double mdSeconds = first == 0 ? 0 : (stopNs - first) / 1e9;
        f.put("md_events_per_s", mdSeconds <= 0 ? 0.0 : round(mdEvents / mdSeconds, 1));
        long submitted = 0;
        long rejected = 0;
        long canceled = 0;
        for (StrategyHost.Stats s : result.strategies()) {
            submitted += s.submitted();
            rejected += s.rejected();
            canceled += s.canceled();
        }
        f.put("orders_submitted", submitted);
        f.put("orders_rejected", rejected);
        f.put("fills", result.risk().fillsApplied());
        f.put("cancels", canceled);
        f.put("conflated_updates", conflated);
        f.put("dropped_orders", result.reconciliation().dropped());
        metrics.drain();
        f.put("tick_to_trade_ns", percentiles(metrics.tickToTradeTotal()));
        f.put("risk_check_ns", percentiles(metrics.riskCheckTotal()));
        f.put("order_ack_ns", percentiles(metrics.orderAckTotal()));
        double[] pnl = pnl(result.risk().positions(), result.finalBooks(), registry);
        Map<String, Object> pnlMap = new LinkedHashMap<>();
        pnlMap.put("realized", round(pnl[0], 6));
        pnlMap.put("unrealized", round(pnl[1], 6));
        f.put("pnl", pnlMap);
        f.put("book_digest", digest(result.finalBooks(), registry));
        Runtime rt = Runtime.getRuntime();
        f.put("heap_used_mb", round((rt.totalMemory() - rt.freeMemory()) / (1024.0 * 1024.0), 1));
        f.put("fees", round(pnl[2], 6));
        f.put("ingest_to_book_ns", percentiles(metrics.ingestToBookTotal()));
        f.put("book_to_strategy_ns", percentiles(metrics.bookToStrategyTotal()));
        f.put("strategy_decision_ns", percentiles(metrics.strategyDecisionTotal()));
        f.put("md_gaps", gaps);
        f.put("md_resyncs", resyncs);
        Map<String, Object> riskRejects = new LinkedHashMap<>();
        long[] byReason = result.risk().rejectsByReason();
        for (RejectReason reason : RejectReason.values()) {
            if (byReason[reason.ordinal()] > 0) {
                riskRejects.put(reason.name(), byReason[reason.ordinal()]);
            }
        }
        f.put("risk_rejects", riskRejects);
        f.put("venue_sessions", venueSessions(result.venues()));
        f.put("reconciliation", result.reconciliation().failed().stream()
                .map(c -> c.name() + ": " + c.left() + " != " + c.right()).toList());
        return new RunSummary(f);
    }

    /** What the venue sessions survived, summed over venues. */
    private static Map<String, Object> venueSessions(List<VenueSession.Stats> venues) {
        long[] sums = new long[11];
        for (VenueSession.Stats v : venues) {
            VenueSession.Faults f = v.faults();
            long[] each = {f.disconnects(), f.reconnects(), f.disconnectedRejects(), f.reconciliations(),
                    f.recoveredReports(), f.duplicateReports(), f.staleReports(), f.unknownOrders(), f.feedStalls(),
                    f.feedStaleMs(), f.feedReconnects()};
            for (int i = 0; i < sums.length; i++) {
                sums[i] += each[i];
            }
        }
        String[] keys = {"disconnects", "reconnects", "orders_rejected_disconnected", "reconciliations",
                "reports_recovered", "reports_duplicate", "reports_stale", "orders_unknown", "feed_stalls",
                "feed_stale_ms", "feed_reconnects"};
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            m.put(keys[i], sums[i]);
        }
        return m;
    }

    public Map<String, Object> fields() {
        return fields;
    }

    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), fields);
    }

    static Map<String, Object> percentiles(Histogram h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", h.getTotalCount());
        m.put("p50", h.getValueAtPercentile(50));
        m.put("p90", h.getValueAtPercentile(90));
        m.put("p99", h.getValueAtPercentile(99));
        m.put("p999", h.getValueAtPercentile(99.9));
        m.put("p9999", h.getValueAtPercentile(99.99));
        m.put("max", h.getMaxValue());
        return m;
    }

    /** Realized, unrealized (marked to each venue's final mid) and fees, in quote currency. */
    static double[] pnl(List<RiskCheck.Position> positions, List<BookUpdate> books, InstrumentRegistry registry) {
        double realized = 0;
        double unrealized = 0;
        double fees = 0;
        for (RiskCheck.Position p : positions) {
            Instrument instrument = registry.get(p.instrumentId());
            realized += instrument.tickLotsToMoney(p.realizedTickLots());
            fees += instrument.tickLotsToMoney(p.feesE6() / 1e6);
            if (p.qtyLots() != 0) {
                double mid = mid(books.get(instrument.symbolIndex()), instrument.id());
                if (!Double.isNaN(mid)) {
                    unrealized += instrument.tickLotsToMoney(p.unrealizedTickLots(mid));
                }
            }
        }
        return new double[] {realized, unrealized, fees};
    }

    private static double mid(BookUpdate book, int instrumentId) {
        for (int v = 0; v < book.venueCount(); v++) {
            if (book.instrumentId(v) == instrumentId) {
                return book.mid(v);
            }
        }
        return Double.NaN;
    }

    /** SHA-256 over every symbol's top 5 levels per venue, symbols in name order. */
    static String digest(List<BookUpdate> books, InstrumentRegistry registry) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            StringBuilder text = new StringBuilder();
            for (BookUpdate book : books) {
                text.setLength(0);
                text.append(book.symbol()).append('\n');
                for (int v = 0; v < book.venueCount(); v++) {
                    text.append(registry.get(book.instrumentId(v)).venue()).append(" B");
                    for (int l = 0; l < book.bidLevels(v); l++) {
                        text.append(' ').append(book.bidPrice(v, l)).append('x').append(book.bidQty(v, l));
                    }
                    text.append(" A");
                    for (int l = 0; l < book.askLevels(v); l++) {
                        text.append(' ').append(book.askPrice(v, l)).append('x').append(book.askQty(v, l));
                    }
                    text.append('\n');
                }
                sha.update(text.toString().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static double round(double v, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(v * scale) / scale;
    }

    /** Reconciliation problems, one line each (empty when the stages agree). */
    public static List<String> problems(Reconciliation reconciliation) {
        return reconciliation.failed().stream().map(c -> c.name() + ": " + c.left() + " != " + c.right()).toList();
    }
}
