package io.rialto.strategies;

import io.rialto.core.domain.Side;
import io.rialto.core.spi.BookView;
import io.rialto.core.spi.OrderUpdate;
import io.rialto.core.spi.ParamSpec;
import io.rialto.core.spi.Strategy;
import io.rialto.core.spi.StrategyContext;
import io.rialto.core.spi.BasicStrategyFactory;
import io.rialto.core.spi.StrategyParams;
import io.rialto.strategies.indicators.Macd;
import io.rialto.strategies.indicators.Rsi;

import java.util.List;

/**
 * Trend follower on MACD and RSI crossovers of the mid of the first venue listing its symbol, sampled on
 * every book update it sees.
 *
 * <ul>
 *   <li>Buy signal: the MACD line crosses above its signal line (the histogram turns positive), or the RSI
 *       crosses up through {@code rsi-oversold}. Not taken while the RSI is at or above
 *       {@code rsi-overbought}.</li>
 *   <li>Sell signal: the MACD line crosses below its signal line, or the RSI crosses down through
 *       {@code rsi-overbought}. Not taken while the RSI is at or below {@code rsi-oversold}.</li>
 * </ul>
 * A signal takes liquidity with one IOC limit order of {@code qty} at the opposite best price, only while
 * the position plus what is still working, plus the order, stays within {@code max-position}.
 *
 * <p><b>Threading:</b> called on its strategy actor only, one callback at a time (see {@link Strategy}).
 */
public final class Momentum implements Strategy {
    private final Macd macd;
    private final Rsi rsi;
    private final double overbought;
    private final double oversold;
    private final long qty;
    private final long maxPosition;
    private final WorkingOrders working = new WorkingOrders(8);
    private StrategyContext ctx;
    /** Sign of the last non-zero MACD histogram, 0 before there was one. */
    private int lastHistogramSign;
    private double lastRsi = Double.NaN;

    Momentum(StrategyParams p) {
        macd = new Macd((int) p.getLong("fast-period"), (int) p.getLong("slow-period"),
                (int) p.getLong("signal-period"));
        rsi = new Rsi((int) p.getLong("rsi-period"));
        overbought = p.getDouble("rsi-overbought");
        oversold = p.getDouble("rsi-oversold");
        qty = p.getLong("qty");
        maxPosition = p.getLong("max-position");
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
        macd.update(mid);
        rsi.update(mid);
        if (!macd.isReady() || !rsi.isReady()) {
            return;
        }
        double histogram = macd.histogram();
        int sign = histogram > 0 ? 1 : histogram < 0 ? -1 : 0;
        double r = rsi.value();
        boolean macdUp = sign > 0 && lastHistogramSign < 0;
        boolean macdDown = sign < 0 && lastHistogramSign > 0;
        boolean rsiUp = lastRsi < oversold && r >= oversold;
        boolean rsiDown = lastRsi > overbought && r <= overbought;
        if (sign != 0) {
            lastHistogramSign = sign;
        }
        lastRsi = r;
        if ((macdUp || rsiUp) && r < overbought) {
            take(book, Side.BUY);
        } else if ((macdDown || rsiDown) && r > oversold) {
            take(book, Side.SELL);
        }
    }

    private void take(BookView book, Side side) {
        int instrument = book.instrumentId(0);
        long worstCase = ctx.position(instrument) * side.sign() + working.leavesLots(instrument, side) + qty;
        if (worstCase > maxPosition || working.isFull()) {
            ctx.count("signal-over-limit", 1);
            return;
        }
        long price = side == Side.BUY ? book.askPrice(0, 0) : book.bidPrice(0, 0);
        working.take(ctx, instrument, side, price, qty);
    }

    @Override
    public void onOrderUpdate(OrderUpdate update) {
        working.onUpdate(update);
    }

    /** Registered as {@code momentum}. */
    public static final class Factory extends BasicStrategyFactory {
        public Factory() {
            super("momentum", "MACD and RSI crossovers of the mid, taking liquidity (IOC) on each signal",
                    List.of(
                            ParamSpec.ofLong("fast-period", 12, 1, 10_000, "fast EMA of the MACD, in book updates"),
                            ParamSpec.ofLong("slow-period", 26, 2, 10_000, "slow EMA of the MACD, in book updates"),
                            ParamSpec.ofLong("signal-period", 9, 1, 10_000, "EMA of the MACD line that it crosses"),
                            ParamSpec.ofLong("rsi-period", 14, 1, 10_000, "RSI period (Wilder), in book updates"),
                            ParamSpec.ofDouble("rsi-overbought", 70, 0, 100, "RSI level: no buying at or above it"),
                            ParamSpec.ofDouble("rsi-oversold", 30, 0, 100, "RSI level: no selling at or below it"),
                            ParamSpec.ofLong("qty", 2, 1, 1_000_000, "lots per order"),
                            ParamSpec.ofLong("max-position", 20, 1, 1_000_000, "largest absolute position in lots")),
                    Factory::validateParams, Momentum::new);
        }

        private static void validateParams(StrategyParams params) {
            if (params.getLong("fast-period") >= params.getLong("slow-period")) {
                throw new IllegalArgumentException("parameter 'fast-period' must be below 'slow-period'");
            }
            if (params.getDouble("rsi-oversold") >= params.getDouble("rsi-overbought")) {
                throw new IllegalArgumentException("parameter 'rsi-oversold' must be below 'rsi-overbought'");
            }
        }
    }
}
