package io.rialto.venues.replay;

import io.rialto.core.domain.BookSnapshot;
import io.rialto.core.domain.CancelOrder;
import io.rialto.core.domain.ExecutionReport;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.ModifyOrder;
import io.rialto.core.domain.NewOrder;
import io.rialto.core.domain.OrderType;
import io.rialto.core.domain.Side;
import io.rialto.core.domain.TimeInForce;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The queue-position fill model: an order joins the back of its level and fills only after the quantity
 * ahead of it has traded or been cancelled; marketable orders take displayed liquidity.
 */
class ReplayMarketTest {
    private static final int ID = 0;

    private final InstrumentRegistry registry = InstrumentRegistry.of(List.of("X"), List.of(
            new InstrumentRegistry.Listing("X", "S", new BigDecimal("0.01"), BigDecimal.ONE, 1, 1_000_000)));
    private final List<String> reports = new ArrayList<>();
    private final ReplayMarket market = new ReplayMarket(registry, new boolean[] {true}, 0, 0,
            (venue, r) -> reports.add(describe(r)));
    private long seq;
    private long clOrdId;

    ReplayMarketTest() {
        market.snapshot(new BookSnapshot(ID, 0, new long[] {100, 99}, new long[] {10, 20},
                new long[] {101, 102}, new long[] {3, 4}, 0));
    }

    private static String describe(ExecutionReport r) {
        return switch (r.execType()) {
            case NEW -> "ack " + r.clOrdId() + " " + r.leavesQtyLots();
            case TRADE -> "fill " + r.clOrdId() + " " + r.lastQtyLots() + "@" + r.lastPxTicks() + " " + r.liquidity()
                    + " leaves " + r.leavesQtyLots();
            case CANCELED -> "canceled " + r.clOrdId() + " " + r.lastQtyLots();
            case REPLACED -> "replaced " + r.clOrdId() + " " + r.leavesQtyLots() + "@" + r.lastPxTicks();
            case REJECTED -> "rejected " + r.clOrdId() + " " + r.reason();
            case CANCEL_REJECTED -> "cancel-rejected " + r.clOrdId() + " " + r.reason();
            case CONNECTION_LOST -> "connection-lost " + r.clOrdId();
        };
    }

    private long order(Side side, long price, long qty, TimeInForce tif) {
        long id = ++clOrdId;
        market.submit(new NewOrder(id, "s", "A", ID, side, OrderType.LIMIT, tif, price, qty, 0, 0));
        return id;
    }

    private void depth(Side side, long price, long qty) {
        market.depth(ID, ++seq, side, price, qty);
    }

    private void trade(Side aggressor, long price, long qty) {
        market.trade(ID, ++seq, aggressor, price, qty);
    }

    private List<String> reports() {
        List<String> out = List.copyOf(reports);
        reports.clear();
        return out;
    }

    @Test
    void shouldJoinTheBackOfItsLevelAndFillOnlyAfterTheQuantityAheadTraded() {
        long id = order(Side.BUY, 100, 5, TimeInForce.GTC);
        assertEquals(List.of("ack 1 5"), reports());
        assertEquals(10, market.aheadOf(id), "the displayed 10 lots at 100 are ahead of it");

        trade(Side.SELL, 100, 6);                       // works through 6 of the 10 ahead
        depth(Side.BUY, 100, 4);                        // the level shows the trade: not a cancel too
        assertEquals(List.of(), reports());
        assertEquals(4, market.aheadOf(id));

        trade(Side.SELL, 100, 7);                       // 4 ahead, then 3 for us
        assertEquals(List.of("fill 1 3@100 MAKER leaves 2"), reports());
        trade(Side.SELL, 100, 5);
        assertEquals(List.of("fill 1 2@100 MAKER leaves 0"), reports());
        assertEquals(0, market.liveOrders(ID));
    }

    @Test
    void shouldMoveUpWhenQuantityAheadIsCancelledInProportion() {
        long id = order(Side.BUY, 100, 5, TimeInForce.GTC);
        depth(Side.BUY, 100, 20);                       // 10 more join behind it
        assertEquals(10, market.aheadOf(id));
        depth(Side.BUY, 100, 10);                       // 10 cancelled, no trade: half of them were ahead
        assertEquals(5, market.aheadOf(id));
        depth(Side.BUY, 100, 2);                        // 8 more cancelled: 5 x 8 / 10 = 4 of them ahead
        assertEquals(1, market.aheadOf(id));
        reports();
        trade(Side.SELL, 100, 3);
        assertEquals(List.of("fill 1 2@100 MAKER leaves 3"), reports());
    }

    @Test
    void shouldTakeDisplayedLiquidityWhenMarketableAndNotTakeTheSameQuantityTwice() {
        order(Side.BUY, 102, 10, TimeInForce.IOC);
        assertEquals(List.of("ack 1 10", "fill 1 3@101 TAKER leaves 7", "fill 1 4@102 TAKER leaves 3",
                "canceled 1 3"), reports());
        order(Side.BUY, 102, 2, TimeInForce.IOC);       // what the first took is gone until the data updates it
        assertEquals(List.of("ack 2 2", "canceled 2 2"), reports());
        depth(Side.SELL, 101, 5);                       // the level updated: 5 shown
        order(Side.BUY, 101, 2, TimeInForce.GTC);
        assertEquals(List.of("ack 3 2", "fill 3 2@101 TAKER leaves 0"), reports());
    }

    @Test
    void shouldRestTheRemainderOfAMarketableOrderAtTheBackOfItsPrice() {
        long id = order(Side.SELL, 100, 15, TimeInForce.GTC);
        assertEquals(List.of("ack 1 15", "fill 1 10@100 TAKER leaves 5"), reports());
        assertEquals(0, market.aheadOf(id), "nothing else is shown at 100 on the ask");
        trade(Side.BUY, 100, 2);
        assertEquals(List.of("fill 1 2@100 MAKER leaves 3"), reports());
    }

    @Test
    void shouldFillFromTradesThroughItsPriceAndFromLiquidityThatCrossesIt() {
        order(Side.SELL, 104, 5, TimeInForce.GTC);      // better than nothing: rests alone at 104
        trade(Side.BUY, 105, 3);                        // a buyer paid 105: it would have met us first
        assertEquals(List.of("ack 1 5", "fill 1 3@104 MAKER leaves 2"), reports());
        order(Side.BUY, 100, 4, TimeInForce.GTC);       // behind the 10 at 100
        reports();
        depth(Side.SELL, 100, 6);                       // a seller shows 6 at our bid: it would have hit us
        assertEquals(List.of("fill 2 4@100 MAKER leaves 0"), reports());
    }

    @Test
    void shouldKeepItsPlaceOnAReductionAndLoseItOnAPriceChange() {
        long id = order(Side.BUY, 100, 5, TimeInForce.GTC);
        depth(Side.BUY, 100, 30);
        trade(Side.SELL, 100, 4);
        depth(Side.BUY, 100, 26);
        market.modify(new ModifyOrder(id, "s", ID, 100, 3, 0, 0));
        assertEquals(6, market.aheadOf(id), "a smaller quantity at the same price keeps the place");
        market.modify(new ModifyOrder(id, "s", ID, 99, 3, 0, 0));
        assertEquals(20, market.aheadOf(id), "a new price joins the back of that level");
        market.cancel(new CancelOrder(id, "s", ID, 0));
        market.cancel(new CancelOrder(id, "s", ID, 0));
        assertEquals(List.of("ack 1 5", "replaced 1 3@100", "replaced 1 3@99", "canceled 1 3",
                "cancel-rejected 1 UNKNOWN_ORDER"), reports());
    }

    @Test
    void shouldRejectWhatTheVenueCannotTake() {
        order(Side.BUY, 0, 5, TimeInForce.GTC);
        order(Side.BUY, 100, 0, TimeInForce.GTC);
        order(Side.BUY, 101, 1, TimeInForce.GTX);       // post-only that would cross
        order(Side.BUY, 102, 8, TimeInForce.FOK);       // 7 shown up to 102: killed whole
        market.submit(new NewOrder(9, "s", "A", 5, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 1, 1, 0, 0));
        assertEquals(List.of("rejected 1 INVALID_PRICE", "rejected 2 INVALID_QTY", "rejected 3 WOULD_CROSS",
                "ack 4 8", "canceled 4 8", "rejected 9 UNKNOWN_INSTRUMENT"), reports());
    }
}
