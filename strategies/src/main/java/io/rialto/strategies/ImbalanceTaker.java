package io.rialto.strategies;

import io.rialto.core.domain.OrderType;
import io.rialto.core.domain.Side;
import io.rialto.core.domain.TimeInForce;
import io.rialto.core.spi.BookView;
import io.rialto.core.spi.ParamSpec;
import io.rialto.core.spi.Strategy;
import io.rialto.core.spi.StrategyContext;
import io.rialto.core.spi.StrategyFactory;
import io.rialto.core.spi.StrategyParams;

import java.util.List;

/**
 * Takes liquidity when the book leans: when the bid/ask quantity imbalance over the top levels of the
 * first venue passes the threshold it buys at the best ask (or sells at the best bid below minus the
 * threshold), IOC, at most once per cool-down and within a maximum position.
 */
public final class ImbalanceTaker implements Strategy {
    private final int levels;
    private final double threshold;
    private final long qty;
    private final long maxPosition;
    private final long cooldownNs;
    private StrategyContext ctx;
    private long lastTradeNs = Long.MIN_VALUE / 2;

    ImbalanceTaker(StrategyParams p) {
        levels = (int) p.getLong("levels");
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
        long now = ctx.nanoTime();
        if (now - lastTradeNs < cooldownNs) {
            return;
        }
        double imbalance = book.imbalance(0, levels);
        int instrument = book.instrumentId(0);
        long position = ctx.position(instrument);
        if (imbalance > threshold && position + qty <= maxPosition) {
            ctx.submit(instrument, Side.BUY, OrderType.LIMIT, TimeInForce.IOC, book.askPrice(0, 0), qty);
            lastTradeNs = now;
        } else if (imbalance < -threshold && position - qty >= -maxPosition) {
            ctx.submit(instrument, Side.SELL, OrderType.LIMIT, TimeInForce.IOC, book.bidPrice(0, 0), qty);
            lastTradeNs = now;
        }
    }

    /** Registered as {@code imbalance-taker}. */
    public static final class Factory implements StrategyFactory {
        @Override
        public String name() {
            return "imbalance-taker";
        }

        @Override
        public String description() {
            return "takes liquidity when the order-book imbalance passes a threshold";
        }

        @Override
        public List<ParamSpec> params() {
            return List.of(
                    ParamSpec.ofLong("levels", 3, 1, 50, "book levels summed on each side"),
                    ParamSpec.ofDouble("threshold", 0.6, 0.0, 1.0, "imbalance that triggers an order"),
                    ParamSpec.ofLong("qty", 1, 1, 1_000_000, "lots per order"),
                    ParamSpec.ofLong("max-position", 20, 1, 1_000_000, "largest absolute position in lots"),
                    ParamSpec.ofLong("cooldown-ms", 50, 0, 3_600_000, "least time between two orders"));
        }

        @Override
        public Strategy create(StrategyParams params) {
            return new ImbalanceTaker(params);
        }
    }
}
