package io.rialto.strategies;

import io.rialto.core.domain.Side;
import io.rialto.core.spi.BookView;
import io.rialto.core.spi.OrderUpdate;
import io.rialto.core.spi.ParamSpec;
import io.rialto.core.spi.Strategy;
import io.rialto.core.spi.StrategyContext;
import io.rialto.core.spi.BasicStrategyFactory;
import io.rialto.core.spi.StrategyParams;
import io.rialto.strategies.indicators.BollingerBands;

import java.util.List;

/**
 * Mean reversion on Bollinger Bands of the mid of the first venue listing its symbol, sampled on every book
 * update it sees. On each book, with the bands warmed up and no order of its own still working:
 * <ol>
 *   <li>long and the mid back at or above the middle band: sell the whole position (exit);</li>
 *   <li>short and the mid back at or below the middle band: buy the whole position back (exit);</li>
 *   <li>the mid below the lower band: buy {@code qty}, while the position stays within {@code max-position};</li>
 *   <li>the mid above the upper band: sell {@code qty}, likewise.</li>
 * </ol>
 * Every order takes liquidity: an IOC limit at the opposite best price. One order at a time, so a stale
 * book seen again before the fill cannot send a second one.
 *
 * <p><b>Threading:</b> called on its strategy actor only, one callback at a time (see {@link Strategy}).
 */
public final class MeanReversion implements Strategy {
    private final BollingerBands bands;
    private final long qty;
    private final long maxPosition;
    private final WorkingOrders working = new WorkingOrders(4);
    private StrategyContext ctx;

    MeanReversion(StrategyParams p) {
        bands = new BollingerBands((int) p.getLong("period"), p.getDouble("width-sigmas"));
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
        bands.update(mid);
        int instrument = book.instrumentId(0);
        if (!bands.isReady() || working.any(instrument)) {
            return;
        }
        long position = ctx.position(instrument);
        if (position > 0 && mid >= bands.middle()) {
            take(book, instrument, Side.SELL, position);
        } else if (position < 0 && mid <= bands.middle()) {
            take(book, instrument, Side.BUY, -position);
        } else if (mid < bands.lower() && position + qty <= maxPosition) {
            take(book, instrument, Side.BUY, qty);
        } else if (mid > bands.upper() && position - qty >= -maxPosition) {
            take(book, instrument, Side.SELL, qty);
        }
    }

    private void take(BookView book, int instrument, Side side, long lots) {
        long price = side == Side.BUY ? book.askPrice(0, 0) : book.bidPrice(0, 0);
        working.take(ctx, instrument, side, price, lots);
    }

    @Override
    public void onOrderUpdate(OrderUpdate update) {
        working.onUpdate(update);
    }

    /** Registered as {@code mean-reversion}. */
    public static final class Factory extends BasicStrategyFactory {
        public Factory() {
            super("mean-reversion", "Bollinger Bands: buys below the lower band, sells above the upper, exits at the middle",
                    List.of(
                            ParamSpec.ofLong("period", 20, 2, 100_000, "Bollinger window, in book updates"),
                            ParamSpec.ofDouble("width-sigmas", 2.0, 0.1, 10, "band distance from the middle, in sigmas"),
                            ParamSpec.ofLong("qty", 1, 1, 1_000_000, "lots per entry order"),
                            ParamSpec.ofLong("max-position", 10, 1, 1_000_000, "largest absolute position in lots")),
                    MeanReversion::new);
        }
    }
}
