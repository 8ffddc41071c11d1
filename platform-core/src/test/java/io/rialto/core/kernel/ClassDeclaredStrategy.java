package io.rialto.core.kernel;

import io.rialto.core.domain.OrderType;
import io.rialto.core.domain.Side;
import io.rialto.core.domain.TimeInForce;
import io.rialto.core.spi.BookView;
import io.rialto.core.spi.OrderUpdate;
import io.rialto.core.spi.Strategy;
import io.rialto.core.spi.StrategyContext;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** A strategy declared by its class name ({@code kind = io.rialto.core.kernel.ClassDeclaredStrategy}). */
public final class ClassDeclaredStrategy implements Strategy {
    static final BlockingQueue<String> EVENTS = new LinkedBlockingQueue<>();
    private StrategyContext ctx;
    private boolean sent;

    @Override
    public void onStart(StrategyContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void onBook(BookView book) {
        if (!sent && book.askLevels(0) > 0) {
            sent = true;
            ctx.submit(book.instrumentId(0), Side.BUY, OrderType.LIMIT, TimeInForce.IOC, book.askPrice(0, 0), 1);
        }
    }

    @Override
    public void onOrderUpdate(OrderUpdate update) {
        EVENTS.add(ctx.strategyId() + ":" + update.execType());
    }
}
