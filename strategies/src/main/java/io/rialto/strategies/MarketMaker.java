package io.rialto.strategies;

import io.rialto.core.domain.ExecType;
import io.rialto.core.domain.OrderType;
import io.rialto.core.domain.Side;
import io.rialto.core.domain.TimeInForce;
import io.rialto.core.spi.BookView;
import io.rialto.core.spi.OrderUpdate;
import io.rialto.core.spi.ParamSpec;
import io.rialto.core.spi.Strategy;
import io.rialto.core.spi.StrategyContext;
import io.rialto.core.spi.BasicStrategyFactory;
import io.rialto.core.spi.StrategyParams;

import java.util.List;

/**
 * Quotes both sides around the mid of the first venue listing its symbol, skewing both quotes
 * against its inventory and withdrawing the side that would grow inventory past its maximum. Keeps
 * at most one bid and one ask; moves them with a modify when the wanted price moves by
 * {@code requote-ticks} or more. Quotes never cross the opposite best price: a bid stays at least one tick
 * below the best ask and an ask one tick above the best bid, whatever the skew. A side is quoted only while
 * a full fill of it keeps the inventory within {@code max-inventory}; otherwise its quote is cancelled.
 *
 * <p><b>Threading:</b> called on its strategy actor only, one callback at a time (see {@link Strategy}).
 */
public final class MarketMaker implements Strategy {
    private static final long NONE = 0;

    private final long qty;
    private final double halfSpreadTicks;
    private final double skewTicksPerLot;
    private final long maxInventory;
    private final long requoteTicks;
    private StrategyContext ctx;
    /** Live quote per side (index {@link Side#ordinal()}), {@link #NONE} when there is none. */
    private final long[] quoteId = {NONE, NONE};
    /** The price last asked for each quote (by submit or modify). */
    private final long[] quotePrice = new long[2];
    /** Whether a cancel of the side's quote is on its way (it is not asked for twice). */
    private final boolean[] cancelPending = new boolean[2];

    MarketMaker(StrategyParams p) {
        qty = p.getLong("qty");
        halfSpreadTicks = p.getLong("spread-ticks") / 2.0;
        skewTicksPerLot = p.getDouble("skew-ticks-per-lot");
        maxInventory = p.getLong("max-inventory");
        requoteTicks = p.getLong("requote-ticks");
    }

    @Override
    public void onStart(StrategyContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void onBook(BookView book) {
        if (book.bidLevels(0) == 0 || book.askLevels(0) == 0) {
            return;
        }
        int instrument = book.instrumentId(0);
        long bestBid = book.bidPrice(0, 0);
        long bestAsk = book.askPrice(0, 0);
        double mid = (bestBid + bestAsk) / 2.0;
        long inventory = ctx.position(instrument);
        double skew = inventory * skewTicksPerLot;
        long wantBid = Math.min(bestAsk - 1, (long) Math.floor(mid - halfSpreadTicks - skew));
        long wantAsk = Math.max(bestBid + 1, (long) Math.ceil(mid + halfSpreadTicks - skew));
        quote(instrument, Side.BUY, wantBid, inventory + qty <= maxInventory);
        quote(instrument, Side.SELL, wantAsk, inventory - qty >= -maxInventory);
    }

    private void quote(int instrument, Side side, long wanted, boolean allowed) {
        int s = side.ordinal();
        if (!allowed || wanted <= 0) {
            if (quoteId[s] != NONE && !cancelPending[s]) {
                cancelPending[s] = ctx.cancel(quoteId[s]);
            }
            return;
        }
        if (cancelPending[s]) {
            return; // wait for the cancel to finish before quoting this side again
        }
        if (quoteId[s] == NONE) {
            quoteId[s] = ctx.submit(instrument, side, OrderType.LIMIT, TimeInForce.GTC, wanted, qty);
            quotePrice[s] = wanted;
        } else if (Math.abs(quotePrice[s] - wanted) >= requoteTicks && ctx.modify(quoteId[s], wanted, qty)) {
            quotePrice[s] = wanted;
        }
    }

    @Override
    public void onOrderUpdate(OrderUpdate update) {
        int s = update.side().ordinal();
        if (update.clOrdId() != quoteId[s]) {
            return;
        }
        if (update.status().isTerminal()) {
            quoteId[s] = NONE;
            cancelPending[s] = false;
        } else if (update.execType() == ExecType.CANCEL_REJECTED) {
            quotePrice[s] = update.priceTicks(); // the modify did not happen: the quote stays where it was
        }
    }

    /** Registered as {@code market-maker}. */
    public static final class Factory extends BasicStrategyFactory {
        public Factory() {
            super("market-maker", "two-sided quotes around mid with inventory skew and a maximum inventory",
                    List.of(
                            ParamSpec.ofLong("qty", 5, 1, 1_000_000, "lots per quote"),
                            ParamSpec.ofLong("spread-ticks", 2, 1, 10_000, "distance between bid and ask quotes"),
                            ParamSpec.ofDouble("skew-ticks-per-lot", 0.05, 0, 1_000, "quote shift per lot of inventory"),
                            ParamSpec.ofLong("max-inventory", 50, 1, 1_000_000, "largest absolute position in lots"),
                            ParamSpec.ofLong("requote-ticks", 1, 1, 10_000, "price move that triggers a modify")),
                    MarketMaker::new);
        }
    }
}
