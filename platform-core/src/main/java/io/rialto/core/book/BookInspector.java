package io.rialto.core.book;

import static io.rialto.core.book.OrderPool.NULL_INDEX;

import io.rialto.core.domain.Side;

/**
 * Read-only walks over a {@link MatchingBook}'s internals: the state hash and the invariant check. Not on the hot
 * path; same threading rule as the book.
 */
final class BookInspector {

    private static final long SEED = 0x5EEDL;

    private BookInspector() {
    }

    /**
     * Hash of every live order in book order: bids best-first, then asks best-first, each level oldest first.
     * Any book that visits its orders in that order with {@link #mixOrder} gets the same value.
     */
    static long stateHash(MatchingBook book) {
        OrderPool pool = book.orders();
        long hash = SEED;
        for (Side side : Side.values()) {
            BookSide bookSide = book.side(side);
            for (int rank = 0; rank < bookSide.levelCount(); rank++) {
                int level = bookSide.levelAtRank(rank);
                long price = bookSide.levelPrices[level];
                int position = 0;
                for (int slot = bookSide.levelHeads[level]; slot != NULL_INDEX; slot = pool.nexts[slot]) {
                    hash = mixOrder(hash, pool.orderIds[slot], side, price, pool.openQtys[slot], position++);
                }
            }
        }
        return hash;
    }

    /** Folds one live order into a running state hash. */
    static long mixOrder(long hash, long orderId, Side side, long priceTicks, long openQtyLots, int queuePosition) {
        long h = mix(hash, orderId);
        h = mix(h, side.ordinal());
        h = mix(h, priceTicks);
        h = mix(h, openQtyLots);
        return mix(h, queuePosition);
    }

    /** Initial value of a state hash. */
    static long seed() {
        return SEED;
    }

    private static long mix(long hash, long value) {
        long h = (hash ^ value) * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }

    static void checkConsistency(MatchingBook book) {
        OrderPool pool = book.orders();
        int liveOrders = 0;
        for (Side side : Side.values()) {
            BookSide bookSide = book.side(side);
            bookSide.checkLadder();
            for (int rank = 0; rank < bookSide.levelCount(); rank++) {
                liveOrders += checkLevel(pool, bookSide, bookSide.levelAtRank(rank));
            }
        }
        if (liveOrders != pool.size()) {
            throw new IllegalStateException("levels hold " + liveOrders + " orders, pool says " + pool.size());
        }
        int indexed = pool.indexedCount();
        if (indexed != pool.size()) {
            throw new IllegalStateException("index holds " + indexed + " entries for " + pool.size() + " orders");
        }
        long bestBid = book.bestBid();
        long bestAsk = book.bestAsk();
        if (bestBid != MatchingBook.NO_PRICE && bestAsk != MatchingBook.NO_PRICE && bestBid >= bestAsk) {
            throw new IllegalStateException("book is crossed: best bid " + bestBid + " >= best ask " + bestAsk);
        }
    }

    private static int checkLevel(OrderPool pool, BookSide bookSide, int level) {
        long price = bookSide.levelPrices[level];
        String where = bookSide.side + " level " + price;
        int expectedRef = level << 1 | bookSide.side.ordinal();
        int count = 0;
        long qty = 0;
        int prev = NULL_INDEX;
        for (int slot = bookSide.levelHeads[level]; slot != NULL_INDEX; slot = pool.nexts[slot]) {
            if (++count > pool.size()) {
                throw new IllegalStateException(where + ": FIFO has a cycle");
            }
            if (pool.prevs[slot] != prev) {
                throw new IllegalStateException(where + ": broken prev link at slot " + slot);
            }
            if (pool.levelRefs[slot] != expectedRef) {
                throw new IllegalStateException(where + ": order " + pool.orderIds[slot] + " points at another level");
            }
            if (pool.openQtys[slot] <= 0) {
                throw new IllegalStateException(where + ": order " + pool.orderIds[slot] + " has no open quantity");
            }
            if (pool.find(pool.orderIds[slot]) != slot) {
                throw new IllegalStateException(where + ": order " + pool.orderIds[slot] + " is not indexed");
            }
            qty += pool.openQtys[slot];
            prev = slot;
        }
        if (bookSide.levelTails[level] != prev) {
            throw new IllegalStateException(where + ": tail is not the last order");
        }
        if (count != bookSide.levelOrderCounts[level]) {
            throw new IllegalStateException(where + ": holds " + count + " orders, counts "
                    + bookSide.levelOrderCounts[level]);
        }
        if (qty != bookSide.levelQtys[level]) {
            throw new IllegalStateException(where + ": orders sum to " + qty + ", level says "
                    + bookSide.levelQtys[level]);
        }
        return count;
    }
}
