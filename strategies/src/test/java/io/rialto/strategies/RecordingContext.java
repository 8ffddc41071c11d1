package io.rialto.strategies;

import io.rialto.core.domain.ExecType;
import io.rialto.core.domain.Instrument;
import io.rialto.core.domain.OrderStatus;
import io.rialto.core.domain.OrderType;
import io.rialto.core.domain.RejectReason;
import io.rialto.core.domain.Side;
import io.rialto.core.domain.TimeInForce;
import io.rialto.core.spi.OrderUpdate;
import io.rialto.core.spi.StrategyContext;
import io.rialto.core.spi.StrategyParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link StrategyContext} that records every order request a strategy makes, as {@link Sent} records to
 * be asserted as a whole list, and keeps the strategy's open orders and positions from the updates a test
 * feeds back ({@link #fill}, {@link #cancelled}, {@link #rejected}). Client order ids count from 1; the
 * clock is set by the test. Realized P&amp;L is not tracked (always 0).
 */
final class RecordingContext implements StrategyContext {

    /** An order request the strategy made. */
    sealed interface Sent permits Submit, Cancel, Modify {
    }

    record Submit(long clOrdId, int instrumentId, Side side, OrderType type, TimeInForce tif, long priceTicks,
                  long qtyLots) implements Sent {
    }

    record Cancel(long clOrdId) implements Sent {
    }

    record Modify(long clOrdId, long priceTicks, long qtyLots) implements Sent {
    }

    static Submit buyIoc(long clOrdId, int instrumentId, long priceTicks, long qtyLots) {
        return new Submit(clOrdId, instrumentId, Side.BUY, OrderType.LIMIT, TimeInForce.IOC, priceTicks, qtyLots);
    }

    static Submit sellIoc(long clOrdId, int instrumentId, long priceTicks, long qtyLots) {
        return new Submit(clOrdId, instrumentId, Side.SELL, OrderType.LIMIT, TimeInForce.IOC, priceTicks, qtyLots);
    }

    static Submit bidGtc(long clOrdId, int instrumentId, long priceTicks, long qtyLots) {
        return new Submit(clOrdId, instrumentId, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, priceTicks, qtyLots);
    }

    static Submit askGtc(long clOrdId, int instrumentId, long priceTicks, long qtyLots) {
        return new Submit(clOrdId, instrumentId, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, priceTicks, qtyLots);
    }

    private static final class Open {
        final int instrumentId;
        final Side side;
        long priceTicks;
        long leavesLots;
        long cumLots;
        boolean cancelPending;

        Open(int instrumentId, Side side, long priceTicks, long leavesLots) {
            this.instrumentId = instrumentId;
            this.side = side;
            this.priceTicks = priceTicks;
            this.leavesLots = leavesLots;
        }
    }

    private final StrategyParams params;
    private final List<Sent> sent = new ArrayList<>();
    private final Map<Long, Open> openById = new LinkedHashMap<>();
    private final Map<Integer, Long> positionByInstrument = new HashMap<>();
    private final Map<String, Long> counters = new HashMap<>();
    private long nextClOrdId = 1;
    private long nextTimerId = 1;
    private long nowNs = 1_000_000_000L;

    RecordingContext(StrategyParams params) {
        this.params = params;
    }

    /** The requests made since the last call, oldest first. */
    List<Sent> takeSent() {
        List<Sent> taken = List.copyOf(sent);
        sent.clear();
        return taken;
    }

    void advanceNs(long ns) {
        nowNs += ns;
    }

    long counter(String name) {
        return counters.getOrDefault(name, 0L);
    }

    /** A fill of {@code qtyLots} at the order's own price. */
    OrderUpdate fill(long clOrdId, long qtyLots) {
        return fill(clOrdId, qtyLots, open(clOrdId).priceTicks);
    }

    OrderUpdate fill(long clOrdId, long qtyLots, long pxTicks) {
        Open o = open(clOrdId);
        if (qtyLots > o.leavesLots) {
            throw new IllegalArgumentException("fill of " + qtyLots + " exceeds the open " + o.leavesLots);
        }
        o.leavesLots -= qtyLots;
        o.cumLots += qtyLots;
        positionByInstrument.merge(o.instrumentId, o.side.sign() * qtyLots, Long::sum);
        OrderStatus status = o.leavesLots == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        if (o.leavesLots == 0) {
            openById.remove(clOrdId);
        }
        return new OrderUpdate(clOrdId, o.instrumentId, o.side, ExecType.TRADE, status, o.priceTicks, pxTicks,
                qtyLots, o.leavesLots, o.cumLots, RejectReason.NONE);
    }

    /** The order's open quantity was cancelled: a confirmed cancel, or the unfilled rest of an IOC. */
    OrderUpdate cancelled(long clOrdId) {
        Open o = openById.remove(clOrdId);
        if (o == null) {
            throw new IllegalArgumentException("order " + clOrdId + " is not open");
        }
        return new OrderUpdate(clOrdId, o.instrumentId, o.side, ExecType.CANCELED, OrderStatus.CANCELED,
                o.priceTicks, 0, 0, 0, o.cumLots, RejectReason.NONE);
    }

    OrderUpdate rejected(long clOrdId, RejectReason reason) {
        Open o = openById.remove(clOrdId);
        if (o == null) {
            throw new IllegalArgumentException("order " + clOrdId + " is not open");
        }
        return new OrderUpdate(clOrdId, o.instrumentId, o.side, ExecType.REJECTED, OrderStatus.REJECTED,
                o.priceTicks, 0, 0, 0, o.cumLots, reason);
    }

    private Open open(long clOrdId) {
        Open o = openById.get(clOrdId);
        if (o == null) {
            throw new IllegalArgumentException("order " + clOrdId + " is not open");
        }
        return o;
    }

    @Override
    public String strategyId() {
        return "test-1";
    }

    @Override
    public String account() {
        return "ACC-T";
    }

    private final java.util.Set<String> subscriptions = new java.util.TreeSet<>();

    @Override
    public void subscribe(String symbol) {
        subscriptions.add(symbol);
    }

    @Override
    public void unsubscribe(String symbol) {
        subscriptions.remove(symbol);
    }

    @Override
    public java.util.Set<String> subscriptions() {
        return java.util.Collections.unmodifiableSet(subscriptions);
    }

    @Override
    public List<Instrument> instruments() {
        return List.of();
    }

    @Override
    public Instrument instrument(int instrumentId) {
        return new Instrument(instrumentId, 0, instrumentId, "V" + instrumentId, "SYM", BigDecimal.ONE,
                BigDecimal.ONE, 1, 1_000_000);
    }

    @Override
    public StrategyParams params() {
        return params;
    }

    @Override
    public long submit(int instrumentId, Side side, OrderType type, TimeInForce tif, long priceTicks, long qtyLots) {
        long clOrdId = nextClOrdId++;
        sent.add(new Submit(clOrdId, instrumentId, side, type, tif, priceTicks, qtyLots));
        openById.put(clOrdId, new Open(instrumentId, side, priceTicks, qtyLots));
        return clOrdId;
    }

    @Override
    public boolean cancel(long clOrdId) {
        sent.add(new Cancel(clOrdId));
        Open o = openById.get(clOrdId);
        if (o == null || o.cancelPending) {
            return false;
        }
        o.cancelPending = true;
        return true;
    }

    @Override
    public boolean modify(long clOrdId, long newPriceTicks, long newQtyLots) {
        sent.add(new Modify(clOrdId, newPriceTicks, newQtyLots));
        Open o = openById.get(clOrdId);
        if (o == null || o.cancelPending) {
            return false;
        }
        o.priceTicks = newPriceTicks;
        o.leavesLots = newQtyLots;
        return true;
    }

    @Override
    public long[] openOrders() {
        return openById.keySet().stream().mapToLong(Long::longValue).toArray();
    }

    @Override
    public long leavesQty(long clOrdId) {
        Open o = openById.get(clOrdId);
        return o == null ? 0 : o.leavesLots;
    }

    @Override
    public long position(int instrumentId) {
        return positionByInstrument.getOrDefault(instrumentId, 0L);
    }

    @Override
    public long realizedPnlTickLots(int instrumentId) {
        return 0;
    }

    @Override
    public long scheduleRepeating(Duration interval) {
        return nextTimerId++;
    }

    @Override
    public void cancelTimer(long timerId) {
    }

    @Override
    public long nanoTime() {
        return nowNs;
    }

    @Override
    public Logger log() {
        return LoggerFactory.getLogger(RecordingContext.class);
    }

    @Override
    public void count(String counter, long delta) {
        counters.merge(counter, delta, Long::sum);
    }
}
