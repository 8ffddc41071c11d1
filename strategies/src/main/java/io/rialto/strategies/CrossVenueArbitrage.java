package io.rialto.strategies;

import io.rialto.core.domain.Side;
import io.rialto.core.spi.BookView;
import io.rialto.core.spi.OrderUpdate;
import io.rialto.core.spi.ParamSpec;
import io.rialto.core.spi.Strategy;
import io.rialto.core.spi.StrategyContext;
import io.rialto.core.spi.BasicStrategyFactory;
import io.rialto.core.spi.StrategyParams;

import java.util.List;

/**
 * Arbitrage of one symbol across the venues listing it (the book has one slot per venue). When a venue's
 * best bid exceeds another venue's best ask by at least {@code threshold-ticks}, it buys on the cheap
 * venue at its ask and sells on the dear one at its bid, both legs IOC limit orders of the same size:
 * {@code qty}, cut to the quantity shown at both prices and to what keeps each venue's position (plus
 * what is still working there) within {@code max-position}. With more than two venues it takes the pair
 * with the widest crossing. One pair at a time: nothing new is sent while a leg is still working.
 *
 * <p>A leg can fail while the other fills; the open exposure is then bounded by {@code max-position} per
 * venue, and a later crossing the other way unwinds it. No hedging of a lone leg is attempted.
 *
 * <p><b>Threading:</b> called on its strategy actor only, one callback at a time (see {@link Strategy}).
 */
public final class CrossVenueArbitrage implements Strategy {
    private final long thresholdTicks;
    private final long qty;
    private final long maxPosition;
    private final WorkingOrders working = new WorkingOrders(2);
    private StrategyContext ctx;

    CrossVenueArbitrage(StrategyParams p) {
        thresholdTicks = p.getLong("threshold-ticks");
        qty = p.getLong("qty");
        maxPosition = p.getLong("max-position");
    }

    @Override
    public void onStart(StrategyContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void onBook(BookView book) {
        if (!working.isEmpty()) {
            return;
        }
        int sellSlot = -1;
        int buySlot = -1;
        long bestEdge = Long.MIN_VALUE;
        for (int a = 0; a < book.venueCount(); a++) {
            if (book.bidLevels(a) == 0) {
                continue;
            }
            for (int b = 0; b < book.venueCount(); b++) {
                if (b == a || book.askLevels(b) == 0) {
                    continue;
                }
                long edge = book.bidPrice(a, 0) - book.askPrice(b, 0);
                if (edge > bestEdge) {
                    bestEdge = edge;
                    sellSlot = a;
                    buySlot = b;
                }
            }
        }
        if (sellSlot < 0 || bestEdge < thresholdTicks) {
            return;
        }
        int buyInstrument = book.instrumentId(buySlot);
        int sellInstrument = book.instrumentId(sellSlot);
        long lots = Math.min(qty, Math.min(book.askQty(buySlot, 0), book.bidQty(sellSlot, 0)));
        lots = Math.min(lots, maxPosition - ctx.position(buyInstrument));
        lots = Math.min(lots, maxPosition + ctx.position(sellInstrument));
        if (lots <= 0) {
            ctx.count("crossing-over-limit", 1);
            return;
        }
        working.take(ctx, buyInstrument, Side.BUY, book.askPrice(buySlot, 0), lots);
        working.take(ctx, sellInstrument, Side.SELL, book.bidPrice(sellSlot, 0), lots);
    }

    @Override
    public void onOrderUpdate(OrderUpdate update) {
        working.onUpdate(update);
    }

    /** Registered as {@code cross-venue-arbitrage}. */
    public static final class Factory extends BasicStrategyFactory {
        public Factory() {
            super("cross-venue-arbitrage", "buys on one venue and sells on another (IOC) when one's bid crosses the other's ask",
                    List.of(
                            ParamSpec.ofLong("threshold-ticks", 1, 1, 1_000_000, "least bid-over-ask edge that trades"),
                            ParamSpec.ofLong("qty", 1, 1, 1_000_000, "largest lots per leg"),
                            ParamSpec.ofLong("max-position", 10, 1, 1_000_000, "largest absolute position per venue")),
                    CrossVenueArbitrage::new);
        }
    }
}
