package com.example.rialto;

import io.rialto.core.domain.OrderStatus;
import io.rialto.core.domain.OrderType;
import io.rialto.core.domain.Side;
import io.rialto.core.domain.TimeInForce;
import io.rialto.core.spi.BookView;
import io.rialto.core.spi.OrderUpdate;
import io.rialto.core.spi.ParamSpec;
import io.rialto.core.spi.Strategy;
import io.rialto.core.spi.StrategyContext;
import io.rialto.core.spi.StrategyFactory;
import io.rialto.core.spi.StrategyParams;

import java.util.List;

/**
 * An example plug-in strategy: when flat it buys {@code qty} at the best ask; when long it sells them at
 * the best bid; one order at a time, at most once per {@code cooldown-ms}. It pays the spread on every
 * round trip, so it is a demonstration, not an edge.
 */
public final class PingPong implements Strategy {
    private final long qty;
    private final long cooldownNs;
    private StrategyContext ctx;
    private long working;
    private long lastOrderNs = Long.MIN_VALUE / 2;

    PingPong(StrategyParams params) {
        this.qty = params.getLong("qty");
        this.cooldownNs = params.getLong("cooldown-ms") * 1_000_000L;
    }

    @Override
    public void onStart(StrategyContext ctx) {
        this.ctx = ctx;
        ctx.log().info("{} started: {} lots, every {} ms at most", ctx.strategyId(), qty, cooldownNs / 1_000_000);
    }

    @Override
    public void onBook(BookView book) {
        long now = ctx.nanoTime();
        if (working != 0 || now - lastOrderNs < cooldownNs || book.bidLevels(0) == 0 || book.askLevels(0) == 0) {
            return;
        }
        int instrument = book.instrumentId(0);
        long position = ctx.position(instrument);
        if (position <= 0) {
            working = ctx.submit(instrument, Side.BUY, OrderType.LIMIT, TimeInForce.IOC, book.askPrice(0, 0), qty);
        } else {
            working = ctx.submit(instrument, Side.SELL, OrderType.LIMIT, TimeInForce.IOC, book.bidPrice(0, 0),
                    position);
        }
        lastOrderNs = now;
        ctx.count("orders", 1);
    }

    @Override
    public void onOrderUpdate(OrderUpdate update) {
        if (update.clOrdId() == working && update.status().isTerminal()) {
            working = 0;
            if (update.status() == OrderStatus.REJECTED) {
                ctx.log().warn("order rejected: {}", update.reason());
            }
        }
    }

    /** The plug-in's factory, listed in META-INF/services/io.rialto.core.spi.StrategyFactory. */
    public static final class Factory implements StrategyFactory {
        @Override
        public String name() {
            return "example-ping-pong";
        }

        @Override
        public String description() {
            return "example plug-in: buys at the ask when flat, sells at the bid when long";
        }

        @Override
        public List<ParamSpec> params() {
            return List.of(
                    ParamSpec.ofLong("qty", 1, 1, 1_000, "lots per order"),
                    ParamSpec.ofLong("cooldown-ms", 20, 0, 60_000, "least time between two orders"));
        }

        @Override
        public Strategy create(StrategyParams params) {
            return new PingPong(params);
        }
    }
}
