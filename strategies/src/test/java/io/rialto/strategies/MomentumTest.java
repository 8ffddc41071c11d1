package io.rialto.strategies;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.rialto.strategies.RecordingContext.buyIoc;
import static io.rialto.strategies.RecordingContext.sellIoc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The momentum strategy on a scripted zig-zag of mids (books one tick either side of each mid), with
 * MACD(3, 6, 3) and RSI(4). Warm-up takes 8 books; the signals below were worked out independently of
 * this code (histogram and RSI per book, listed next to each step).
 */
class MomentumTest {
    private static final int INSTRUMENT = 1;
    /** Books 0-7 warm up; book 7 leaves the MACD histogram negative (-0.079) and the RSI at 26.6. */
    private static final long[] WARM_UP = {100, 99, 100, 98, 99, 97, 98, 96};

    private static Scenario start(double overbought, double oversold, long maxPosition) {
        Map<String, Object> params = new HashMap<>(Map.of("fast-period", 3, "slow-period", 6, "signal-period", 3,
                "rsi-period", 4, "qty", 2, "max-position", maxPosition));
        params.put("rsi-overbought", overbought);
        params.put("rsi-oversold", oversold);
        return Scenario.start(new Momentum.Factory(), params).mids(INSTRUMENT, 1, WARM_UP);
    }

    @Test
    void shouldBuyWhenMacdCrossesAboveSignalAndSellWhenItCrossesBelow() {
        Scenario s = start(100, 0, 20); // RSI levels out of reach: MACD alone
        assertEquals(List.of(), s.sent());
        s.mids(INSTRUMENT, 1, 97); // histogram +0.085: crosses up; buy at the ask
        assertEquals(List.of(buyIoc(1, INSTRUMENT, 98, 2)), s.sent());
        s.fill(1, 2);
        s.mids(INSTRUMENT, 1, 99, 98, 100, 99, 101, 100); // histogram stays positive
        assertEquals(List.of(), s.sent());
        s.mids(INSTRUMENT, 1, 99); // histogram -0.165: crosses down; sell at the bid
        assertEquals(List.of(sellIoc(2, INSTRUMENT, 98, 2)), s.sent());
    }

    @Test
    void shouldSkipABuyWhileRsiIsOverboughtAndSellWhenRsiFallsBackThroughIt() {
        Scenario s = start(35, 0, 20);
        s.mids(INSTRUMENT, 1, 97); // MACD crosses up but the RSI is 40, above 35: no buy
        s.mids(INSTRUMENT, 1, 99, 98, 100, 99, 101, 100);
        assertEquals(List.of(), s.sent());
        s.mids(INSTRUMENT, 1, 99); // MACD crosses down, RSI 45.8 > 0
        assertEquals(List.of(sellIoc(1, INSTRUMENT, 98, 2)), s.sent());
        s.fill(1, 2).mids(INSTRUMENT, 1, 100, 98, 99); // RSI 56.8, 36.9, 48.8: above 35 all along
        assertEquals(List.of(), s.sent());
        s.mids(INSTRUMENT, 1, 97); // RSI 48.8 -> 32.4 crosses down through 35: sell again
        assertEquals(List.of(sellIoc(2, INSTRUMENT, 96, 2)), s.sent());
    }

    @Test
    void shouldBuyWhenRsiLeavesOversoldButNeverPastMaxPositionCountingWorkingOrders() {
        Scenario s = start(90, 50, 4);
        s.mids(INSTRUMENT, 1, 97); // MACD crosses up (RSI 40)
        assertEquals(List.of(buyIoc(1, INSTRUMENT, 98, 2)), s.sent());
        s.mids(INSTRUMENT, 1, 99); // RSI 40 -> 59.6 leaves 50: buy; order 1 still working, 2 + 2 <= 4
        assertEquals(List.of(buyIoc(2, INSTRUMENT, 100, 2)), s.sent());
        s.fill(1, 2).cancelled(2); // long 2, order 2 ended unfilled
        s.mids(INSTRUMENT, 1, 98, 100); // RSI 49.0 -> 65.4 leaves 50 again: 2 + 2 <= 4
        assertEquals(List.of(buyIoc(3, INSTRUMENT, 101, 2)), s.sent());
        s.fill(3, 2); // long 4
        s.mids(INSTRUMENT, 1, 99, 101, 100, 99, 100); // RSI 45.8 -> 56.8 leaves 50, but 4 + 2 > 4
        assertEquals(List.of(), s.sent());
        assertEquals(1, s.ctx.counter("signal-over-limit"));
    }

    @Test
    void shouldRefuseRsiLevelsThatOverlap() {
        Momentum.Factory factory = new Momentum.Factory();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> factory.validate(
                io.rialto.core.spi.StrategyParams.of(factory.params(), Map.of("rsi-oversold", 80))));
        assertTrue(e.getMessage().contains("'rsi-oversold'"), e.getMessage());
    }
}
