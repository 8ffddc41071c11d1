package io.rialto.core.kernel;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.rialto.core.config.ConfigLoader;
import io.rialto.core.domain.ExecType;
import io.rialto.core.domain.ExecutionReport;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.OrderStatus;
import io.rialto.core.domain.OrderType;
import io.rialto.core.domain.Side;
import io.rialto.core.domain.TimeInForce;
import io.rialto.core.metrics.PlatformMetrics;
import io.rialto.core.position.PositionLedger;
import io.rialto.core.spi.BookView;
import io.rialto.core.spi.OrderUpdate;
import io.rialto.core.spi.RiskCheck;
import io.rialto.core.spi.RiskProvider;
import io.rialto.core.spi.Strategy;
import io.rialto.core.spi.StrategyContext;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One tick through the whole platform: venue feed → ingestion → SymbolBook → strategy → risk → venue →
 * execution reports → risk (position) → strategy, then a graceful shutdown that reconciles.
 */
class OneTickEndToEndTest {

    /** What the strategy saw, in order; the platform runs it on its own actor system. */
    private static final BlockingQueue<Object> SEEN = new LinkedBlockingQueue<>();

    /** Buys 3 lots at the best ask on its first book, once. */
    static final class BuyOnce implements Strategy {
        private StrategyContext ctx;
        private boolean sent;

        @Override
        public void onStart(StrategyContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void onBook(BookView book) {
            if (!sent && book.askLevels(0) > 0) {
                sent = true;
                SEEN.add("book ask " + book.askPrice(0, 0) + " x " + book.askQty(0, 0));
                ctx.submit(book.instrumentId(0), Side.BUY, OrderType.LIMIT, TimeInForce.IOC, book.askPrice(0, 0), 3);
            }
        }

        @Override
        public void onOrderUpdate(OrderUpdate update) {
            SEEN.add(update);
            if (update.status() == OrderStatus.FILLED) {
                SEEN.add("position " + ctx.position(update.instrumentId()));
                // bought 3 at 100.05 with the book at 100.00 / 100.05: marked to the 100.025 mid
                SEEN.add("unrealized " + ctx.unrealizedPnlTickLots(update.instrumentId()));
            }
        }
    }

    /** Accepts every order; keeps positions with the platform's ledger. */
    static final class LedgerRisk extends AcceptingRisk implements RiskProvider {
        private final PositionLedger ledger = new PositionLedger(1);
        private long fills;

        @Override
        public String name() {
            return "ledger";
        }

        @Override
        public RiskCheck create(Config config, InstrumentRegistry instruments) {
            return this;
        }

        @Override
        public void onExecution(ExecutionReport report) {
            if (report.execType() == ExecType.TRADE) {
                fills++;
                ledger.onFill(report.instrumentId(), report.side(), report.lastPxTicks(), report.lastQtyLots(),
                        report.feeE6());
            }
        }

        @Override
        public List<Position> positions() {
            return List.of(new Position("buyer", "A1", 0, ledger.qty(0), ledger.cost(0), ledger.realized(0),
                    ledger.fees(0), ledger.fills(0)));
        }

        @Override
        public long fillsApplied() {
            return fills;
        }
    }

    @Test
    void shouldCarryOneTickFromVenueToFillAndPosition() throws InterruptedException {
        Config config = ConfigFactory.parseString("""
                rialto.strategies = [{ id = buyer, kind = buy-once, symbols = [ABC], account = A1 }]
                """).withFallback(ConfigLoader.defaults());
        Platform platform = Platform.start(config, new PlatformMetrics(), null, new LedgerRisk(),
                List.of(new ScriptedVenue()), new StrategyCatalog(List.of(TestKinds.kind("buy-once", BuyOnce::new))));
        Object firstBook = SEEN.poll(10, TimeUnit.SECONDS);
        // conflation may fold the update into the first book the strategy sees: either version is right
        assertTrue(List.of("book ask 10005 x 7", "book ask 10005 x 9").contains(firstBook), "saw " + firstBook);
        OrderUpdate ack = (OrderUpdate) SEEN.poll(10, TimeUnit.SECONDS);
        assertNotNull(ack, "acknowledged");
        assertEquals(ExecType.NEW, ack.execType());
        OrderUpdate fill = (OrderUpdate) SEEN.poll(10, TimeUnit.SECONDS);
        assertNotNull(fill, "filled");
        assertEquals(ExecType.TRADE, fill.execType());
        assertEquals(OrderStatus.FILLED, fill.status());
        assertEquals(10005, fill.lastPxTicks());
        assertEquals(3, fill.lastQtyLots());
        assertEquals("position 3", SEEN.poll(10, TimeUnit.SECONDS));
        assertEquals("unrealized -7.5", SEEN.poll(10, TimeUnit.SECONDS));

        Platform.Result result = platform.shutdown();
        assertEquals(0, result.reconciliation().dropped(), result.reconciliation().failed().toString());
        assertEquals(3, result.risk().positions().get(0).qtyLots(), "the position keeper holds the fill");
        assertEquals(1, result.risk().fillsApplied());
        assertEquals(1, result.venues().get(0).fills());
        assertEquals(2, result.books().get(0).events(), "a snapshot and a depth update reached the book");
        BookUpdate finalBook = result.finalBooks().get(0);
        assertEquals(9, finalBook.askQty(0, 0), "the depth update after the snapshot was applied");
        assertEquals(1, result.strategies().get(0).filled());
    }

    @Test
    void shouldRunAStrategyDeclaredByItsClassName() throws InterruptedException {
        Config config = ConfigFactory.parseString("""
                rialto.strategies = [{ id = by-class, kind = io.rialto.core.kernel.ClassDeclaredStrategy,
                                       symbols = [ABC], account = A1 }]
                """).withFallback(ConfigLoader.defaults());
        Platform platform = Platform.start(config, new PlatformMetrics(), null, new LedgerRisk(),
                List.of(new ScriptedVenue()), new StrategyCatalog(List.of()));
        try {
            assertEquals("by-class:NEW", ClassDeclaredStrategy.EVENTS.poll(10, TimeUnit.SECONDS));
            assertEquals("by-class:TRADE", ClassDeclaredStrategy.EVENTS.poll(10, TimeUnit.SECONDS));
        } finally {
            platform.shutdown();
        }
    }

    @Test
    void shouldNameAClassThatIsNoStrategy() {
        Config config = ConfigFactory.parseString("""
                rialto.strategies = [{ id = bad, kind = java.lang.String, symbols = [ABC], account = A1 }]
                """).withFallback(ConfigLoader.defaults());
        io.rialto.core.config.ConfigError e = org.junit.jupiter.api.Assertions.assertThrows(
                io.rialto.core.config.ConfigError.class, () -> Platform.start(config, new PlatformMetrics(), null,
                        new LedgerRisk(), List.of(new ScriptedVenue()), new StrategyCatalog(List.of())));
        assertTrue(e.getMessage().contains("strategy bad: java.lang.String is neither a StrategyFactory nor a"
                + " Strategy"), e.getMessage());
    }
}
