package io.rialto.risk;

import java.util.Arrays;

/**
 * Open orders accepted by the engine, in slots reused through a free list:
 * <pre>
 *   clOrdId ─ slotById ─▶ o: clOrdId[o], side[o] (0 buy, 1 sell), priceTicks[o], leavesLots[o], notionalE6[o],
 *                            strategy[o], account[o], instrument[o], venue[o],
 *                            strategySlot[o], accountSlot[o] (PositionTable slots)
 *                            prev[o], next[o]: the resting orders of one account slot and side, for self-trade
 *   restingHead[accountSlot * 2 + side] ─▶ first order of that list
 * </pre>
 * A free slot is linked through {@code next}. {@link #find} keeps the map position it probed, so the
 * {@link #add} of a new clOrdId or the {@link #remove} of a found order that follows it needs no second probe.
 * Single-threaded; allocates only when it grows.
 */
final class OrderTable {
    static final int NULL_INDEX = -1;

    private final LongHashTable slotById = new LongHashTable(64, NULL_INDEX);
    long[] clOrdId = new long[256];
    byte[] side = new byte[256];
    long[] priceTicks = new long[256];
    long[] leavesLots = new long[256];
    long[] notionalE6 = new long[256];
    int[] strategy = new int[256];
    int[] account = new int[256];
    int[] instrument = new int[256];
    int[] venue = new int[256];
    int[] strategySlot = new int[256];
    int[] accountSlot = new int[256];
    private int[] prev = new int[256];
    private int[] next = new int[256];
    private int[] restingHead = new int[64];
    private int freeHead = NULL_INDEX;
    private int highWater;
    private int open;
    /** What the last {@link #find} probed, valid until the map changes. */
    private long probedId;
    private int probed;
    private boolean probeValid;

    OrderTable() {
        Arrays.fill(restingHead, NULL_INDEX);
    }

    int find(long id) {
        int p = slotById.probe(id);
        probedId = id;
        probed = p;
        probeValid = true;
        return p >= 0 ? (int) slotById.valueAt(p) : NULL_INDEX;
    }

    /** The map position of {@code id}: the one {@link #find} left when it was for this id, else a new probe. */
    private int position(long id) {
        return probeValid && probedId == id ? probed : slotById.probe(id);
    }

    int open() {
        return open;
    }

    int add(long id, int sideOrdinal, int accountSlotIndex) {
        int o;
        if (freeHead != NULL_INDEX) {
            o = freeHead;
            freeHead = next[o];
        } else {
            if (highWater == clOrdId.length) {
                grow(highWater * 2);
            }
            o = highWater++;
        }
        clOrdId[o] = id;
        side[o] = (byte) sideOrdinal;
        accountSlot[o] = accountSlotIndex;
        int list = accountSlotIndex * 2 + sideOrdinal;
        if (list >= restingHead.length) {
            int n = Math.max(list + 1, restingHead.length * 2);
            int old = restingHead.length;
            restingHead = Arrays.copyOf(restingHead, n);
            Arrays.fill(restingHead, old, n, NULL_INDEX);
        }
        prev[o] = NULL_INDEX;
        next[o] = restingHead[list];
        if (next[o] != NULL_INDEX) {
            prev[next[o]] = o;
        }
        restingHead[list] = o;
        int p = position(id);
        probeValid = false;
        if (p >= 0) {
            slotById.setValueAt(p, o);
        } else {
            slotById.insertAt(p, id, o);
        }
        open++;
        return o;
    }

    void remove(int o) {
        int p = position(clOrdId[o]);
        probeValid = false;
        if (p >= 0) {
            slotById.removeAt(p);
        }
        int list = accountSlot[o] * 2 + side[o];
        if (prev[o] != NULL_INDEX) {
            next[prev[o]] = next[o];
        } else {
            restingHead[list] = next[o];
        }
        if (next[o] != NULL_INDEX) {
            prev[next[o]] = prev[o];
        }
        next[o] = freeHead;
        freeHead = o;
        open--;
    }

    /** First resting order of an account slot and side ({@link #NULL_INDEX} when none). */
    int firstResting(int accountSlotIndex, int sideOrdinal) {
        int list = accountSlotIndex * 2 + sideOrdinal;
        return list < restingHead.length ? restingHead[list] : NULL_INDEX;
    }

    int nextResting(int o) {
        return next[o];
    }

    /** Whether an order would trade against resting order {@code o} of the other side. */
    boolean crosses(int o, int incomingSide, long incomingPriceTicks, boolean market) {
        if (market) {
            return true;
        }
        return incomingSide == 0 ? incomingPriceTicks >= priceTicks[o] : incomingPriceTicks <= priceTicks[o];
    }

    /** Live order slots, for scans on the control path (kill switch). */
    int highWater() {
        return highWater;
    }

    boolean isOpen(int o) {
        return slotById.get(clOrdId[o]) == o;
    }

    private void grow(int n) {
        clOrdId = Arrays.copyOf(clOrdId, n);
        side = Arrays.copyOf(side, n);
        priceTicks = Arrays.copyOf(priceTicks, n);
        leavesLots = Arrays.copyOf(leavesLots, n);
        notionalE6 = Arrays.copyOf(notionalE6, n);
        strategy = Arrays.copyOf(strategy, n);
        account = Arrays.copyOf(account, n);
        instrument = Arrays.copyOf(instrument, n);
        venue = Arrays.copyOf(venue, n);
        strategySlot = Arrays.copyOf(strategySlot, n);
        accountSlot = Arrays.copyOf(accountSlot, n);
        prev = Arrays.copyOf(prev, n);
        next = Arrays.copyOf(next, n);
    }
}
