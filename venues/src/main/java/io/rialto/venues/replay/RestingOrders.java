package io.rialto.venues.replay;

import io.rialto.core.domain.Side;
import org.agrona.collections.Long2LongHashMap;

import java.util.Arrays;

/**
 * The platform's live orders at a replay venue, in parallel primitive arrays by slot with a free list, linked
 * per instrument in time priority (arrival order; an order that loses priority moves to the back):
 * <pre>
 *   headByInstrument[i] → slot → next[slot] → ... → NULL_INDEX      slotByClOrdId: client order id → slot
 * </pre>
 * Per slot: client order id, instrument, side, limit price, open quantity, the displayed quantity ahead of it
 * at its level ({@code ahead}), and the traded quantity at its level not yet seen as a depth decrease
 * ({@code tradedSinceUpdate}). Single-threaded: owned by {@link ReplayMarket}.
 */
final class RestingOrders {
    static final int NULL_INDEX = -1;

    private final Long2LongHashMap slotByClOrdId = new Long2LongHashMap(NULL_INDEX);
    private final int[] headByInstrument;
    private final int[] tailByInstrument;
    long[] clOrdId = new long[16];
    int[] instrument = new int[16];
    byte[] side = new byte[16];
    long[] price = new long[16];
    long[] leaves = new long[16];
    long[] ahead = new long[16];
    long[] tradedSinceUpdate = new long[16];
    int[] next = new int[16];
    private int[] prev = new int[16];
    private int freeHead = NULL_INDEX;
    private int highWater;

    RestingOrders(int instruments) {
        headByInstrument = new int[instruments];
        tailByInstrument = new int[instruments];
        Arrays.fill(headByInstrument, NULL_INDEX);
        Arrays.fill(tailByInstrument, NULL_INDEX);
    }

    int slotOf(long clOrdId) {
        return (int) slotByClOrdId.get(clOrdId);
    }

    int head(int instrumentId) {
        return headByInstrument[instrumentId];
    }

    Side side(int slot) {
        return Side.ofOrdinal(side[slot]);
    }

    /** Adds an order at the back of its instrument's priority list; returns its slot. */
    int add(long clOrdId, int instrumentId, Side side, long priceTicks, long leavesLots, long aheadLots) {
        int slot = allocate();
        this.clOrdId[slot] = clOrdId;
        this.instrument[slot] = instrumentId;
        this.side[slot] = (byte) side.ordinal();
        this.price[slot] = priceTicks;
        this.leaves[slot] = leavesLots;
        this.ahead[slot] = aheadLots;
        this.tradedSinceUpdate[slot] = 0;
        slotByClOrdId.put(clOrdId, slot);
        link(slot);
        return slot;
    }

    /** The order lost its time priority (a modify that changed its price or raised its quantity). */
    void moveToBack(int slot, long priceTicks, long leavesLots, long aheadLots) {
        unlink(slot);
        price[slot] = priceTicks;
        leaves[slot] = leavesLots;
        ahead[slot] = aheadLots;
        tradedSinceUpdate[slot] = 0;
        link(slot);
    }

    void remove(int slot) {
        unlink(slot);
        slotByClOrdId.remove(clOrdId[slot]);
        next[slot] = freeHead;
        freeHead = slot;
    }

    private void link(int slot) {
        int i = instrument[slot];
        next[slot] = NULL_INDEX;
        prev[slot] = tailByInstrument[i];
        if (tailByInstrument[i] == NULL_INDEX) {
            headByInstrument[i] = slot;
        } else {
            next[tailByInstrument[i]] = slot;
        }
        tailByInstrument[i] = slot;
    }

    private void unlink(int slot) {
        int i = instrument[slot];
        if (prev[slot] == NULL_INDEX) {
            headByInstrument[i] = next[slot];
        } else {
            next[prev[slot]] = next[slot];
        }
        if (next[slot] == NULL_INDEX) {
            tailByInstrument[i] = prev[slot];
        } else {
            prev[next[slot]] = prev[slot];
        }
    }

    private int allocate() {
        if (freeHead != NULL_INDEX) {
            int slot = freeHead;
            freeHead = next[slot];
            return slot;
        }
        if (highWater == clOrdId.length) {
            int n = highWater * 2;
            clOrdId = Arrays.copyOf(clOrdId, n);
            instrument = Arrays.copyOf(instrument, n);
            side = Arrays.copyOf(side, n);
            price = Arrays.copyOf(price, n);
            leaves = Arrays.copyOf(leaves, n);
            ahead = Arrays.copyOf(ahead, n);
            tradedSinceUpdate = Arrays.copyOf(tradedSinceUpdate, n);
            next = Arrays.copyOf(next, n);
            prev = Arrays.copyOf(prev, n);
        }
        return highWater++;
    }
}
