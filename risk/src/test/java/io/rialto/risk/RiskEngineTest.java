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
import io.rialto.core.spi.RiskCheck;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RiskEngineTest {
    private static final InstrumentRegistry REGISTRY = InstrumentRegistry.of(List.of("V"), List.of(
            new InstrumentRegistry.Listing("V", "ABC", new BigDecimal("0.01"), BigDecimal.ONE, 2, 500)));

    private long nowNs;
    private final RiskEngine engine = new RiskEngine(RiskSettings.parse("rialto.risk { max-order-qty = 100, "
            + "max-position = 150, max-open-orders = 3, price-collar-percent = 0 }"), REGISTRY, () -> nowNs);
    private long sequence;

    private NewOrder order(int strategy, Side side, long qty) {
        return new NewOrder(ClOrdIds.of(strategy, ++sequence), "s" + strategy, "acc", 0, side, OrderType.LIMIT,
                TimeInForce.GTC, side == Side.BUY ? 1000 : 1001, qty, 0, 0);
    }

    private void fill(NewOrder order, long qty, long leaves) {
        engine.onExecution(ExecutionReport.fill(order.clOrdId(), 0, order.side(), order.priceTicks(), qty, leaves, 0,
                Liquidity.TAKER, 0));
    }

    @Test
    void shouldApplyTheMaximumOrderQuantityAtItsBoundary() {
        assertEquals(RejectReason.NONE, engine.checkNew(order(1, Side.BUY, 99)));
        assertEquals(RejectReason.NONE, engine.checkNew(order(2, Side.BUY, 100)));
        assertEquals(RejectReason.MAX_ORDER_QTY, engine.checkNew(order(3, Side.BUY, 101)));
    }

    @Test
    void shouldApplyTheInstrumentsQuantityRange() {
        assertEquals(RejectReason.QTY_OUT_OF_RANGE, engine.checkNew(order(1, Side.BUY, 1)));
        assertEquals(RejectReason.NONE, engine.checkNew(order(1, Side.BUY, 2)));
        assertEquals(RejectReason.QTY_OUT_OF_RANGE, engine.checkNew(order(1, Side.BUY, 501)));
        assertEquals(RejectReason.QTY_NOT_ON_LOT, engine.checkNew(order(1, Side.BUY, 0)));
    }

    @Test
    void shouldRejectALimitPriceThatIsNotAPositiveNumberOfTicks() {
        NewOrder zero = new NewOrder(ClOrdIds.of(1, 1), "s1", "acc", 0, Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
                0, 10, 0, 0);
        assertEquals(RejectReason.PRICE_NOT_ON_TICK, engine.checkNew(zero));
    }

    @Test
    void shouldCountOpenOrdersAsIfFilledAgainstThePositionLimit() {
        assertEquals(RejectReason.NONE, engine.checkNew(order(1, Side.BUY, 100)));
        assertEquals(RejectReason.NONE, engine.checkNew(order(1, Side.BUY, 50)), "100 + 50 = 150: at the limit");
        assertEquals(RejectReason.POSITION_LIMIT, engine.checkNew(order(1, Side.BUY, 2)), "152 is over");
        assertEquals(RejectReason.NONE, engine.checkNew(order(1, Side.SELL, 100)), "sells are checked on their side");
        assertEquals(RejectReason.NONE, engine.checkNew(order(2, Side.BUY, 100)), "limits are per strategy");
    }

    @Test
    void shouldMoveFromOpenOrdersToPositionOnFills() {
        NewOrder buy = order(1, Side.BUY, 100);
        engine.checkNew(buy);
        fill(buy, 100, 0);
        assertEquals(100, engine.positions().get(0).qtyLots());
        assertEquals(0, engine.openQty("s1", 0, Side.BUY));
        assertEquals(RejectReason.NONE, engine.checkNew(order(1, Side.BUY, 50)), "100 held + 50 open = 150");
        assertEquals(RejectReason.POSITION_LIMIT, engine.checkNew(order(1, Side.BUY, 2)));
        assertEquals(RejectReason.NONE, engine.checkNew(order(1, Side.SELL, 100)), "reducing is always room");
    }

    @Test
    void shouldReleaseWhatACancelledOrRejectedOrderHeld() {
        NewOrder a = order(1, Side.BUY, 100);
        NewOrder b = order(1, Side.BUY, 50);
        engine.checkNew(a);
        engine.checkNew(b);
        engine.onExecution(ExecutionReport.canceled(a.clOrdId(), 0, Side.BUY, 100, 0));
        engine.onExecution(ExecutionReport.rejected(b.clOrdId(), 0, Side.BUY, RejectReason.WOULD_CROSS, 0));
        assertEquals(0, engine.openQty("s1", 0, Side.BUY));
        assertEquals(0, engine.openOrders(1));
    }

    @Test
    void shouldReleaseAnOrderThatNeverReachedItsVenue() {
        NewOrder a = order(1, Side.BUY, 100);
        engine.checkNew(a);
        engine.onNotSent(a.clOrdId());
        assertEquals(0, engine.openQty("s1", 0, Side.BUY));
        assertEquals(0, engine.openOrders(1));
    }

    @Test
    void shouldApplyTheMaximumOpenOrdersPerStrategy() {
        NewOrder first = order(1, Side.BUY, 2);
        engine.checkNew(first);
        engine.checkNew(order(1, Side.BUY, 2));
        assertEquals(RejectReason.NONE, engine.checkNew(order(1, Side.BUY, 2)), "the third is at the limit");
        assertEquals(RejectReason.MAX_OPEN_ORDERS, engine.checkNew(order(1, Side.BUY, 2)));
        assertEquals(RejectReason.NONE, engine.checkNew(order(2, Side.BUY, 2)), "another strategy has its own");
        fill(first, 2, 0);
        assertEquals(RejectReason.NONE, engine.checkNew(order(1, Side.BUY, 2)), "a filled order frees its place");
    }

    @Test
    void shouldCheckTheQuantityAddedByAModify() {
        NewOrder a = order(1, Side.BUY, 60);
        engine.checkNew(a);
        engine.checkNew(order(1, Side.BUY, 80));
        assertEquals(RejectReason.NONE, engine.checkModify(new ModifyOrder(a.clOrdId(), "s1", 0, 999, 70, 0, 0)),
                "60 -> 70 makes 150: at the limit");
        assertEquals(RejectReason.POSITION_LIMIT,
                engine.checkModify(new ModifyOrder(a.clOrdId(), "s1", 0, 999, 71, 0, 0)));
        assertEquals(RejectReason.MAX_ORDER_QTY,
                engine.checkModify(new ModifyOrder(a.clOrdId(), "s1", 0, 999, 101, 0, 0)));
        assertEquals(RejectReason.UNKNOWN_ORDER,
                engine.checkModify(new ModifyOrder(12345, "s1", 0, 999, 10, 0, 0)));
    }

    @Test
    void shouldFollowAReplaceInTheOpenQuantity() {
        NewOrder a = order(1, Side.BUY, 100);
        engine.checkNew(a);
        engine.onExecution(ExecutionReport.replaced(a.clOrdId(), 0, Side.BUY, 999, 40, 0));
        assertEquals(40, engine.openQty("s1", 0, Side.BUY));
    }

    @Test
    void shouldKeepRealizedPnlAndFeesPerStrategy() {
        NewOrder buy = order(1, Side.BUY, 10);
        engine.checkNew(buy);
        engine.onExecution(ExecutionReport.fill(buy.clOrdId(), 0, Side.BUY, 1000, 10, 0, 500, Liquidity.TAKER, 0));
        NewOrder sell = order(1, Side.SELL, 10);
        engine.checkNew(sell);
        engine.onExecution(ExecutionReport.fill(sell.clOrdId(), 0, Side.SELL, 1010, 10, 0, -200, Liquidity.MAKER,
                0));
        RiskCheck.Position p = engine.positions().get(0);
        assertEquals(0, p.qtyLots());
        assertEquals(100, p.realizedTickLots());
        assertEquals(300, p.feesE6());
        assertEquals(2, engine.fillsApplied());
    }
}
