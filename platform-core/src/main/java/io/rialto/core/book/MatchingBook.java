package io.rialto.core.book;

import static io.rialto.core.book.OrderPool.NULL_INDEX;

import io.rialto.core.domain.OrderType;
import io.rialto.core.domain.Side;
import io.rialto.core.domain.TimeInForce;

/**
 * Order-by-order matching engine of one symbol: price-time priority, trades at the maker's price, limit and market
 * orders, GTC / IOC / FOK / GTX, in-place or re-entering modifies and self-trade prevention, with the rules of
 * {@code shared/formats/matching-csv.md}. Prices are {@code long} ticks, quantities {@code long} lots.
 *
 * <pre>
 *  slotByOrderId (int[2^(n+1)-4], linear probing)    OrderPool (parallel arrays, one slot per live order)
 *  +----+----+----+----+----+                        slot | orderId | openQty | account | levelRef | next | prev
 *  | -1 |  2 | -1 |  0 |  1 | ---- slot ----------->   0  |   17    |   40    |   A     | 3<<1|BUY |  1   |  -1
 *  +----+----+----+----+----+                          1  |   21    |   10    |   B     | 3<<1|BUY | -1   |   0
 *                                                      2  |   30    |   25    |   A     | 0<<1|SELL| -1   |  -1
 *  bids: BookSide                                     asks: BookSide
 *  ladder keys (+price), best last                    ladder keys (-price), best last
 *  [ ... 10048 | 10049 | 10050 ]                      [ ... -10053 | -10052 | -10051 ]
 *  level 3: price 10050, qty 50, head 0, tail 1       level 0: price 10051, qty 25, head 2, tail 2
 *           FIFO 0 <-> 1 through next/prev                       FIFO 2
 * </pre>
 *
 * <p>Memory: 36 bytes per order slot ({@code orderId}, {@code openQty}, {@code account} 8 each, three
 * {@code int}s), 28 without self-trade prevention (the account array is not allocated), plus at most 8 bytes per
 * order for the index at a load factor of at most one half, plus the levels (40 bytes per price level).
 * Every structure grows by doubling; no operation allocates otherwise, and nothing is boxed.
 *
 * <p>Threading: single-threaded. One thread (the symbol's actor) owns the book and calls every method; the
 * {@link MatchingListener} is called synchronously on that thread and must not call back into the book.
 *
 * <p>Accounts: with self-trade prevention on, two orders belong to the same account when their {@code account}
 * values are equal; with {@link SelfTradePrevention#NONE} the value is ignored.
 */
public final class MatchingBook {

    /** Returned by {@link #bestBid()} and {@link #bestAsk()} when that side is empty. */
    public static final long NO_PRICE = Long.MIN_VALUE;

    private static final long MARKET_BUY_LIMIT = Long.MAX_VALUE;
    private static final long MARKET_SELL_LIMIT = 0;

    private final OrderPool orders;
    private final BookSide bids;
    private final BookSide asks;
    private final BookSide[] sides;
    private final SelfTradePrevention stp;
    private final MatchingListener listener;
    private boolean stoppedBySelfTrade;

    /**
     * @param initialOrderCapacity resting orders held before the first growth (rounded up to {@code 2^n - 4})
     * @param stp                  what happens when an order reaches a resting order of its own account
     * @param listener             receives every event, synchronously, on the calling thread
     */
    public MatchingBook(int initialOrderCapacity, SelfTradePrevention stp, MatchingListener listener) {
        if (stp == null || listener == null) {
            throw new IllegalArgumentException("stp and listener are required");
        }
        this.stp = stp;
        this.listener = listener;
        this.orders = new OrderPool(initialOrderCapacity, stp != SelfTradePrevention.NONE);
        int initialLevels = Math.max(16, initialOrderCapacity / 64);
        this.bids = new BookSide(Side.BUY, initialLevels, orders);
        this.asks = new BookSide(Side.SELL, initialLevels, orders);
        this.sides = new BookSide[] {bids, asks};
    }

    /**
     * Checks, then matches and rests or cancels a new order: {@code onAccepted}, its trades, then {@code onRested}
     * or {@code onCanceled}; or only {@code onRejected}. {@code tif} and {@code priceTicks} are ignored for
     * {@code MARKET}, which is always IOC; {@code account} is ignored without self-trade prevention.
     */
    public void newOrder(long orderId, Side side, OrderType type, TimeInForce tif, long priceTicks, long qtyLots,
                         long account) {
        if (orders.find(orderId) != NULL_INDEX) {
            listener.onRejected(orderId, MatchReject.DUPLICATE_ID);
            return;
        }
        if (qtyLots <= 0) {
            listener.onRejected(orderId, MatchReject.INVALID_QTY);
            return;
        }
        final boolean market = type == OrderType.MARKET;
        if (!market && priceTicks <= 0) {
            listener.onRejected(orderId, MatchReject.INVALID_PRICE);
            return;
        }
        final BookSide opposite = side == Side.BUY ? asks : bids;
        if (!market && tif == TimeInForce.GTX) {
            int best = opposite.bestLevel();
            if (best != NULL_INDEX && opposite.crosses(opposite.levelPrices[best], priceTicks)) {
                listener.onRejected(orderId, MatchReject.WOULD_CROSS);
                return;
            }
        }
        listener.onAccepted(orderId);
        final long limit = market ? (side == Side.BUY ? MARKET_BUY_LIMIT : MARKET_SELL_LIMIT) : priceTicks;
        if (!market && tif == TimeInForce.FOK && !canFill(opposite, limit, qtyLots, account)) {
            listener.onCanceled(orderId, qtyLots);
            return;
        }
        long remaining = match(orderId, account, opposite, limit, qtyLots);
        if (remaining == 0) {
            return;
        }
        if (stoppedBySelfTrade || market || tif == TimeInForce.IOC || tif == TimeInForce.FOK) {
            listener.onCanceled(orderId, remaining);
            return;
        }
        int slot = orders.allocate(orderId, remaining, account);
        (side == Side.BUY ? bids : asks).append(slot, priceTicks);
        listener.onRested(orderId, priceTicks, remaining);
    }

    /** Cancels a live order: {@code onCanceled} with its open quantity, or {@code onRejected(UNKNOWN_ORDER)}. */
    public void cancel(long orderId) {
        int slot = orders.find(orderId);
        if (slot == NULL_INDEX) {
            listener.onRejected(orderId, MatchReject.UNKNOWN_ORDER);
            return;
        }
        long openQty = orders.openQtys[slot];
        sides[orders.levelRefs[slot] & 1].remove(slot);
        orders.free(slot);
        listener.onCanceled(orderId, openQty);
    }

    /**
     * Changes a live order's price and open quantity. Same price and no more quantity: in place, priority kept,
     * only {@code onModified}. Otherwise {@code onModified}, then the order re-enters at the back of its new level
     * and may trade as a taker first ({@code onTrade}..., then {@code onRested} or {@code onCanceled}).
     */
    public void modify(long orderId, long newPriceTicks, long newQtyLots) {
        int slot = orders.find(orderId);
        if (slot == NULL_INDEX) {
            listener.onRejected(orderId, MatchReject.UNKNOWN_ORDER);
            return;
        }
        if (newPriceTicks <= 0) {
            listener.onRejected(orderId, MatchReject.INVALID_PRICE);
            return;
        }
        if (newQtyLots <= 0) {
            listener.onRejected(orderId, MatchReject.INVALID_QTY);
            return;
        }
        int levelRef = orders.levelRefs[slot];
        BookSide own = sides[levelRef & 1];
        int level = levelRef >>> 1;
        long openQty = orders.openQtys[slot];
        if (newPriceTicks == own.levelPrices[level] && newQtyLots <= openQty) {
            own.levelQtys[level] -= openQty - newQtyLots;
            orders.openQtys[slot] = newQtyLots;
            listener.onModified(orderId, newPriceTicks, newQtyLots);
            return;
        }
        long account = orders.accounts == null ? 0 : orders.accounts[slot];
        own.remove(slot);
        listener.onModified(orderId, newPriceTicks, newQtyLots);
        long remaining = match(orderId, account, own == bids ? asks : bids, newPriceTicks, newQtyLots);
        if (remaining == 0) {
            orders.free(slot);
            return;
        }
        if (stoppedBySelfTrade) {
            orders.free(slot);
            listener.onCanceled(orderId, remaining);
            return;
        }
        orders.openQtys[slot] = remaining;
        own.append(slot, newPriceTicks);
        listener.onRested(orderId, newPriceTicks, remaining);
    }

    public long bestBid() {
        int best = bids.bestLevel();
        return best == NULL_INDEX ? NO_PRICE : bids.levelPrices[best];
    }

    public long bestAsk() {
        int best = asks.bestLevel();
        return best == NULL_INDEX ? NO_PRICE : asks.levelPrices[best];
    }

    /** Aggregate open quantity resting at that price on that side, 0 if none. */
    public long levelQty(Side side, long priceTicks) {
        BookSide book = sides[side.ordinal()];
        int level = book.findLevel(priceTicks);
        return level == NULL_INDEX ? 0 : book.levelQtys[level];
    }

    public int levelCount(Side side) {
        return sides[side.ordinal()].levelCount();
    }

    /** Copies up to maxLevels best-first levels into the caller's arrays; returns the number copied. */
    public int depth(Side side, long[] pricesTicks, long[] qtysLots, int[] orderCounts, int maxLevels) {
        BookSide book = sides[side.ordinal()];
        int count = Math.min(maxLevels, book.levelCount());
        for (int rank = 0; rank < count; rank++) {
            int level = book.levelAtRank(rank);
            pricesTicks[rank] = book.levelPrices[level];
            qtysLots[rank] = book.levelQtys[level];
            orderCounts[rank] = book.levelOrderCounts[level];
        }
        return count;
    }

    public int openOrders() {
        return orders.size();
    }

    /** Open quantity of a live order, -1 when it is not live. */
    public long openQty(long orderId) {
        int slot = orders.find(orderId);
        return slot == NULL_INDEX ? -1 : orders.openQtys[slot];
    }

    /** (bidQty - askQty) / (bidQty + askQty) over the top {@code levels} levels of each side, 0 when both empty. */
    public double imbalance(int levels) {
        long bidQty = bids.topQty(levels);
        long askQty = asks.topQty(levels);
        long total = bidQty + askQty;
        return total == 0 ? 0.0 : (double) (bidQty - askQty) / total;
    }

    /** Deterministic hash of every live order: id, side, price, open quantity and queue position. */
    public long stateHash() {
        return BookInspector.stateHash(this);
    }

    /** Throws {@link IllegalStateException} describing the first broken invariant. */
    public void checkConsistency() {
        BookInspector.checkConsistency(this);
    }

    OrderPool orders() {
        return orders;
    }

    BookSide side(Side side) {
        return sides[side.ordinal()];
    }

    /**
     * Trades a taker against the opposite side while it crosses; returns the taker's remaining quantity and sets
     * {@link #stoppedBySelfTrade} when cancel-taker stopped it.
     */
    private long match(long takerId, long account, BookSide book, long limitPrice, long qty) {
        stoppedBySelfTrade = false;
        final OrderPool pool = orders;
        final boolean selfTradeCheck = stp != SelfTradePrevention.NONE;
        long remaining = qty;
        while (remaining > 0) {
            int level = book.bestLevel();
            if (level == NULL_INDEX) {
                break;
            }
            long priceTicks = book.levelPrices[level];
            if (!book.crosses(priceTicks, limitPrice)) {
                break;
            }
            int maker = book.levelHeads[level];
            while (maker != NULL_INDEX && remaining > 0) {
                int next = pool.nexts[maker];
                long makerId = pool.orderIds[maker];
                long makerQty = pool.openQtys[maker];
                if (selfTradeCheck && pool.accounts[maker] == account) {
                    if (stp == SelfTradePrevention.CANCEL_TAKER) {
                        stoppedBySelfTrade = true;
                        return remaining;
                    }
                    book.unlink(maker, level);
                    pool.free(maker);
                    listener.onCanceled(makerId, makerQty);
                } else {
                    long fill = Math.min(remaining, makerQty);
                    remaining -= fill;
                    makerQty -= fill;
                    if (makerQty == 0) {
                        book.unlink(maker, level);
                        pool.free(maker);
                    } else {
                        pool.openQtys[maker] = makerQty;
                        book.levelQtys[level] -= fill;
                    }
                    listener.onTrade(takerId, makerId, priceTicks, fill, remaining, makerQty);
                }
                maker = next;
            }
            if (book.levelOrderCounts[level] == 0) {
                book.removeLevel(level);
            }
        }
        return remaining;
    }

    /** FOK pre-check: whether {@code qty} can trade now, counting only what self-trade prevention lets through. */
    private boolean canFill(BookSide book, long limitPrice, long qty, long account) {
        final OrderPool pool = orders;
        long available = 0;
        for (int rank = 0; rank < book.levelCount(); rank++) {
            int level = book.levelAtRank(rank);
            if (!book.crosses(book.levelPrices[level], limitPrice)) {
                return false;
            }
            if (stp == SelfTradePrevention.NONE) {
                available += book.levelQtys[level];
            } else {
                for (int slot = book.levelHeads[level]; slot != NULL_INDEX; slot = pool.nexts[slot]) {
                    if (pool.accounts[slot] == account) {
                        if (stp == SelfTradePrevention.CANCEL_TAKER) {
                            return false;
                        }
                        continue;
                    }
                    available += pool.openQtys[slot];
                    if (available >= qty) {
                        return true;
                    }
                }
            }
            if (available >= qty) {
                return true;
            }
        }
        return false;
    }
}
