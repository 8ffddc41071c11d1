package io.rialto.core.book;

import static io.rialto.core.book.OrderPool.NULL_INDEX;

import io.rialto.core.domain.Side;
import java.util.Arrays;

/**
 * The price levels of one side of a {@link MatchingBook}: a pool of levels in parallel arrays with a free list,
 * a ladder that keeps the live levels sorted with the best price last, and each level's FIFO of orders, doubly
 * linked through the {@link OrderPool}'s {@code nexts} / {@code prevs}.
 *
 * <pre>
 * level:              0        1        2     ...
 * levelPrices      [ 10050  | 10049  | 10052  | ... ]  long  price of the level, in ticks
 * levelQtys        [ 300    | 120    | 75     | ... ]  long  aggregate open quantity, in lots
 * levelHeads       [ slot   | slot   | next free level ]  int  oldest order (FIFO head) / free-list link
 * levelTails       [ slot   | slot   | ...    ]          int  newest order (FIFO tail)
 * levelOrderCounts [ 3      | 1      | 1      | ... ]    int
 *
 * ladder (sorted ascending by key = sign * price, sign = +1 for bids, -1 for asks, so the best is last):
 * ladderKeys       [ worst ... | second best | best ]   long
 * ladderLevels     [ level ... | level       | level ]  int
 *                                               ^ ladderSize - 1: O(1) best price, O(1) removal of the best
 * </pre>
 *
 * <p>Finding a level is a binary search over the contiguous keys (a new best price is found in O(1));
 * inserting or removing a level shifts only the levels better than it, which near the touch are few.
 * Threading: not thread-safe, owned by the single thread of its book.
 */
final class BookSide {

    private static final int MIN_LEVELS = 16;

    final Side side;
    private final long sign;
    private final OrderPool orders;

    long[] levelPrices;
    long[] levelQtys;
    int[] levelHeads;
    int[] levelTails;
    int[] levelOrderCounts;
    private int freeLevel = NULL_INDEX;

    private long[] ladderKeys;
    private int[] ladderLevels;
    private int ladderSize;

    BookSide(Side side, int initialLevels, OrderPool orders) {
        this.side = side;
        this.orders = orders;
        this.sign = side == Side.BUY ? 1 : -1;
        int capacity = Math.max(MIN_LEVELS, initialLevels);
        levelPrices = new long[capacity];
        levelQtys = new long[capacity];
        levelHeads = new int[capacity];
        levelTails = new int[capacity];
        levelOrderCounts = new int[capacity];
        ladderKeys = new long[capacity];
        ladderLevels = new int[capacity];
        pushFree(0, capacity);
    }

    int levelCount() {
        return ladderSize;
    }

    /** The best level, or {@link OrderPool#NULL_INDEX} when the side is empty. */
    int bestLevel() {
        return ladderSize == 0 ? NULL_INDEX : ladderLevels[ladderSize - 1];
    }

    /** The level {@code rank} places behind the best ({@code 0} is the best); {@code rank < levelCount()}. */
    int levelAtRank(int rank) {
        return ladderLevels[ladderSize - 1 - rank];
    }

    /** True when a taker with this limit price can trade against a level of this side at {@code makerPrice}. */
    boolean crosses(long makerPrice, long takerLimitPrice) {
        return sign * makerPrice >= sign * takerLimitPrice;
    }

    /** The level at this price, or {@link OrderPool#NULL_INDEX}. */
    int findLevel(long priceTicks) {
        int position = position(sign * priceTicks);
        return position >= 0 ? ladderLevels[position] : NULL_INDEX;
    }

    /** The level at this price, created empty and placed in the ladder when there is none. */
    int findOrCreateLevel(long priceTicks) {
        long key = sign * priceTicks;
        int position = position(key);
        if (position >= 0) {
            return ladderLevels[position];
        }
        int insertAt = -position - 1;
        if (freeLevel == NULL_INDEX) {
            grow();
        }
        int level = freeLevel;
        freeLevel = levelHeads[level];
        levelPrices[level] = priceTicks;
        levelQtys[level] = 0;
        levelHeads[level] = NULL_INDEX;
        levelTails[level] = NULL_INDEX;
        levelOrderCounts[level] = 0;
        int moved = ladderSize - insertAt;
        if (moved > 0) {
            System.arraycopy(ladderKeys, insertAt, ladderKeys, insertAt + 1, moved);
            System.arraycopy(ladderLevels, insertAt, ladderLevels, insertAt + 1, moved);
        }
        ladderKeys[insertAt] = key;
        ladderLevels[insertAt] = level;
        ladderSize++;
        return level;
    }

    /** Takes an empty level out of the ladder and returns it to the free list. */
    void removeLevel(int level) {
        int position = ladderLevels[ladderSize - 1] == level ? ladderSize - 1 : position(sign * levelPrices[level]);
        int moved = ladderSize - 1 - position;
        if (moved > 0) {
            System.arraycopy(ladderKeys, position + 1, ladderKeys, position, moved);
            System.arraycopy(ladderLevels, position + 1, ladderLevels, position, moved);
        }
        ladderSize--;
        levelHeads[level] = freeLevel;
        levelOrderCounts[level] = 0;
        freeLevel = level;
    }

    /** Appends an allocated order to the back of the FIFO at this price, creating the level when needed. */
    void append(int slot, long priceTicks) {
        final OrderPool pool = orders;
        int level = findOrCreateLevel(priceTicks);
        int tail = levelTails[level];
        pool.prevs[slot] = tail;
        pool.nexts[slot] = NULL_INDEX;
        if (tail == NULL_INDEX) {
            levelHeads[level] = slot;
        } else {
            pool.nexts[tail] = slot;
        }
        levelTails[level] = slot;
        levelQtys[level] += pool.openQtys[slot];
        levelOrderCounts[level]++;
        pool.levelRefs[slot] = level << 1 | side.ordinal();
    }

    /** Takes a resting order of this side out of its level, removing the level when it empties; keeps the slot. */
    void remove(int slot) {
        int level = orders.levelRefs[slot] >>> 1;
        unlink(slot, level);
        if (levelOrderCounts[level] == 0) {
            removeLevel(level);
        }
    }

    /** Takes an order out of its level's FIFO and quantity, leaving an empty level in place; keeps the slot. */
    void unlink(int slot, int level) {
        final OrderPool pool = orders;
        int prev = pool.prevs[slot];
        int next = pool.nexts[slot];
        if (prev == NULL_INDEX) {
            levelHeads[level] = next;
        } else {
            pool.nexts[prev] = next;
        }
        if (next == NULL_INDEX) {
            levelTails[level] = prev;
        } else {
            pool.prevs[next] = prev;
        }
        levelQtys[level] -= pool.openQtys[slot];
        levelOrderCounts[level]--;
        pool.levelRefs[slot] = NULL_INDEX;
    }

    /** Aggregate quantity of the best {@code levels} levels. */
    long topQty(int levels) {
        long qty = 0;
        int count = Math.min(levels, ladderSize);
        for (int rank = 0; rank < count; rank++) {
            qty += levelQtys[ladderLevels[ladderSize - 1 - rank]];
        }
        return qty;
    }

    /** Checks the ladder's order and keys; levels' FIFOs are checked by the book. */
    void checkLadder() {
        for (int i = 0; i < ladderSize; i++) {
            int level = ladderLevels[i];
            if (ladderKeys[i] != sign * levelPrices[level]) {
                throw new IllegalStateException(side + " ladder key " + i + " does not match level price "
                        + levelPrices[level]);
            }
            if (i > 0 && ladderKeys[i - 1] >= ladderKeys[i]) {
                throw new IllegalStateException(side + " ladder not strictly sorted at " + i);
            }
            if (levelOrderCounts[level] <= 0 || levelQtys[level] <= 0) {
                throw new IllegalStateException(side + " empty level in the ladder at price " + levelPrices[level]);
            }
        }
    }

    /** Index of the key in the ladder, or {@code -(insertion point) - 1}. */
    private int position(long key) {
        int high = ladderSize - 1;
        if (high < 0 || key > ladderKeys[high]) {
            return -(high + 1) - 1;
        }
        if (key == ladderKeys[high]) {
            return high;
        }
        int low = 0;
        high--;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            long midKey = ladderKeys[mid];
            if (midKey < key) {
                low = mid + 1;
            } else if (midKey > key) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -low - 1;
    }

    private void grow() {
        int oldCapacity = levelPrices.length;
        int capacity = oldCapacity * 2;
        levelPrices = Arrays.copyOf(levelPrices, capacity);
        levelQtys = Arrays.copyOf(levelQtys, capacity);
        levelHeads = Arrays.copyOf(levelHeads, capacity);
        levelTails = Arrays.copyOf(levelTails, capacity);
        levelOrderCounts = Arrays.copyOf(levelOrderCounts, capacity);
        ladderKeys = Arrays.copyOf(ladderKeys, capacity);
        ladderLevels = Arrays.copyOf(ladderLevels, capacity);
        pushFree(oldCapacity, capacity);
    }

    private void pushFree(int from, int to) {
        for (int level = to - 1; level >= from; level--) {
            levelHeads[level] = freeLevel;
            freeLevel = level;
        }
    }
}
