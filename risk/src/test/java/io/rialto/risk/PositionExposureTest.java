package io.rialto.risk;

import io.rialto.core.domain.Side;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link PositionTable#reserve} moves the cached exposure incrementally; a table that recomputes every slot
 * from scratch after each step ({@link PositionTable#refresh}) must read the same everywhere.
 */
class PositionExposureTest {
    @Test
    void shouldKeepIncrementalExposureEqualToRecomputedOverRandomOrdersFillsAndMarks() {
        for (long seed = 1; seed <= 50; seed++) {
            Random random = new Random(seed);
            Market market = new Market(RiskFixture.REGISTRY);
            Scopes holdersA = new Scopes("account");
            Scopes holdersB = new Scopes("account");
            PositionTable incremental = new PositionTable(holdersA, market, 3, null, true);
            PositionTable recomputed = new PositionTable(holdersB, market, 3, null, true);
            long[] defaults = new long[Limit.COUNT];
            for (int h = 0; h < 3; h++) {
                holdersA.add("A" + h, defaults, null, 0);
                holdersB.add("A" + h, defaults, null, 0);
            }
            for (int step = 0; step < 2_000; step++) {
                int h = random.nextInt(3);
                int instrument = random.nextInt(3);
                int s = incremental.slot(h, instrument);
                assertEquals(s, recomputed.slot(h, instrument));
                int side = random.nextInt(2);
                long qty = 1 + random.nextInt(50);
                long price = 900 + random.nextInt(200);
                switch (random.nextInt(4)) {
                    case 0, 1 -> {
                        long sign = random.nextInt(3) == 0 ? -1 : 1; // releases as well as reservations
                        long notional = market.moneyE6(instrument, price * qty) * sign;
                        incremental.reserve(s, side, qty * sign, notional);
                        recomputed.reserve(s, side, qty * sign, notional);
                    }
                    case 2 -> {
                        Side fillSide = side == 0 ? Side.BUY : Side.SELL;
                        incremental.onFill(s, fillSide, price, qty, 10);
                        recomputed.onFill(s, fillSide, price, qty, 10);
                    }
                    default -> {
                        market.bidTicks[instrument] = price - 5;
                        market.askTicks[instrument] = price + 5;
                        incremental.remark(instrument);
                        recomputed.remark(instrument);
                    }
                }
                for (int r = 0; r < recomputed.size; r++) {
                    recomputed.refresh(r);
                }
                for (int r = 0; r < recomputed.size; r++) {
                    for (int sd = 0; sd < 2; sd++) {
                        long add = random.nextInt(1_000_000);
                        String at = "seed " + seed + " step " + step + " slot " + r;
                        assertEquals(recomputed.grossAfter(r, sd, add), incremental.grossAfter(r, sd, add), at);
                        assertEquals(recomputed.netAfter(r, sd, add), incremental.netAfter(r, sd, add), at);
                    }
                }
                for (int e = 0; e < 3; e++) {
                    assertEquals(holdersB.grossE6[e], holdersA.grossE6[e]);
                    assertEquals(holdersB.longE6[e], holdersA.longE6[e]);
                    assertEquals(holdersB.shortE6[e], holdersA.shortE6[e]);
                    assertEquals(holdersB.pnlE6[e], holdersA.pnlE6[e]);
                }
            }
        }
    }
}
