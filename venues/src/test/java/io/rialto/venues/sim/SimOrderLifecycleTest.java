package io.rialto.venues.sim;

import com.typesafe.config.ConfigFactory;
import io.rialto.core.book.MatchingBook;
import io.rialto.core.domain.CancelOrder;
import io.rialto.core.domain.ExecType;
import io.rialto.core.domain.ExecutionReport;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.Liquidity;
import io.rialto.core.domain.ModifyOrder;
import io.rialto.core.domain.NewOrder;
import io.rialto.core.domain.OrderType;
import io.rialto.core.domain.RejectReason;
import io.rialto.core.domain.Side;
import io.rialto.core.domain.TimeInForce;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The order lifecycle against the simulated exchange: acknowledgement, partial fill, fill, cancel, modify,
 * reject and a refused cancel, each as the exact reports the venue sends.
 */
class SimOrderLifecycleTest {
    private final SimSettings settings = SimSettings.create(ConfigFactory.parseString(
            "rialto.sim { venues = 1, symbols = 1, venues-per-symbol = 1, md-rate = 0, seed = 3 }")
            .withFallback(ConfigFactory.defaultReference()));
    private final SimulatedVenue venue = new SimulatedVenue(settings, 0, 0);
    private final InstrumentRegistry registry = InstrumentRegistry.of(List.of(venue.name()), venue.listings());
    private final List<ExecutionReport> reports = new ArrayList<>();
    private final SimMarket market = new SimMarket(settings, registry.instruments(), registry.size(), 0, reports::add,
            () -> 1L);
    private final MatchingBook book = market.book(0);
    private long nextId = 1;

    private long submit(Side side, TimeInForce tif, long price, long qty) {
        long id = nextId++;
        market.submit(new NewOrder(id, "s", "a", 0, side, OrderType.LIMIT, tif, price, qty, 0, 0));
        return id;
    }

    /** The reports since the last call, as "TYPE lastQty/leaves". */
    private List<String> taken() {
        List<String> out = reports.stream().map(r -> r.execType() + " " + r.lastQtyLots() + "/" + r.leavesQtyLots()
                + (r.reason() == RejectReason.NONE ? "" : " " + r.reason())).toList();
        reports.clear();
        return out;
    }

    @Test
    void shouldAcknowledgeFillPartlyAndRestTheRest() {
        long ask = book.bestAsk();
        long atAsk = book.levelQty(Side.SELL, ask);
        submit(Side.BUY, TimeInForce.GTC, ask, atAsk + 5);
        assertEquals(ExecType.NEW, reports.get(0).execType());
        assertEquals(atAsk + 5, reports.get(0).leavesQtyLots(), "acknowledged for the whole quantity");
        long filled = 0;
        long leaves = atAsk + 5;
        for (ExecutionReport r : reports.subList(1, reports.size())) {
            assertEquals(ExecType.TRADE, r.execType());
            assertEquals(ask, r.lastPxTicks());
            assertEquals(Liquidity.TAKER, r.liquidity());
            assertEquals(leaves - r.lastQtyLots(), r.leavesQtyLots(), "each fill takes from the open quantity");
            leaves = r.leavesQtyLots();
            filled += r.lastQtyLots();
        }
        assertEquals(atAsk, filled, "the whole level traded");
        assertEquals(5, leaves, "the rest rests");
        assertEquals(5, book.levelQty(Side.BUY, ask));
    }

    @Test
    void shouldModifyARestingOrderAndFillItInFullAgainstAnIncomingOrder() {
        long bid = book.bestBid();
        long id = submit(Side.BUY, TimeInForce.GTC, bid, 5);
        assertEquals(List.of("NEW 0/5"), taken());
        market.modify(new ModifyOrder(id, "s", 0, bid + 1, 4, 0, 0));
        assertEquals(List.of("REPLACED 0/4"), taken());
        assertEquals(bid + 1, book.bestBid(), "it improved the bid");
        submit(Side.SELL, TimeInForce.IOC, bid + 1, 4);
        assertEquals(List.of("NEW 0/4", "TRADE 4/0", "TRADE 4/0"), taken(), "taker filled, then the maker (ours)");
    }

    @Test
    void shouldCancelARestingOrderForItsOpenQuantity() {
        long id = submit(Side.SELL, TimeInForce.GTC, book.bestAsk() + 5, 7);
        market.cancel(new CancelOrder(id, "s", 0, 0));
        assertEquals(List.of("NEW 0/7", "CANCELED 7/0"), taken());
    }

    @Test
    void shouldCancelTheUnfilledRestOfAnImmediateOrCancelOrder() {
        long ask = book.bestAsk();
        long atAsk = book.levelQty(Side.SELL, ask);
        submit(Side.BUY, TimeInForce.IOC, ask, atAsk + 3);
        List<String> out = taken();
        assertEquals("NEW 0/" + (atAsk + 3), out.get(0));
        assertEquals("CANCELED 3/0", out.get(out.size() - 1));
        assertTrue(out.subList(1, out.size() - 1).stream().allMatch(s -> s.startsWith("TRADE")));
    }

    @Test
    void shouldRejectInvalidOrdersAndRefuseACancelOfNoLiveOrder() {
        submit(Side.BUY, TimeInForce.GTC, book.bestBid(), 0);
        submit(Side.BUY, TimeInForce.GTC, 0, 5);
        submit(Side.BUY, TimeInForce.GTX, book.bestAsk(), 5);
        market.cancel(new CancelOrder(99, "s", 0, 0));
        assertEquals(List.of("REJECTED 0/0 INVALID_QTY", "REJECTED 0/0 INVALID_PRICE", "REJECTED 0/0 WOULD_CROSS",
                "CANCEL_REJECTED 0/0 UNKNOWN_ORDER"), taken());
    }

    @Test
    void shouldCancelEveryLivePlatformOrderOnDisconnect() {
        submit(Side.BUY, TimeInForce.GTC, book.bestBid() - 2, 3);
        submit(Side.SELL, TimeInForce.GTC, book.bestAsk() + 2, 4);
        taken();
        market.cancelAllPlatformOrders();
        List<String> out = new ArrayList<>(taken());
        out.sort(null);
        assertEquals(List.of("CANCELED 3/0", "CANCELED 4/0"), out);
        assertEquals(0, market.livePlatformOrders());
    }
}
