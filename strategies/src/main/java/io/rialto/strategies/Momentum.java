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
 * Trend follower: a fast and a slow exponential moving average of the mid; when the fast one crosses
 * above the slow one it buys at the best ask (IOC), when it crosses below it sells at the best bid,
 * within a maximum position.
 */
public final class Momentum implements Strategy {
    private final double fastAlpha;
    private final double slowAlpha;
    private final long qty;
    private final long maxPosition;
    private final long warmup;
    private StrategyContext ctx;
    private double fast = Double.NaN;
    private double slow = Double.NaN;
    private long samples;
    private int lastSign;

    Momentum(StrategyParams p) {
        fastAlpha = 2.0 / (p.getLong("fast-period") + 1);
        slowAlpha = 2.0 / (p.getLong("slow-period") + 1);
        qty = p.getLong("qty");
        maxPosition = p.getLong("max-position");
        warmup = p.getLong("slow-period");
    }

    @Override
    public void onStart(StrategyContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void onBook(BookView book) {
        double mid = book.mid(0);
        if (Double.isNaN(mid)) {
            return;
        }
        if (samples++ == 0) {
            fast = mid;
            slow = mid;
            return;
        }
        fast += fastAlpha * (mid - fast);
        slow += slowAlpha * (mid - slow);
        int sign = Double.compare(fast, slow);
        if (samples > warmup && sign != 0 && lastSign != 0 && sign != lastSign) {
            int instrument = book.instrumentId(0);
            long position = ctx.position(instrument);
            if (sign > 0 && position + qty <= maxPosition) {
                ctx.submit(instrument, Side.BUY, OrderType.LIMIT, TimeInForce.IOC, book.askPrice(0, 0), qty);
            } else if (sign < 0 && position - qty >= -maxPosition) {
                ctx.submit(instrument, Side.SELL, OrderType.LIMIT, TimeInForce.IOC, book.bidPrice(0, 0), qty);
            }
        }
        if (sign != 0) {
            lastSign = sign;
        }
    }

    /** Registered as {@code momentum}. */
    public static final class Factory implements StrategyFactory {
        @Override
        public String name() {
            return "momentum";
        }

        @Override
        public String description() {
            return "fast/slow EMA crossover of the mid, taking liquidity on each cross";
        }

        @Override
        public List<ParamSpec> params() {
            return List.of(
                    ParamSpec.ofLong("fast-period", 10, 1, 100_000, "fast EMA period in book updates"),
                    ParamSpec.ofLong("slow-period", 40, 2, 100_000, "slow EMA period in book updates"),
                    ParamSpec.ofLong("qty", 2, 1, 1_000_000, "lots per order"),
                    ParamSpec.ofLong("max-position", 20, 1, 1_000_000, "largest absolute position in lots"));
        }

        @Override
        public Strategy create(StrategyParams params) {
            if (params.getLong("fast-period") >= params.getLong("slow-period")) {
                throw new IllegalArgumentException("parameter 'fast-period' must be below 'slow-period'");
            }
            return new Momentum(params);
        }
    }
}
