package io.rialto.risk;

/**
 * An open-addressing {@code long -> long} map whose callers keep the position a probe found, so that a lookup
 * followed by an insert, an update or a removal of the same key costs one probe, not two:
 * <pre>
 *   entries: [key 0][value 0][key 1][value 1] ...   one cache line holds four entries
 *   position p = (key * golden) >>> (64 - bits), then p + 1, p + 2 ... (linear probing, wrapping)
 *   an entry whose value is {@code missingValue} is empty
 *   load at most 1/2; a removal shifts the rest of its cluster back (no tombstones)
 * </pre>
 * {@link #probe} returns the position of the key (&ge; 0) or {@code -(free position) - 1}. A position stays
 * valid until the next {@link #insertAt} or {@link #removeAt}; a holder of an older position can check it
 * with {@link #keyAt} (keys are unique, so an entry holding the key is the key's entry). Fibonacci hashing
 * spreads sequential keys such as clOrdIds. Single-threaded; allocates only when it grows.
 */
final class LongHashTable {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final long missingValue;
    private long[] entries;
    private int mask;
    private int shift;
    private int size;

    /** {@code capacity}: entries before the first growth; {@code missingValue} may never be stored. */
    LongHashTable(int capacity, long missingValue) {
        this.missingValue = missingValue;
        allocate(Integer.highestOneBit(Math.max(8, capacity * 2 - 1)) << 1);
    }

    private void allocate(int slots) {
        entries = new long[2 * slots];
        for (int i = 1; i < entries.length; i += 2) {
            entries[i] = missingValue;
        }
        mask = slots - 1;
        shift = 64 - Integer.numberOfTrailingZeros(slots);
    }

    private int home(long key) {
        return (int) ((key * GOLDEN) >>> shift);
    }

    /** The key's position (&ge; 0), or {@code -(the free position it would go to) - 1}. */
    int probe(long key) {
        long[] e = entries;
        int m = mask;
        for (int p = home(key); ; p = (p + 1) & m) {
            if (e[2 * p + 1] == missingValue) {
                return -p - 1;
            }
            if (e[2 * p] == key) {
                return p;
            }
        }
    }

    /** The value of a key, or {@code missingValue}. */
    long get(long key) {
        int p = probe(key);
        return p >= 0 ? entries[2 * p + 1] : missingValue;
    }

    /** Whether {@code position} (any int: a hint that may be stale or out of range) holds {@code key}. */
    boolean holds(int position, long key) {
        return position >= 0 && position <= mask && entries[2 * position + 1] != missingValue
                && entries[2 * position] == key;
    }

    long keyAt(int position) {
        return entries[2 * position];
    }

    long valueAt(int position) {
        return entries[2 * position + 1];
    }

    /** Whether the entry at a position is in use. */
    boolean isUsed(int position) {
        return entries[2 * position + 1] != missingValue;
    }

    void setValueAt(int position, long value) {
        entries[2 * position + 1] = value;
    }

    /** Stores a new key at the free position {@link #probe} returned (encoded, as it returned it). */
    void insertAt(int probed, long key, long value) {
        int p = -probed - 1;
        entries[2 * p] = key;
        entries[2 * p + 1] = value;
        if (++size > (mask + 1) >> 1) {
            rehash();
        }
    }

    /** Puts a key anywhere (two probes' worth of work when it is new: not for hot paths that probed already). */
    void put(long key, long value) {
        int p = probe(key);
        if (p >= 0) {
            setValueAt(p, value);
        } else {
            insertAt(p, key, value);
        }
    }

    /** Removes the entry at a position and closes the gap by moving later entries of its cluster back. */
    void removeAt(int position) {
        long[] e = entries;
        int m = mask;
        int gap = position;
        for (int p = (gap + 1) & m; e[2 * p + 1] != missingValue; p = (p + 1) & m) {
            int h = home(e[2 * p]);
            if (((p - h) & m) >= ((p - gap) & m)) {
                e[2 * gap] = e[2 * p];
                e[2 * gap + 1] = e[2 * p + 1];
                gap = p;
            }
        }
        e[2 * gap + 1] = missingValue;
        size--;
    }

    int size() {
        return size;
    }

    private void rehash() {
        long[] old = entries;
        allocate(2 * (mask + 1));
        for (int i = 0; i < old.length; i += 2) {
            if (old[i + 1] != missingValue) {
                int p = home(old[i]);
                while (entries[2 * p + 1] != missingValue) {
                    p = (p + 1) & mask;
                }
                entries[2 * p] = old[i];
                entries[2 * p + 1] = old[i + 1];
            }
        }
    }
}
