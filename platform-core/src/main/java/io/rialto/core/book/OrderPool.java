package io.rialto.core.book;

import java.util.Arrays;

/**
 * The live orders of one {@link MatchingBook}: parallel primitive arrays indexed by slot, a free list threaded
 * through {@code nexts}, and {@code slotByOrderId}, an open-addressing index from order id to slot.
 *
 * <pre>
 * slot:           0      1      2      3    ...   capacity-1
 * orderIds     [ id0  | id1  | id2  | id3  | ... ]  long   8 B
 * openQtys     [ q0   | q1   | q2   | q3   | ... ]  long   8 B
 * accounts     [ a0   | a1   | a2   | a3   | ... ]  long   8 B  (only allocated when self-trade prevention is on)
 * levelRefs    [ L<<1|side | ... | NULL_INDEX (free) ]  int 4 B  level index in its BookSide, side in bit 0
 * nexts        [ next in level FIFO | next free slot ]  int    4 B
 * prevs        [ previous in level FIFO            ]  int    4 B
 *
 * slotByOrderId: int[2 * capacity + 4] (load factor < 0.5), linear probing, NULL_INDEX = empty.
 *   It stores only the slot; the key is read back from orderIds[slot], so the index costs 4 B per table
 *   entry, 8 B or less per order. Removal shifts the probe chain back (no tombstones).
 * </pre>
 *
 * <p>Capacity is always {@code 2^n - 4} slots and grows by doubling when the free list runs out, the index being
 * rebuilt at {@code 2^(n+1) - 4} entries; nothing is allocated otherwise. The {@code - 4} makes every array,
 * with its 16-byte header, exactly a power of two bytes long: G1 keeps a large array in whole regions, and a
 * power-of-two element count would spill its header into one more, mostly empty, region. The index is therefore
 * not a power of two long: a home bucket is {@code (hash >>> 32) * length >>> 32} (Lemire's range reduction).
 *
 * <p>Threading: not thread-safe, owned by the single thread of its book.
 */
final class OrderPool {

    static final int NULL_INDEX = -1;
    private static final long FIBONACCI = 0x9E3779B97F4A7C15L;
    private static final int ARRAY_HEADER_ELEMENTS = 4;
    private static final int MIN_CAPACITY = 16 - ARRAY_HEADER_ELEMENTS;

    long[] orderIds;
    long[] openQtys;
    long[] accounts;
    int[] levelRefs;
    int[] nexts;
    int[] prevs;

    private int[] slotByOrderId;
    private int indexLength;
    private int freeHead = NULL_INDEX;
    private int size;

    OrderPool(int initialCapacity, boolean trackAccounts) {
        int capacity = MIN_CAPACITY;
        while (capacity < initialCapacity) {
            capacity = doubled(capacity);
        }
        orderIds = new long[capacity];
        openQtys = new long[capacity];
        accounts = trackAccounts ? new long[capacity] : null;
        levelRefs = new int[capacity];
        nexts = new int[capacity];
        prevs = new int[capacity];
        pushFree(0, capacity);
        rebuildIndex(capacity);
    }

    int size() {
        return size;
    }

    int capacity() {
        return orderIds.length;
    }

    /** Slot of a live order, or {@link #NULL_INDEX}. */
    int find(long orderId) {
        final int[] table = slotByOrderId;
        int i = home(orderId);
        while (true) {
            int slot = table[i];
            if (slot == NULL_INDEX || orderIds[slot] == orderId) {
                return slot;
            }
            if (++i == table.length) {
                i = 0;
            }
        }
    }

    /** Takes a free slot for an order that is not live yet and indexes it; the caller links it into a level. */
    int allocate(long orderId, long openQty, long account) {
        if (freeHead == NULL_INDEX) {
            grow();
        }
        int slot = freeHead;
        freeHead = nexts[slot];
        orderIds[slot] = orderId;
        openQtys[slot] = openQty;
        if (accounts != null) {
            accounts[slot] = account;
        }
        nexts[slot] = NULL_INDEX;
        prevs[slot] = NULL_INDEX;
        insertIndex(slot);
        size++;
        return slot;
    }

    /** Returns a slot (already unlinked from its level) to the free list and drops it from the index. */
    void free(int slot) {
        removeIndex(slot);
        levelRefs[slot] = NULL_INDEX;
        nexts[slot] = freeHead;
        freeHead = slot;
        size--;
    }

    /** Number of occupied entries in the index; equals {@link #size()} when the index is sound. */
    int indexedCount() {
        int count = 0;
        for (int slot : slotByOrderId) {
            if (slot != NULL_INDEX) {
                count++;
            }
        }
        return count;
    }

    private int home(long orderId) {
        return (int) ((((orderId * FIBONACCI) >>> 32) * indexLength) >>> 32);
    }

    private int nextIndex(int i) {
        return i + 1 == indexLength ? 0 : i + 1;
    }

    /** Steps from {@code from} forward (wrapping) to {@code to}. */
    private int distance(int from, int to) {
        return to >= from ? to - from : to - from + indexLength;
    }

    private void insertIndex(int slot) {
        final int[] table = slotByOrderId;
        int i = home(orderIds[slot]);
        while (table[i] != NULL_INDEX) {
            i = nextIndex(i);
        }
        table[i] = slot;
    }

    private void removeIndex(int slot) {
        final int[] table = slotByOrderId;
        int hole = home(orderIds[slot]);
        while (table[hole] != slot) {
            hole = nextIndex(hole);
        }
        int i = hole;
        while (true) {
            i = nextIndex(i);
            int moved = table[i];
            if (moved == NULL_INDEX) {
                break;
            }
            if (distance(home(orderIds[moved]), i) >= distance(hole, i)) {
                table[hole] = moved;
                hole = i;
            }
        }
        table[hole] = NULL_INDEX;
    }

    private void grow() {
        int oldCapacity = orderIds.length;
        if (oldCapacity >= (1 << 28)) {
            throw new IllegalStateException("order pool cannot grow beyond " + oldCapacity + " orders");
        }
        int capacity = doubled(oldCapacity);
        orderIds = Arrays.copyOf(orderIds, capacity);
        openQtys = Arrays.copyOf(openQtys, capacity);
        if (accounts != null) {
            accounts = Arrays.copyOf(accounts, capacity);
        }
        levelRefs = Arrays.copyOf(levelRefs, capacity);
        nexts = Arrays.copyOf(nexts, capacity);
        prevs = Arrays.copyOf(prevs, capacity);
        pushFree(oldCapacity, capacity);
        rebuildIndex(capacity);
    }

    private void pushFree(int from, int to) {
        for (int slot = to - 1; slot >= from; slot--) {
            levelRefs[slot] = NULL_INDEX;
            nexts[slot] = freeHead;
            freeHead = slot;
        }
    }

    /** From {@code 2^n - 4} to {@code 2^(n+1) - 4}. */
    private static int doubled(int capacity) {
        return (capacity + ARRAY_HEADER_ELEMENTS) * 2 - ARRAY_HEADER_ELEMENTS;
    }

    private void rebuildIndex(int capacity) {
        int length = doubled(capacity);
        int[] old = slotByOrderId;
        slotByOrderId = new int[length];
        Arrays.fill(slotByOrderId, NULL_INDEX);
        indexLength = length;
        if (old != null) {
            for (int slot : old) {
                if (slot != NULL_INDEX) {
                    insertIndex(slot);
                }
            }
        }
    }
}
