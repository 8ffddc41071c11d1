package io.rialto.risk;

import io.rialto.core.domain.ClOrdIds;
import io.rialto.core.domain.ExecutionReport;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.Liquidity;
import io.rialto.core.domain.ModifyOrder;
import io.rialto.core.domain.NewOrder;
import io.rialto.core.domain.OrderType;
import io.rialto.core.domain.RejectReason;
import io.rialto.core.domain.Side;
import io.rialto.core.domain.TimeInForce;

import java.math.BigDecimal;
import java.util.List;

/**
 * An engine over three instruments (0 = V1:ABC, 1 = V1:XYZ, 2 = V2:ABC; tick 0.01, lot 1, so one tick-lot is
 * 0.01 of money and 1000 ticks x 10 lots is 100.00) with a clock the test drives. Strategy {@code n} is
 * "s{n}" and sends clOrdIds with strategy index n. The collar is off unless a test turns it on.
 */
final class RiskFixture {
    static final InstrumentRegistry REGISTRY = InstrumentRegistry.of(List.of("V1", "V2"), List.of(
            new InstrumentRegistry.Listing("V1", "ABC", new BigDecimal("0.01"), BigDecimal.ONE, 1, 10_000),
            new InstrumentRegistry.Listing("V1", "XYZ", new BigDecimal("0.01"), BigDecimal.ONE, 1, 10_000),
            new InstrumentRegistry.Listing("V2", "ABC", new BigDecimal("0.01"), BigDecimal.ONE, 1, 10_000)));
    static final long SECOND = 1_000_000_000L;

    long nowNs = 5 * SECOND;
    final RiskEngine engine;
    private long sequence;

    RiskFixture(String hocon) {
        engine = new RiskEngine(RiskSettings.parse("rialto.risk { price-collar-percent = 0, max-position = 100000, "
                + "max-order-qty = 10000, max-open-orders = 1000\n" + hocon + "\n}"), REGISTRY, () -> nowNs);
    }

    NewOrder order(int strategy, String account, int instrument, Side side, long priceTicks, long qtyLots) {
        return new NewOrder(ClOrdIds.of(strategy, ++sequence), "s" + strategy, account, instrument, side,
                OrderType.LIMIT, TimeInForce.GTC, priceTicks, qtyLots, 0, 0);
    }

    NewOrder market(int strategy, String account, int instrument, Side side, long qtyLots) {
        return new NewOrder(ClOrdIds.of(strategy, ++sequence), "s" + strategy, account, instrument, side,
                OrderType.MARKET, TimeInForce.IOC, 0, qtyLots, 0, 0);
    }

    RejectReason send(NewOrder order) {
        return engine.checkNew(order);
    }

    RejectReason send(int strategy, String account, int instrument, Side side, long priceTicks, long qtyLots) {
        return engine.checkNew(order(strategy, account, instrument, side, priceTicks, qtyLots));
    }

    RejectReason modify(NewOrder order, long priceTicks, long qtyLots) {
        return engine.checkModify(new ModifyOrder(order.clOrdId(), order.strategyId(), order.instrumentId(),
                priceTicks, qtyLots, 0, 0));
    }

    /** Sends an order, which must pass, and fills it completely at its price. */
    NewOrder filled(int strategy, String account, int instrument, Side side, long priceTicks, long qtyLots,
                    long feeE6) {
        NewOrder order = order(strategy, account, instrument, side, priceTicks, qtyLots);
        RejectReason reason = engine.checkNew(order);
        if (reason != RejectReason.NONE) {
            throw new AssertionError("order refused: " + reason);
        }
        fill(order, priceTicks, qtyLots, 0, feeE6);
        return order;
    }

    void fill(NewOrder order, long priceTicks, long qtyLots, long leavesLots, long feeE6) {
        engine.onExecution(ExecutionReport.fill(order.clOrdId(), order.instrumentId(), order.side(), priceTicks,
                qtyLots, leavesLots, feeE6, Liquidity.TAKER, 0));
    }

    void cancelled(NewOrder order) {
        engine.onExecution(ExecutionReport.canceled(order.clOrdId(), order.instrumentId(), order.side(), 0, 0));
    }

    void advance(long ns) {
        nowNs += ns;
    }
}
