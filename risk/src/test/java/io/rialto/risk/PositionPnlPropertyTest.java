package io.rialto.risk;

import io.rialto.core.domain.NewOrder;
import io.rialto.core.domain.RiskScope;
import io.rialto.core.domain.Side;
import io.rialto.core.spi.RiskCheck.Position;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Positions and P&amp;L against a straightforward reference calculator (average cost in exact decimals) on
 * random fill sequences: quantity and fees exactly; realized P&amp;L within the integer rounding the ledger
 * documents (less than one tick-lot per reducing fill, and exact whenever the position is flat); realized +
 * unrealized exactly, since rounding only moves value between the two; and the strategy's day P&amp;L in money.
 */
class PositionPnlPropertyTest {
    private static final MathContext MC = MathContext.DECIMAL128;

    /** The reference: one holder, one instrument, average cost, fractions kept. */
    private static final class Reference {
        long qty;
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal realized = BigDecimal.ZERO;
        long fees;

        void fill(Side side, long price, long lots, long feeE6) {
            fees += feeE6;
            long signed = side == Side.BUY ? lots : -lots;
            if (qty == 0 || Long.signum(qty) == Long.signum(signed)) {
                qty += signed;
                cost = cost.add(BigDecimal.valueOf(signed * price));
                return;
            }
            long closing = Math.min(Math.abs(signed), Math.abs(qty));
            BigDecimal average = cost.divide(BigDecimal.valueOf(qty), MC);
            long closedSigned = qty > 0 ? closing : -closing;
            realized = realized.add(BigDecimal.valueOf(closedSigned).multiply(BigDecimal.valueOf(price)
                    .subtract(average)));
            cost = cost.subtract(average.multiply(BigDecimal.valueOf(closedSigned)));
            qty += signed;
            if (Math.abs(signed) > closing) {
                cost = BigDecimal.valueOf(qty * price);
            } else if (qty == 0) {
                cost = BigDecimal.ZERO;
            }
        }
    }

    @Test
    void shouldMatchTheReferenceCalculatorOnRandomFills() {
        for (int run = 0; run < 200; run++) {
            long seed = 0x5eedL * 7919 + run;
            try {
                runOnce(seed);
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
            }
        }
    }

    private void runOnce(long seed) {
        Random random = new Random(seed);
        RiskFixture f = new RiskFixture("");
        Reference reference = new Reference();
        int reducingFills = 0;
        for (int step = 0; step < 60; step++) {
            Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            long price = 900 + random.nextInt(200);
            long lots = 1 + random.nextInt(random.nextInt(10) == 0 ? 500 : 30);
            long fee = random.nextInt(2_000_000) - 400_000;
            if (reference.qty != 0 && Long.signum(reference.qty) != side.sign()) {
                reducingFills += 2; // both fills of the order may reduce
            }
            NewOrder order = f.order(1, "A", 0, side, price, lots);
            f.engine.onMarketPrice(0, Long.MIN_VALUE, Long.MIN_VALUE);
            assertEquals(io.rialto.core.domain.RejectReason.NONE, f.send(order));
            long half = lots / 2;
            if (half > 0) {
                f.fill(order, price, half, lots - half, fee);
                reference.fill(side, price, half, fee);
            }
            f.fill(order, price, lots - half, 0, 0);
            reference.fill(side, price, lots - half, 0);
            long bid = 900 + random.nextInt(200);
            long ask = bid + random.nextInt(5);
            f.engine.onMarketPrice(0, bid, ask);

            Position p = f.engine.positions().get(0);
            assertEquals(reference.qty, p.qtyLots(), "quantity at step " + step);
            assertEquals(reference.fees, p.feesE6(), "fees at step " + step);
            BigDecimal realizedError = BigDecimal.valueOf(p.realizedTickLots()).subtract(reference.realized).abs();
            assertTrue(realizedError.compareTo(BigDecimal.valueOf(Math.max(1, reducingFills))) < 0,
                    "realized " + p.realizedTickLots() + " vs " + reference.realized + " at step " + step);
            if (reference.qty == 0) {
                reducingFills = 0;
                assertEquals(0, reference.realized.setScale(0, java.math.RoundingMode.HALF_EVEN)
                        .subtract(reference.realized).abs().compareTo(new BigDecimal("0.000001")) > 0 ? 1 : 0,
                        "the reference realizes whole tick-lots when flat");
                assertEquals(reference.realized.setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact(),
                        p.realizedTickLots(), "exact when flat, step " + step);
            }
            BigDecimal mid = BigDecimal.valueOf(bid + ask).divide(BigDecimal.valueOf(2));
            BigDecimal referenceTotal = reference.realized.add(mid.multiply(BigDecimal.valueOf(reference.qty))
                    .subtract(reference.cost));
            BigDecimal total = BigDecimal.valueOf(p.realizedTickLots())
                    .add(BigDecimal.valueOf(p.unrealizedTickLots((bid + ask) / 2.0)));
            assertTrue(total.subtract(referenceTotal).abs().compareTo(new BigDecimal("0.0001")) < 0,
                    "realized + unrealized " + total + " vs " + referenceTotal + " at step " + step);
            // money: one tick-lot is 0.01 = 10,000 micro-units; fees are millionths of a tick-lot
            BigDecimal moneyE6 = referenceTotal.multiply(BigDecimal.valueOf(10_000))
                    .subtract(BigDecimal.valueOf(reference.fees).divide(BigDecimal.valueOf(100)));
            long engineMoneyE6 = f.engine.control().dayPnlE6(RiskScope.STRATEGY, "s1");
            assertTrue(BigDecimal.valueOf(engineMoneyE6).subtract(moneyE6).abs().compareTo(BigDecimal.valueOf(2)) <= 0,
                    "P&L in money " + engineMoneyE6 + " vs " + moneyE6 + " at step " + step);
        }
    }
}
