package io.rialto.strategies;

import io.rialto.core.domain.RejectReason;
import io.rialto.core.spi.BookView;
import io.rialto.core.spi.Strategy;
import io.rialto.core.spi.StrategyFactory;
import io.rialto.core.spi.StrategyParams;

import java.util.List;
import java.util.Map;

/**
 * A scripted run of one strategy: books and order outcomes go in, in order, and {@link #sent()} returns
 * the order requests it made since the last look.
 */
final class Scenario {
    final RecordingContext ctx;
    final Strategy strategy;

    private Scenario(StrategyFactory factory, Map<String, Object> configured) {
        StrategyParams params = StrategyParams.of(factory.params(), configured);
        ctx = new RecordingContext(params);
        strategy = factory.create(params);
        strategy.onStart(ctx);
    }

    static Scenario start(StrategyFactory factory, Map<String, Object> configured) {
        return new Scenario(factory, configured);
    }

    Scenario book(BookView book) {
        strategy.onBook(book);
        return this;
    }

    /** The same book {@code times} times over. */
    Scenario books(BookView book, int times) {
        for (int i = 0; i < times; i++) {
            strategy.onBook(book);
        }
        return this;
    }

    /** A one-venue book of 10 lots a side around each mid, for signal-driven strategies. */
    Scenario mids(int instrumentId, long halfSpreadTicks, long... midTicks) {
        for (long mid : midTicks) {
            strategy.onBook(TestBook.top(instrumentId, mid - halfSpreadTicks, mid + halfSpreadTicks));
        }
        return this;
    }

    Scenario fill(long clOrdId, long qtyLots) {
        strategy.onOrderUpdate(ctx.fill(clOrdId, qtyLots));
        return this;
    }

    /** The unfilled rest of an order is cancelled (an IOC's remainder, or a confirmed cancel). */
    Scenario cancelled(long clOrdId) {
        strategy.onOrderUpdate(ctx.cancelled(clOrdId));
        return this;
    }

    Scenario rejected(long clOrdId, RejectReason reason) {
        strategy.onOrderUpdate(ctx.rejected(clOrdId, reason));
        return this;
    }

    Scenario advanceMs(long ms) {
        ctx.advanceNs(ms * 1_000_000L);
        return this;
    }

    List<RecordingContext.Sent> sent() {
        return ctx.takeSent();
    }
}
