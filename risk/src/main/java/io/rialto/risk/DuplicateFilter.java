package io.rialto.risk;

import java.util.Arrays;

/**
 * Remembers accepted orders by a 64-bit hash of (strategy, instrument, side, price, quantity) until their
 * window expires. A hash stands for the key, so two different orders are taken for duplicates only when
 * their hashes collide (about one pair in 2^64).
 *
 * <p>The entries live in a FIFO ring, numbered by a sequence that only grows, and a table of buckets chains
 * them, newest first, by that sequence:
 * <pre>
 *   headByBucket[key &gt;&gt;&gt; shift] ─▶ seq ─▶ ring[seq &amp; mask]: [key][deadline][older seq of the bucket] ─▶ ...
 *   tail ──▶ oldest entry kept                  head ──▶ where the next entry goes
 * </pre>
 * A chain ends at a sequence below {@code tail}: eviction is only {@code tail++}, with nothing to unlink or
 * shift in the table, and recording is a write at the head of the ring and of one bucket. A lookup walks the
 * key's bucket from the newest entry, and the first entry with the key is its latest record. Eviction stops at
 * the first unexpired entry, so with per-strategy windows of different lengths memory is bounded by the
 * longest window times the order rate. Single-threaded; allocates only when the ring grows.
 */
final class DuplicateFilter {
    private static final int KEY = 0;
    private static final int DEADLINE = 1;
    private static final int OLDER = 2;
    private static final int STRIDE = 3;
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

    static long key(int strategy, int instrumentId, int side, long priceTicks, long qtyLots) {
        long h = mix(((long) strategy << 32) ^ ((long) instrumentId << 1) ^ side);
        h = mix(h ^ priceTicks);
        return mix(h ^ qtyLots * 0x9E3779B97F4A7C15L);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /** Twice as many buckets as ring entries, so a chain holds about half an entry. */
    private void allocate(int entries) {
        ring = new long[entries * STRIDE];
        ringMask = entries - 1;
        headByBucket = new long[2 * entries];
        Arrays.fill(headByBucket, NONE);
        bucketShift = 64 - Integer.numberOfTrailingZeros(2 * entries);
    }

    private int bucket(long key) {
        return (int) (key >>> bucketShift); // the key is a mixed hash already
    }

    boolean isDuplicate(long key, long nowNs) {
        long[] r = ring;
        for (long s = headByBucket[bucket(key)]; s >= tail; s = r[(int) (s & ringMask) * STRIDE + OLDER]) {
            int e = (int) (s & ringMask) * STRIDE;
            if (r[e + KEY] == key) {
                return r[e + DEADLINE] - nowNs > 0;
            }
        }
        return false;
    }

    void record(long key, long nowNs, long windowNs) {
        evict(nowNs);
        if (head - tail > ringMask) {
            grow();
        }
        int e = (int) (head & ringMask) * STRIDE;
        int b = bucket(key);
        ring[e + KEY] = key;
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
            int b = bucket(old[from + KEY]);
            ring[e + KEY] = old[from + KEY];
            ring[e + DEADLINE] = old[from + DEADLINE];
            ring[e + OLDER] = headByBucket[b];
            headByBucket[b] = s;
        }
    }

    /** Entries held, expired ones not yet evicted included (a key recorded again holds one entry a record). */
    int remembered() {
        return (int) (head - tail);
    }
}
