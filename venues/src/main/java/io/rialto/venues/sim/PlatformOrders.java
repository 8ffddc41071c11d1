package io.rialto.venues.sim;

import io.rialto.core.domain.Side;
import org.agrona.collections.Long2LongHashMap;

import java.util.Arrays;

/**
 * The platform's orders resting at a simulated venue: per slot, the client order id, side, price, instrument
 * and whether the order has rested, in parallel primitive arrays with a free list; and the two indexes
 * exchange order id → slot and client order id → exchange order id. The exchange's participants' orders are
 * not here. Single-threaded: owned by {@link SimMarket}.
 */
final class PlatformOrders {
    static final int NULL_INDEX = -1;

    private final Long2LongHashMap slotByExchangeId = new Long2LongHashMap(NULL_INDEX);
    private final Long2LongHashMap exchangeIdByClOrdId = new Long2LongHashMap(NULL_INDEX);
    long[] clOrdId = new long[64];
    byte[] side = new byte[64];
    long[] price = new long[64];
    int[] instrument = new int[64];
    boolean[] rested = new boolean[64];
    private int[] nextFree = new int[64];
    private int freeHead = NULL_INDEX;
    private int highWater;

    /** Adds an order under its exchange id; returns its slot. */
    int add(long exchangeId, long clOrdId, Side side, long priceTicks, int instrumentId) {
        int slot = allocate();
        this.clOrdId[slot] = clOrdId;
        this.side[slot] = (byte) side.ordinal();
        this.price[slot] = priceTicks;
        this.instrument[slot] = instrumentId;
        this.rested[slot] = false;
        slotByExchangeId.put(exchangeId, slot);
        exchangeIdByClOrdId.put(clOrdId, exchangeId);
        return slot;
    }

    /** The slot of a platform order by exchange id, or {@link #NULL_INDEX} (a participant's order). */
    int slotOf(long exchangeId) {
        return (int) slotByExchangeId.get(exchangeId);
    }

    /** The exchange id of a live platform order, or {@link #NULL_INDEX}. */
    long exchangeIdOf(long clOrdId) {
        return exchangeIdByClOrdId.get(clOrdId);
    }

    /** The client order ids of the live platform orders (a copy). */
    long[] liveClOrdIds() {
        long[] ids = new long[exchangeIdByClOrdId.size()];
        int[] n = {0};
        exchangeIdByClOrdId.forEachLong((clOrdId, exchangeId) -> ids[n[0]++] = clOrdId);
        return ids;
    }

    Side side(int slot) {
        return Side.ofOrdinal(side[slot]);
    }

    /** The order ended (filled, cancelled, rejected): its slot is free again. */
    void release(long exchangeId, int slot) {
        slotByExchangeId.remove(exchangeId);
        exchangeIdByClOrdId.remove(clOrdId[slot]);
        nextFree[slot] = freeHead;
        freeHead = slot;
    }

    private int allocate() {
        if (freeHead != NULL_INDEX) {
            int slot = freeHead;
            freeHead = nextFree[slot];
            return slot;
        }
        if (highWater == clOrdId.length) {
            int n = highWater * 2;
            clOrdId = Arrays.copyOf(clOrdId, n);
            side = Arrays.copyOf(side, n);
            price = Arrays.copyOf(price, n);
            instrument = Arrays.copyOf(instrument, n);
            rested = Arrays.copyOf(rested, n);
            nextFree = Arrays.copyOf(nextFree, n);
        }
        return highWater++;
    }
}
