package io.rialto.risk;

import io.rialto.core.domain.CancelOrder;
import io.rialto.core.domain.NewOrder;
import io.rialto.core.domain.RejectReason;
import io.rialto.core.domain.RiskScope;
import io.rialto.core.domain.TradingState;
import org.junit.jupiter.api.Test;

import static io.rialto.core.domain.RejectReason.NONE;
import static io.rialto.core.domain.Side.BUY;
import static io.rialto.core.domain.Side.SELL;
import static io.rialto.risk.RiskFixture.SECOND;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Trading states, the kill switch, loss limits and the repeated-execution throttle. */
class RiskStatesTest {

    @Test
    void shouldRejectNewOrdersAndModifiesButNotCancelsAfterAKillSwitch() {
        RiskFixture f = new RiskFixture("cancel-per-second = 100");
        NewOrder open = f.order(1, "A", 0, BUY, 1000, 5);
        assertEquals(NONE, f.send(open));
        assertNull(f.engine.setTradingState(RiskScope.STRATEGY, "s1", TradingState.HALTED));
        assertEquals(RejectReason.KILL_SWITCH, f.send(1, "A", 0, BUY, 1000, 1));
        assertEquals(RejectReason.KILL_SWITCH, f.modify(open, 999, 5));
        assertEquals(NONE, f.engine.checkCancel(new CancelOrder(open.clOrdId(), "s1", 0, 0)));
        assertEquals(NONE, f.send(2, "A", 0, BUY, 1000, 1), "another strategy trades on");
        assertArrayEquals(new long[] {open.clOrdId()}, f.engine.control().openOrderIds(RiskScope.STRATEGY, "s1"));
        assertNull(f.engine.setTradingState(RiskScope.STRATEGY, "s1", TradingState.ACTIVE));
        assertEquals(NONE, f.send(1, "A", 0, BUY, 1000, 1), "an operator re-enabled it");
    }

    @Test
    void shouldHaltEveryScopeTheKillSwitchCovers() {
        RiskFixture f = new RiskFixture("");
        f.engine.setTradingState(RiskScope.VENUE, "V2", TradingState.HALTED);
        assertEquals(RejectReason.KILL_SWITCH, f.send(1, "A", 2, BUY, 1000, 1));
        assertEquals(NONE, f.send(1, "A", 0, BUY, 1000, 1));
        f.engine.setTradingState(RiskScope.INSTRUMENT, "V1:XYZ", TradingState.HALTED);
        assertEquals(RejectReason.KILL_SWITCH, f.send(1, "A", 1, BUY, 1000, 1));
        f.engine.setTradingState(RiskScope.ACCOUNT, "B", TradingState.HALTED);
        assertEquals(RejectReason.KILL_SWITCH, f.send(1, "B", 0, BUY, 1000, 1), "halted before it ever traded");
        assertEquals(NONE, f.send(1, "A", 0, BUY, 1000, 1));
        f.engine.setTradingState(RiskScope.GLOBAL, null, TradingState.HALTED);
        assertEquals(RejectReason.KILL_SWITCH, f.send(1, "A", 0, BUY, 1000, 1));
        assertEquals(2, f.engine.control().openOrderIds(RiskScope.GLOBAL, null).length);
        f.engine.setTradingState(RiskScope.GLOBAL, null, TradingState.ACTIVE);
        assertEquals(NONE, f.send(1, "A", 0, BUY, 1000, 1));
        assertNotNull(f.engine.setTradingState(RiskScope.VENUE, "V9", TradingState.HALTED), "unknown venue");
        assertNotNull(f.engine.setTradingState(RiskScope.STRATEGY, null, TradingState.HALTED), "no target");
    }

    @Test
    void shouldRejectWithTradingHaltedWhenHaltedByConfigurationOrALimitChange() {
        RiskFixture f = new RiskFixture("strategies.s1.trading-state = HALTED");
        assertEquals(RejectReason.TRADING_HALTED, f.send(1, "A", 0, BUY, 1000, 1));
        assertNull(f.engine.updateLimit("accounts.B.trading-state", "HALTED"));
        assertEquals(RejectReason.TRADING_HALTED, f.send(2, "B", 0, BUY, 1000, 1));
        assertNull(f.engine.updateLimit("trading-state", "HALTED"));
        assertEquals(RejectReason.TRADING_HALTED, f.send(3, "C", 0, BUY, 1000, 1), "the firm");
    }

    @Test
    void shouldOnlyLetOrdersThatReduceThePositionThroughWhenReducing() {
        RiskFixture f = new RiskFixture("");
        f.filled(1, "A", 0, BUY, 1000, 10, 0);
        f.engine.setTradingState(RiskScope.STRATEGY, "s1", TradingState.REDUCING);
        assertEquals(RejectReason.TRADING_REDUCING, f.send(1, "A", 0, BUY, 999, 1));
        assertEquals(RejectReason.TRADING_REDUCING, f.send(1, "A", 0, SELL, 1001, 11), "would flip to short");
        assertEquals(RejectReason.TRADING_REDUCING, f.send(1, "A", 1, SELL, 1001, 1), "flat elsewhere");
        NewOrder six = f.order(1, "A", 0, SELL, 1001, 6);
        assertEquals(NONE, f.send(six));
        assertEquals(NONE, f.send(1, "A", 0, SELL, 1001, 4), "10 - 6 - 4 = 0");
        assertEquals(RejectReason.TRADING_REDUCING, f.send(1, "A", 0, SELL, 1001, 1), "worst case counts open");
        assertEquals(NONE, f.modify(six, 1002, 5), "a modify that shrinks passes");
        f.engine.setTradingState(RiskScope.STRATEGY, "s1", TradingState.ACTIVE);
        assertEquals(NONE, f.send(1, "A", 0, BUY, 999, 1));
    }

    @Test
    void shouldHaltAStrategyWhoseDailyLossIsBreachedAndMarkToMid() {
        RiskFixture f = new RiskFixture("max-daily-loss = 5");
        f.filled(1, "A", 0, BUY, 1000, 100, 0);
        f.engine.onMarketPrice(0, 995, 995);
        assertEquals(-5_000_000, f.engine.control().dayPnlE6(RiskScope.STRATEGY, "s1"), "-5.00: at the limit");
        assertEquals(NONE, f.send(1, "A", 1, BUY, 1000, 1));
        f.engine.onMarketPrice(0, 994, 995);
        assertEquals(-5_500_000, f.engine.control().dayPnlE6(RiskScope.STRATEGY, "s1"), "mid 994.5");
        assertEquals(RejectReason.LOSS_LIMIT, f.send(1, "A", 1, BUY, 1000, 1));
        assertEquals(TradingState.HALTED, f.engine.control().tradingState(RiskScope.STRATEGY, "s1"));
        assertEquals(NONE, f.send(2, "A", 1, BUY, 1000, 1), "another strategy");
        f.engine.control().startDay();
        f.engine.setTradingState(RiskScope.STRATEGY, "s1", TradingState.ACTIVE);
        assertEquals(NONE, f.send(1, "A", 1, BUY, 1000, 1), "a new day");
    }

    @Test
    void shouldCountRealizedLossAndFeesAgainstTheAccountLossLimit() {
        RiskFixture f = new RiskFixture("max-account-daily-loss = 1");
        f.filled(1, "A", 0, BUY, 1000, 10, 0);
        f.filled(2, "A", 0, SELL, 995, 10, 0); // account flat, realized -0.50
        assertEquals(NONE, f.send(3, "A", 1, BUY, 1000, 1));
        f.filled(2, "A", 1, BUY, 1000, 1, 50_000_000); // fee of 50 tick-lots = 0.50: -1.00 at the limit
        assertEquals(-1_000_000, f.engine.control().dayPnlE6(RiskScope.ACCOUNT, "A"));
        assertEquals(NONE, f.send(3, "A", 2, BUY, 1000, 1));
        f.filled(2, "A", 1, BUY, 1000, 1, 1_000_000);
        assertEquals(RejectReason.LOSS_LIMIT, f.send(3, "A", 2, BUY, 1000, 1));
        assertEquals(NONE, f.send(3, "B", 2, BUY, 1000, 1));
    }

    @Test
    void shouldHaltAStrategyAfterRepeatedExecutionsUntilReEnabled() {
        RiskFixture f = new RiskFixture("max-fills = 3, fills-window = 1s");
        NewOrder order = f.order(1, "A", 0, BUY, 1000, 100);
        assertEquals(NONE, f.send(order));
        f.fill(order, 1000, 1, 99, 0);
        f.fill(order, 1000, 1, 98, 0);
        f.advance(SECOND - 1);
        f.fill(order, 1000, 1, 97, 0);
        assertEquals(NONE, f.send(1, "A", 1, BUY, 1000, 1), "3 fills in the window: at the limit");
        f.advance(1);
        f.fill(order, 1000, 1, 96, 0);
        assertEquals(NONE, f.send(1, "A", 1, BUY, 1000, 1), "the first fill left the window");
        f.fill(order, 1000, 1, 95, 0);
        assertEquals(NONE, f.send(1, "A", 2, BUY, 1000, 1), "the second fill left too: 3 in the window");
        f.fill(order, 1000, 1, 94, 0);
        assertEquals(RejectReason.REPEATED_EXECUTION, f.send(1, "A", 1, BUY, 1000, 1), "4 within one second");
        f.advance(60 * SECOND);
        assertEquals(RejectReason.REPEATED_EXECUTION, f.send(1, "A", 1, BUY, 1000, 1), "until an operator acts");
        f.engine.setTradingState(RiskScope.STRATEGY, "s1", TradingState.ACTIVE);
        assertEquals(NONE, f.send(1, "A", 1, BUY, 1000, 1));
        f.fill(order, 1000, 1, 93, 0);
        assertEquals(NONE, f.send(1, "A", 1, BUY, 1000, 1), "re-enabling forgot the old fills");
    }
}
