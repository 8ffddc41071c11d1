package io.rialto.risk;

/**
 * Remembers accepted orders by a 64-bit hash of (strategy, instrument, side, price, quantity) until their
 * window expires. A hash stands for the key, so two different orders are taken for duplicates only when
 * their hashes collide (about one pair in 2^64).
 *
 * <p>Deadlines sit in a map for the lookup and in a FIFO ring for eviction; eviction stops at the first
 * unexpired entry, so with per-strategy windows of different lengths memory is bounded by the longest
 * window times the order rate. The lookup of {@link #isDuplicate} leaves its table position for the
 * {@link #record} of the same key that follows it, so an accepted order costs one probe of the map. The
 * ring also keeps the map position each entry was stored at, so eviction goes straight to it instead of
 * probing again; a removal (which shifts later entries of a cluster back) or a rehash may have moved the
 * entry, which the key at that position tells, and only then is it probed for. Single-threaded; allocates
 * only when the ring or map grows.
 */
final class DuplicateFilter {
    private static final long MISSING = Long.MIN_VALUE;

    private final LongHashTable deadlineByKey = new LongHashTable(1024, MISSING);
    private long[] ringKey = new long[1024];
    private long[] ringDeadline = new long[1024];
    /** The map position of each ring entry when it was recorded (a hint: checked against the key). */
    private int[] ringPosition = new int[1024];
    private int head;
    private int size;
    private long probedKey;
    private int probed;
    private boolean probeValid;

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

    boolean isDuplicate(long key, long nowNs) {
        evict(nowNs);
        int p = deadlineByKey.probe(key);
        probedKey = key;
        probed = p;
        probeValid = true;
        return p >= 0 && deadlineByKey.valueAt(p) - nowNs > 0;
    }

    void record(long key, long nowNs, long windowNs) {
        long deadline = nowNs + windowNs;
        int p = probeValid && probedKey == key ? probed : deadlineByKey.probe(key);
        probeValid = false;
        if (p >= 0) {
            deadlineByKey.setValueAt(p, deadline);
        } else {
            deadlineByKey.insertAt(p, key, deadline); // may rehash: eviction checks the hint before using it
            p = -p - 1;
        }
        if (size == ringKey.length) {
            grow();
        }
        int tail = (head + size) & (ringKey.length - 1);
        ringKey[tail] = key;
        ringDeadline[tail] = deadline;
        ringPosition[tail] = p;
        size++;
    }

    private void evict(long nowNs) {
        int mask = ringKey.length - 1;
        while (size > 0 && ringDeadline[head] - nowNs <= 0) {
            long key = ringKey[head];
            int p = ringPosition[head];
            if (!deadlineByKey.holds(p, key)) {
                p = deadlineByKey.probe(key);
            }
            if (p >= 0 && deadlineByKey.valueAt(p) == ringDeadline[head]) {
                deadlineByKey.removeAt(p);
            }
            head = (head + 1) & mask;
            size--;
        }
    }

    private void grow() {
        int n = ringKey.length * 2;
        long[] keys = new long[n];
        long[] deadlines = new long[n];
        int[] positions = new int[n];
        for (int i = 0; i < size; i++) {
            int from = (head + i) & (ringKey.length - 1);
            keys[i] = ringKey[from];
            deadlines[i] = ringDeadline[from];
            positions[i] = ringPosition[from];
        }
        ringKey = keys;
        ringDeadline = deadlines;
        ringPosition = positions;
        head = 0;
    }

    int remembered() {
        return deadlineByKey.size();
    }
}
