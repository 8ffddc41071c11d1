package io.rialto.strategies;

import io.rialto.core.domain.Side;
import io.rialto.core.spi.StrategyContext;
import io.rialto.core.domain.TimeInForce;
import io.rialto.core.domain.OrderType;
import io.rialto.core.spi.OrderUpdate;

/**
 * The strategy's own orders still working (sent and not yet filled, cancelled or rejected), with their open
 * quantity, so that position limits count what is already on its way: {@code position(instrument)} only
 * moves when fills come back, and a strategy that ignored its in-flight orders would overshoot its limit
 * on every book update before the first fill.
 *
 * <p>Fixed capacity, primitive arrays, no allocation; a strategy that finds it {@link #isFull()} sends
 * nothing. <b>Threading:</b> single-threaded, used from one strategy's callbacks.
 */
final class WorkingOrders {
    private final long[] clOrdIds;
    private final int[] instrumentIds;
    private final Side[] sides;
    private final long[] leavesLots;
    private int size;

    WorkingOrders(int capacity) {
        clOrdIds = new long[capacity];
        instrumentIds = new int[capacity];
        sides = new Side[capacity];
        leavesLots = new long[capacity];
    }

    boolean isFull() {
        return size == clOrdIds.length;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Records an order just sent. */
    /** Takes liquidity: an IOC limit order at {@code priceTicks}, tracked until it ends. Returns its id. */
    long take(StrategyContext ctx, int instrumentId, Side side, long priceTicks, long qtyLots) {
        long clOrdId = ctx.submit(instrumentId, side, OrderType.LIMIT, TimeInForce.IOC, priceTicks, qtyLots);
        add(clOrdId, instrumentId, side, qtyLots);
        return clOrdId;
    }

    void add(long clOrdId, int instrumentId, Side side, long qtyLots) {
        if (isFull()) {
            throw new IllegalStateException("no room for another working order");
        }
        clOrdIds[size] = clOrdId;
        instrumentIds[size] = instrumentId;
        sides[size] = side;
        leavesLots[size] = qtyLots;
        size++;
    }

    /** Follows an update of one of the orders: its open quantity, or its end. Others are ignored. */
    void onUpdate(OrderUpdate update) {
        for (int i = 0; i < size; i++) {
            if (clOrdIds[i] == update.clOrdId()) {
                if (update.status().isTerminal()) {
                    size--;
                    clOrdIds[i] = clOrdIds[size];
                    instrumentIds[i] = instrumentIds[size];
                    sides[i] = sides[size];
                    leavesLots[i] = leavesLots[size];
                    sides[size] = null;
                } else {
                    leavesLots[i] = update.leavesQtyLots();
                }
                return;
            }
        }
    }

    /** Open quantity of the working orders on one instrument and side. */
    long leavesLots(int instrumentId, Side side) {
        long sum = 0;
        for (int i = 0; i < size; i++) {
            if (instrumentIds[i] == instrumentId && sides[i] == side) {
                sum += leavesLots[i];
            }
        }
        return sum;
    }

    /** Whether any order is working on the instrument. */
    boolean any(int instrumentId) {
        for (int i = 0; i < size; i++) {
            if (instrumentIds[i] == instrumentId) {
                return true;
            }
        }
        return false;
    }
}
