package io.rialto.venues.sim;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.rialto.core.config.ConfigLoader;
import io.rialto.core.domain.Instrument;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.OrderType;
import io.rialto.core.domain.RiskScope;
import io.rialto.core.domain.Side;
import io.rialto.core.domain.TimeInForce;
import io.rialto.core.kernel.BookUpdate;
import io.rialto.core.kernel.Platform;
import io.rialto.core.kernel.StrategyCatalog;
import io.rialto.core.kernel.StrategyHost;
import io.rialto.core.kernel.SymbolBook;
import io.rialto.core.kernel.VenueSession;
import io.rialto.core.metrics.PlatformMetrics;
import io.rialto.core.spi.BasicStrategyFactory;
import io.rialto.core.spi.BookView;
import io.rialto.core.spi.RiskCheck;
import io.rialto.core.spi.RiskProvider;
import io.rialto.core.spi.Strategy;
import io.rialto.core.spi.StrategyContext;
import io.rialto.core.spi.ForwardingVenue;
import io.rialto.core.spi.VenueAdapter;
import io.rialto.risk.DefaultRiskProvider;
import io.rialto.risk.RiskEngine;
import io.rialto.venues.ws.WebSocketFeedVenue;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A whole platform on simulated venues that inject faults, with the real risk engine and {@link Drill}
 * strategies that take every order through acknowledgement, partial fill, fill, modify, cancel and reject;
 * and the checks that nothing was lost: every order ended at the platform and at the venue, the shutdown
 * reconciliation agrees, risk holds no reservation, positions, fills and fees equal what the venues filled.
 */
final class FaultDrill {
    static final int STRATEGIES = 4;
    static final int ORDERS_EACH = 120;
    /** Generous: on a loaded 2-core machine the drill strategies once needed more than 60 s to send their orders. */
    private static final Duration WAIT = Duration.ofSeconds(120);

    /** Counted down by each drill strategy once it has sent its orders. */
    static volatile CountDownLatch done = new CountDownLatch(0);
    /** The drill started last: {@link #stopUnfinished} shuts it down if a failed test left it running. */
    private static volatile FaultDrill current;

    final Platform platform;
    /** The venues as the platform has them: {@link #venues}, or each behind a WebSocket feed. */
    final List<VenueAdapter> adapters;
    final List<SimulatedVenue> venues;
    final RiskEngine risk;
    private final List<SimMarket> markets = new ArrayList<>();
    /** What the stages counted, once {@link #finish()} ran. */
    Platform.Result result;
    /** The venues' exchanges, kept to read their counts after the platform (and they) stopped. */
    final List<SimExchange> exchanges = new ArrayList<>();
    private final TestProbe<Object> probe;
    private final long[] seqAtHeal;

    private FaultDrill(Platform platform, List<VenueAdapter> adapters, List<SimulatedVenue> venues,
                       RiskEngine risk) {
        this.platform = platform;
        this.adapters = adapters;
        this.venues = venues;
        this.risk = risk;
        this.probe = TestProbe.create(platform.system());
        this.seqAtHeal = new long[platform.registry().size()];
    }

    /** Starts the platform with these {@code rialto.sim.faults} (HOCON). */
    static FaultDrill start(String faults) {
        return start(faults, "");
    }

    /** Starts the platform with these {@code rialto.sim.faults} and these other {@code rialto.sim} keys (HOCON). */
    static FaultDrill start(String faults, String sim) {
        done = new CountDownLatch(STRATEGIES);
        StringBuilder strategies = new StringBuilder("rialto.strategies = [");
        for (int s = 0; s < STRATEGIES; s++) {
            strategies.append("{ id = drill-").append(s).append(", kind = drill, symbols = [SYM000").append(s)
                    .append("], account = ACC-").append(s % 2).append(" }\n");
        }
        Config config = ConfigFactory.parseString(strategies + "]\n"
                + "rialto.sim { venues = 2, symbols = 4, venues-per-symbol = 2, md-rate = 4000, seed = 11,\n"
                + "  faults { " + faults + " }\n" + sim + " }\n"
                + "rialto.venue-session { circuit-breaker.call-timeout = 500ms, reconcile-interval = 200ms,\n"
                + "  feed-stale-after = 300ms, reconnect { initial-backoff = 20ms, max-backoff = 200ms } }\n"
                + "rialto.risk { max-position = 100000, max-order-qty = 1000 }\n")
                .withFallback(ConfigLoader.defaults()).resolve();
        List<VenueAdapter> adapters = new SimulatedVenueProvider().create(config);
        List<SimulatedVenue> venues = new ArrayList<>();
        for (VenueAdapter adapter : adapters) {
            venues.add((SimulatedVenue) ForwardingVenue.innermost(adapter));
        }
        RiskEngine[] engine = new RiskEngine[1];
        RiskProvider provider = new RiskProvider() {
            @Override
            public String name() {
                return "captured";
            }

            @Override
            public RiskCheck create(Config c, InstrumentRegistry instruments) {
                engine[0] = (RiskEngine) new DefaultRiskProvider().create(c, instruments);
                return engine[0];
            }
        };
        Platform platform = Platform.start(config, new PlatformMetrics(), null, provider,
                adapters, new StrategyCatalog(List.of(new Drill.Factory())));
        FaultDrill drill = new FaultDrill(platform, adapters, venues, engine[0]);
        current = drill;
        for (SimulatedVenue v : venues) {
            drill.markets.add(drill.inspect(v, SimExchange::market));
            drill.exchanges.add(drill.inspect(v, ex -> ex));
        }
        return drill;
    }

    /** A whole drill with these faults: started, the strategies' orders sent, finished and checked. */
    static FaultDrill run(String faults) throws InterruptedException {
        FaultDrill drill = start(faults);
        drill.awaitStrategiesDone();
        drill.finish();
        return drill;
    }

    /**
     * Shuts down the last drill if its test failed before {@link #finish}: a platform left running would load
     * every later test, and its strategies could count down the next drill's latch.
     */
    static void stopUnfinished() {
        FaultDrill drill = current;
        current = null;
        if (drill != null && drill.result == null) {
            drill.result = drill.platform.shutdown();
        }
    }

    /** Runs {@code query} on a venue's exchange, on its thread. */
    <T> T inspect(SimulatedVenue venue, Function<SimExchange, T> query) {
        return AskPattern.<SimExchange.Command, T>ask(venue.exchange(), replyTo -> new SimExchange.Inspect<>(query,
                replyTo), WAIT, platform.system().scheduler()).toCompletableFuture().join();
    }

    void awaitStrategiesDone() throws InterruptedException {
        assertTrue(done.await(WAIT.toSeconds(), TimeUnit.SECONDS), "the drill strategies sent their orders");
    }

    void pauseParticipants(boolean pause) {
        venues.forEach(v -> inspect(v, ex -> {
            ex.pause(pause);
            return pause;
        }));
    }

    /** Switches every fault off from now on (a stall in progress ends); notes each instrument's sequence. */
    void healVenues() {
        for (VenueAdapter adapter : adapters) {
            if (adapter instanceof WebSocketFeedVenue ws) {
                ws.stopDroppingConnections();
            }
        }
        SimFaults none = SimSettings.create(ConfigLoader.defaults()).faults().get(0);
        for (Instrument instrument : platform.registry().instruments()) {
            seqAtHeal[instrument.id()] = inspect(venues.get(instrument.venueIndex()), ex -> {
                ex.faults(none);
                return ex.market().seq(instrument.id());
            });
        }
    }

    /** The venue sessions' counts now. */
    List<VenueSession.Stats> sessions() {
        return platform.venueStats().toCompletableFuture().join();
    }

    TestProbe<Object> probe() {
        return probe;
    }

    /**
     * After the faults are healed: lets the participants trade on until every instrument has published events
     * since (so that a gap left by the last lost batch shows), pauses them, and waits until every book equals
     * its venue's book.
     */
    void awaitBooksEqualVenues() {
        probe.awaitAssert(WAIT, () -> {
            for (Instrument instrument : platform.registry().instruments()) {
                long seq = inspect(venues.get(instrument.venueIndex()), ex -> ex.market().seq(instrument.id()));
                assertTrue(seq > seqAtHeal[instrument.id()] + 1, instrument + " published since the heal");
            }
            return null;
        });
        pauseParticipants(true);
        probe.awaitAssert(WAIT, () -> {
            for (int s = 0; s < platform.books().symbols(); s++) {
                int symbol = s;
                BookUpdate book = AskPattern.<SymbolBook.Command, BookUpdate>ask(platform.books().ref(s),
                        replyTo -> new SymbolBook.GetTop(symbol, 5, replyTo), WAIT, platform.system().scheduler())
                        .toCompletableFuture().join();
                for (int v = 0; v < book.venueCount(); v++) {
                    Instrument instrument = platform.registry().get(book.instrumentId(v));
                    long[] venueTop = inspect(venues.get(instrument.venueIndex()),
                            ex -> top(ex.market(), instrument.id()));
                    assertArrayEquals(venueTop, top(book, v), instrument.symbol() + " on " + instrument.venue()
                            + " (symbol " + symbol + ")");
                }
            }
            return null;
        });
    }

    private static long[] top(SimMarket market, int instrumentId) {
        long[] px = new long[5];
        long[] qty = new long[5];
        long[] out = new long[20];
        int bids = market.book(instrumentId).depth(Side.BUY, px, qty, new int[5], 5);
        for (int l = 0; l < bids; l++) {
            out[2 * l] = px[l];
            out[2 * l + 1] = qty[l];
        }
        int asks = market.book(instrumentId).depth(Side.SELL, px, qty, new int[5], 5);
        for (int l = 0; l < asks; l++) {
            out[10 + 2 * l] = px[l];
            out[10 + 2 * l + 1] = qty[l];
        }
        return out;
    }

    private static long[] top(BookUpdate book, int v) {
        long[] out = new long[20];
        for (int l = 0; l < book.bidLevels(v); l++) {
            out[2 * l] = book.bidPrice(v, l);
            out[2 * l + 1] = book.bidQty(v, l);
        }
        for (int l = 0; l < book.askLevels(v); l++) {
            out[10 + 2 * l] = book.askPrice(v, l);
            out[10 + 2 * l + 1] = book.askQty(v, l);
        }
        return out;
    }

    /**
     * The drill's end: participants stop (so no fill can happen any more but those of orders in flight), the
     * platform shuts down (strategies stop, their orders are cancelled, the stages reconcile), and every check
     * that nothing was lost runs against what the venues did.
     */
    Platform.Result finish() {
        pauseParticipants(true);
        Platform.Result r = platform.shutdown();
        result = r;
        current = null;
        assertEquals(List.of(), r.reconciliation().failed(), "the shutdown reconciliation agrees");
        assertEquals(0, r.reconciliation().dropped());
        for (StrategyHost.Stats s : r.strategies()) {
            assertEquals(0, s.open(), s.strategyId() + ": no order left open or in doubt");
            assertEquals(0, s.unmatchedReports(), s.strategyId() + ": every report fitted its order");
            assertTrue(s.submitted() >= ORDERS_EACH, s.strategyId() + " traded");
        }
        long sessionFills = 0;
        for (VenueSession.Stats v : r.venues()) {
            assertEquals(0, v.open(), v.venue() + ": no order left at the session");
            assertEquals(0, v.unknownReports(), v.venue() + ": no report for no order");
            assertEquals(0, v.faults().unknownOrders(), v.venue() + ": nothing in doubt");
            assertEquals(0, v.faults().unresolved(), v.venue());
            assertEquals(0, v.faults().orphans(), v.venue());
            sessionFills += v.fills();
        }
        assertEquals(0, risk.control().openOrderIds(RiskScope.GLOBAL, null).length, "risk holds no live order");
        long venueFills = 0;
        for (Instrument instrument : platform.registry().instruments()) {
            SimMarket market = markets.get(instrument.venueIndex());
            assertEquals(0, market.livePlatformOrders(), instrument.venue() + ": nothing of ours rests there");
            long qty = 0;
            long fills = 0;
            long fees = 0;
            for (RiskCheck.Position p : r.risk().positions()) {
                if (p.instrumentId() == instrument.id()) {
                    qty += p.qtyLots();
                    fills += p.fills();
                    fees += p.feesE6();
                }
                for (Side side : Side.values()) {
                    assertEquals(0, risk.openQty(p.strategyId(), instrument.id(), side), "nothing reserved");
                }
            }
            String what = instrument.venue() + ":" + instrument.symbol();
            assertEquals(market.platformQty(instrument.id()), qty, what + ": position = what the venue filled");
            assertEquals(market.platformFillCount(instrument.id()), fills, what + ": fills");
            assertEquals(market.platformFeesE6(instrument.id()), fees, what + ": fees");
            venueFills += market.platformFillCount(instrument.id());
        }
        assertEquals(venueFills, sessionFills, "every fill the venues made reached the sessions once");
        assertEquals(venueFills, r.risk().fillsApplied(), "and the position keeper");
        assertEquals(venueFills, r.strategies().stream().mapToLong(StrategyHost.Stats::fills).sum(),
                "and the strategies");
        return r;
    }

    /**
     * Trades one symbol on each of its venues in turn, cycling through: a buy resting at the bid and a sell
     * resting at the ask (filled, often partly, by the participants' marketable orders), a marketable IOC
     * (filled, partly filled and the rest cancelled), a modify of its oldest working order to the touch, and a
     * cancel of its oldest working order. Stops after {@link #ORDERS_EACH} orders.
     */
    static final class Drill implements Strategy {
        private StrategyContext ctx;
        private int actions;
        private int sent;

        @Override
        public void onStart(StrategyContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void onBook(BookView book) {
            if (sent >= ORDERS_EACH) {
                return;
            }
            int slot = actions % book.venueCount();
            if (book.bidLevels(slot) == 0 || book.askLevels(slot) == 0) {
                return;
            }
            int instrument = book.instrumentId(slot);
            long bid = book.bidPrice(slot, 0);
            long ask = book.askPrice(slot, 0);
            long[] working = ctx.openOrders();
            long qty = 1 + actions % 4;
            switch (actions++ % 5) {
                case 0 -> send(working, instrument, Side.BUY, TimeInForce.GTC, bid, qty);
                case 1 -> send(working, instrument, Side.SELL, TimeInForce.GTC, ask, qty);
                case 2 -> send(working, instrument, actions % 2 == 0 ? Side.BUY : Side.SELL, TimeInForce.IOC,
                        actions % 2 == 0 ? ask : bid, qty + 2);
                case 3 -> {
                    if (working.length > 0) {
                        ctx.modify(working[0], bid, 3);
                    }
                }
                default -> {
                    if (working.length > 0) {
                        ctx.cancel(working[0]);
                    }
                }
            }
        }

        private void send(long[] working, int instrument, Side side, TimeInForce tif, long price, long qty) {
            if (working.length >= 8) {
                return;
            }
            ctx.submit(instrument, side, OrderType.LIMIT, tif, price, qty);
            if (++sent == ORDERS_EACH) {
                done.countDown();
            }
        }

        static final class Factory extends BasicStrategyFactory {
            Factory() {
                super("drill", "walks orders through every state", List.of(), p -> new Drill());
            }
        }
    }
}
