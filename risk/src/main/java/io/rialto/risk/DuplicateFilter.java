package io.rialto.risk;

import java.util.Arrays;

/**
 * Remembers accepted orders by their exact key — (slot, side), the strategy's position slot on the instrument
 * and the side; the price; the quantity — until their window expires.
 *
 * <p>The entries live in a FIFO ring, numbered by a sequence that only grows, and a table of buckets chains
 * them, newest first, by that sequence:
 * <pre>
 *   headByBucket[hash(key)] ─▶ seq ─▶ ring[seq &amp; mask]: [slotSide][price][qty][deadline][older seq] ─▶ ...
 *   tail ──▶ oldest entry kept                  head ──▶ where the next entry goes
 * </pre>
 * The hash only picks the bucket (a few independent multiplies: it sits on the path of every check), and the
 * key is compared whole, so no two different orders are ever taken for duplicates.
 * A chain ends at a sequence below {@code tail}: eviction is only {@code tail++}, with nothing to unlink or
 * shift in the table, and recording is a write at the head of the ring and of one bucket. A lookup walks the
 * key's bucket from the newest entry, and the first entry with the key is its latest record. Eviction stops at
 * the first unexpired entry, so with per-strategy windows of different lengths memory is bounded by the
 * longest window times the order rate. Single-threaded; allocates only when the ring grows.
 */
final class DuplicateFilter {
    private static final int SLOT_SIDE = 0;
    private static final int PRICE = 1;
    private static final int QTY = 2;
    private static final int DEADLINE = 3;
    private static final int OLDER = 4;
    private static final int STRIDE = 5;
    /** A bucket with no entry: below every sequence. */
    private static final long NONE = -1;

    private long[] ring;
    private int ringMask;
    private long[] headByBucket;
    private int bucketShift;
    private long tail;
    private long head;

    DuplicateFilter() {
        allocate(1024);
    }

    /** The first part of a key: a strategy's position slot on an instrument, and the side. */
    static long slotSide(int strategySlot, int side) {
        return (long) strategySlot << 1 | side;
    }

    /** Twice as many buckets as ring entries, so a chain holds about half an entry. */
    private void allocate(int entries) {
        ring = new long[entries * STRIDE];
        ringMask = entries - 1;
        headByBucket = new long[2 * entries];
        Arrays.fill(headByBucket, NONE);
        bucketShift = 64 - Integer.numberOfTrailingZeros(2 * entries);
    }

    private int bucket(long slotSide, long priceTicks, long qtyLots) {
        long h = slotSide * 0xC2B2AE3D27D4EB4FL ^ priceTicks * 0x9E3779B97F4A7C15L ^ qtyLots * 0x165667B19E3779F9L;
        return (int) ((h ^ h >>> 31) * 0xBF58476D1CE4E5B9L >>> bucketShift);
    }

    /** Whether an order with this key was recorded and its window has not passed at {@code nowNs}. */
    boolean isDuplicate(long slotSide, long priceTicks, long qtyLots, long nowNs) {
        long[] r = ring;
        long s = headByBucket[bucket(slotSide, priceTicks, qtyLots)];
        for (; s >= tail; s = r[(int) (s & ringMask) * STRIDE + OLDER]) {
            int e = (int) (s & ringMask) * STRIDE;
            if (r[e + PRICE] == priceTicks && r[e + QTY] == qtyLots && r[e + SLOT_SIDE] == slotSide) {
                return r[e + DEADLINE] - nowNs > 0;
            }
        }
        return false;
    }

    void record(long slotSide, long priceTicks, long qtyLots, long nowNs, long windowNs) {
        evict(nowNs);
        if (head - tail > ringMask) {
            grow();
        }
        int e = (int) (head & ringMask) * STRIDE;
        int b = bucket(slotSide, priceTicks, qtyLots);
        ring[e + SLOT_SIDE] = slotSide;
        ring[e + PRICE] = priceTicks;
        ring[e + QTY] = qtyLots;
        ring[e + DEADLINE] = nowNs + windowNs;
        ring[e + OLDER] = headByBucket[b];
        headByBucket[b] = head++;
    }

    private void evict(long nowNs) {
        while (tail < head && ring[(int) (tail & ringMask) * STRIDE + DEADLINE] - nowNs <= 0) {
            tail++;
        }
    }

    /** Doubles the ring and the buckets, and chains the entries kept again, oldest first. */
    private void grow() {
        long[] old = ring;
        int oldMask = ringMask;
        allocate(2 * (ringMask + 1));
        for (long s = tail; s < head; s++) {
            int from = (int) (s & oldMask) * STRIDE;
            int e = (int) (s & ringMask) * STRIDE;
            System.arraycopy(old, from, ring, e, OLDER);
            int b = bucket(old[from + SLOT_SIDE], old[from + PRICE], old[from + QTY]);
            ring[e + OLDER] = headByBucket[b];
            headByBucket[b] = s;
        }
    }

    /** Entries held, expired ones not yet evicted included (a key recorded again holds one entry a record). */
    int remembered() {
        return (int) (head - tail);
    }
}
