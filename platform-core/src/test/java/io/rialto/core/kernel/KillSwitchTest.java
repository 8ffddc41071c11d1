package io.rialto.core.kernel;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.rialto.core.config.ConfigLoader;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.NewOrder;
import io.rialto.core.domain.OrderType;
import io.rialto.core.domain.RejectReason;
import io.rialto.core.domain.RiskScope;
import io.rialto.core.domain.Side;
import io.rialto.core.domain.TimeInForce;
import io.rialto.core.domain.TradingState;
import io.rialto.core.metrics.PlatformMetrics;
import io.rialto.core.spi.BookView;
import io.rialto.core.spi.OrderUpdate;
import io.rialto.core.spi.RiskCheck;
import io.rialto.core.spi.RiskProvider;
import io.rialto.core.spi.Strategy;
import io.rialto.core.spi.StrategyContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kill switch through the whole platform: risk halts the scope and every open order in it is cancelled. */
class KillSwitchTest {
    private static final BlockingQueue<String> EVENTS = new LinkedBlockingQueue<>();

    /** Rests three bids on its first book and reports every order event as "id:EVENT". */
    static final class ThreeBids implements Strategy {
        private StrategyContext ctx;
        private boolean sent;

        @Override
        public void onStart(StrategyContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void onBook(BookView book) {
            if (!sent && book.bidLevels(0) > 0) {
                sent = true;
                for (int i = 1; i <= 3; i++) {
                    ctx.submit(book.instrumentId(0), Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
                            book.bidPrice(0, 0) - i, 1);
                }
            }
        }

        @Override
        public void onOrderUpdate(OrderUpdate update) {
            EVENTS.add(ctx.strategyId() + ":" + update.execType()
                    + (update.reason() == RejectReason.NONE ? "" : ":" + update.reason()));
        }
    }

    /** Accepts orders unless a scope covering them is halted; records the state changes. */
    static final class HaltableRisk extends AcceptingRisk implements RiskProvider {
        final List<String> halted = new ArrayList<>();

        @Override
        public String name() {
            return "haltable";
        }

        @Override
        public RiskCheck create(Config config, InstrumentRegistry instruments) {
            return this;
        }

        @Override
        public RejectReason checkNew(NewOrder order) {
            return halted.contains("GLOBAL") || halted.contains("STRATEGY:" + order.strategyId())
                    ? RejectReason.KILL_SWITCH : RejectReason.NONE;
        }

        @Override
        public String setTradingState(RiskScope scope, String target, TradingState state) {
            String key = scope == RiskScope.GLOBAL ? "GLOBAL" : scope + ":" + target;
            if (state == TradingState.HALTED) {
                halted.add(key);
            } else {
                halted.remove(key);
            }
            return null;
        }
    }

    private Platform platform;

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.shutdown();
        }
        EVENTS.clear();
    }

    private Platform start(HaltableRisk risk) {
        Config config = ConfigFactory.parseString("""
                rialto.strategies = [
                  { id = a, kind = three-bids, symbols = [ABC], account = ACC-A }
                  { id = b, kind = three-bids, symbols = [ABC], account = ACC-B }
                ]
                """).withFallback(ConfigLoader.defaults());
        return Platform.start(config, new PlatformMetrics(), null, risk, List.of(ScriptedVenue.resting()),
                new StrategyCatalog(List.of(TestKinds.kind("three-bids", ThreeBids::new))));
    }

    private List<String> take(int n) throws InterruptedException {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String event = EVENTS.poll(10, TimeUnit.SECONDS);
            assertNotNull(event, "event " + (i + 1) + " of " + n + " after " + events);
            events.add(event);
        }
        events.sort(String::compareTo);
        return events;
    }

    @Test
    void shouldHaltEverythingAndCancelEveryOpenOrder() throws Exception {
        HaltableRisk risk = new HaltableRisk();
        platform = start(risk);
        assertEquals(List.of("a:NEW", "a:NEW", "a:NEW", "b:NEW", "b:NEW", "b:NEW"), take(6));
        RiskGate.KillSwitchDone done = platform.killSwitch(RiskScope.GLOBAL, null, "test", "runaway strategy")
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertNull(done.error());
        assertEquals(6, done.cancelsSent());
        assertEquals(List.of("a:CANCELED", "a:CANCELED", "a:CANCELED", "b:CANCELED", "b:CANCELED", "b:CANCELED"),
                take(6));
        assertEquals(List.of("GLOBAL"), risk.halted);
        Platform.Result result = platform.shutdown();
        platform = null;
        assertEquals(0, result.reconciliation().dropped(), result.reconciliation().failed().toString());
        assertEquals(6, result.venues().get(0).canceled());
    }

    @Test
    void shouldCancelOnlyTheOrdersOfTheScope() throws Exception {
        HaltableRisk risk = new HaltableRisk();
        platform = start(risk);
        take(6);
        RiskGate.KillSwitchDone done = platform.killSwitch(RiskScope.STRATEGY, "b", "test", "b misbehaves")
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(3, done.cancelsSent());
        assertEquals(List.of("b:CANCELED", "b:CANCELED", "b:CANCELED"), take(3));
        assertTrue(EVENTS.poll(300, TimeUnit.MILLISECONDS) == null, "strategy a keeps its orders");
        assertEquals(List.of("STRATEGY:b"), risk.halted);
        RiskGate.Outcome reenabled = platform.setTradingState(RiskScope.STRATEGY, "b", TradingState.ACTIVE, "test",
                "fixed").toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertTrue(reenabled.ok());
        assertEquals(List.of(), risk.halted);
    }

    @Test
    void shouldReportARefusedLimitChange() throws Exception {
        platform = start(new HaltableRisk());
        RiskGate.Outcome outcome = platform.updateRiskLimit("max-position", "10", "test")
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertTrue(outcome.error().contains("cannot be changed at run time"), outcome.error());
        take(6); // every order acknowledged before the shutdown cancels them
    }
}
