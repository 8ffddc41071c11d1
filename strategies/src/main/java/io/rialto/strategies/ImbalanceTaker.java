package io.rialto.strategies;

import io.rialto.core.domain.Side;
import io.rialto.core.spi.BookView;
import io.rialto.core.spi.OrderUpdate;
import io.rialto.core.spi.ParamSpec;
import io.rialto.core.spi.Strategy;
import io.rialto.core.spi.StrategyContext;
import io.rialto.core.spi.BasicStrategyFactory;
import io.rialto.core.spi.StrategyParams;
import io.rialto.strategies.indicators.BookImbalance;

import java.util.List;

/**
 * Takes liquidity when the book leans: when the bid/ask quantity imbalance over the top {@code levels} of
 * the first venue (optionally smoothed over {@code smoothing} books) is above {@code threshold} it buys at
 * the best ask, when it is below {@code -threshold} it sells at the best bid; IOC limit orders of
 * {@code qty}, at most one per {@code cooldown-ms}, and only while the position plus what is still working,
 * plus the order, stays within {@code max-position}.
 *
 * <p><b>Threading:</b> called on its strategy actor only, one callback at a time (see {@link Strategy}).
 */
public final class ImbalanceTaker implements Strategy {
    private final BookImbalance imbalance;
    private final double threshold;
    private final long qty;
    private final long maxPosition;
    private final long cooldownNs;
    private final WorkingOrders working = new WorkingOrders(8);
    private StrategyContext ctx;
    private long lastTradeNs = Long.MIN_VALUE / 2;

    ImbalanceTaker(StrategyParams p) {
        imbalance = new BookImbalance((int) p.getLong("levels"), (int) p.getLong("smoothing"));
        threshold = p.getDouble("threshold");
        qty = p.getLong("qty");
        maxPosition = p.getLong("max-position");
        cooldownNs = p.getLong("cooldown-ms") * 1_000_000L;
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
        imbalance.update(book, 0);
        long now = ctx.nanoTime();
        if (!imbalance.isReady() || now - lastTradeNs < cooldownNs || working.isFull()) {
            return;
        }
        double value = imbalance.value();
        int instrument = book.instrumentId(0);
        long position = ctx.position(instrument);
        if (value > threshold && position + working.leavesLots(instrument, Side.BUY) + qty <= maxPosition) {
            take(instrument, Side.BUY, book.askPrice(0, 0), now);
        } else if (value < -threshold
                && position - working.leavesLots(instrument, Side.SELL) - qty >= -maxPosition) {
            take(instrument, Side.SELL, book.bidPrice(0, 0), now);
        }
    }

    private void take(int instrument, Side side, long priceTicks, long now) {
        working.take(ctx, instrument, side, priceTicks, qty);
        lastTradeNs = now;
    }

    @Override
    public void onOrderUpdate(OrderUpdate update) {
        working.onUpdate(update);
    }

    /** Registered as {@code imbalance-taker}. */
    public static final class Factory extends BasicStrategyFactory {
        public Factory() {
            super("imbalance-taker", "takes liquidity when the order-book imbalance passes a threshold",
                    List.of(
                            ParamSpec.ofLong("levels", 3, 1, 50, "book levels summed on each side"),
                            ParamSpec.ofLong("smoothing", 1, 1, 10_000, "EMA period of the imbalance, in books (1: raw)"),
                            ParamSpec.ofDouble("threshold", 0.6, 0.0, 1.0, "imbalance that triggers an order"),
                            ParamSpec.ofLong("qty", 1, 1, 1_000_000, "lots per order"),
                            ParamSpec.ofLong("max-position", 20, 1, 1_000_000, "largest absolute position in lots"),
                            ParamSpec.ofLong("cooldown-ms", 50, 0, 3_600_000, "least time between two orders")),
                    ImbalanceTaker::new);
        }
    }
}
