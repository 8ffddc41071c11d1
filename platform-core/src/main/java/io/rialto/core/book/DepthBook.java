package io.rialto.core.book;

import io.rialto.core.domain.BookSnapshot;
import io.rialto.core.domain.Side;

import java.util.Arrays;

/**
 * One venue's price-level book for one instrument, rebuilt from its market data: depth updates (a
 * level's new aggregate quantity, 0 deletes it), trades (sequence only) and snapshots.
 *
 * <p>Layout: each side is a pair of parallel primitive arrays sorted so that the best level is the
 * <em>last</em> element, which makes the best price O(1) and puts the busy end of the book where
 * inserting and deleting move the fewest elements:
 * <pre>
 *   bids: prices ascending   [ 97 | 98 | 99 | 100 ]  ← best bid = bidPrices[bidCount - 1]
 *   asks: prices descending  [ 104| 103| 102| 101 ]  ← best ask = askPrices[askCount - 1]
 * </pre>
 * Capacity doubles when a side fills; nothing is allocated per update.
 *
 * <p>The book never serves a corrupt state silently: an update whose sequence number is not the
 * previous one plus one is not applied and makes the book {@link #isStale() stale} ({@link #GAP}); a
 * book whose best bid reaches its best ask is reported {@link #CROSSED} and is stale too. A stale book
 * ignores incremental updates until the owner applies a snapshot.
 *
 * <p>Threading: single-threaded; owned by one {@code SymbolBook} actor.
 */
public final class DepthBook {
    /** Returned by {@link #bestBid()} / {@link #bestAsk()} when that side is empty. */
    public static final long NO_PRICE = Long.MIN_VALUE;
    /** No sequence seen yet: the first update or snapshot sets it. */
    public static final long NO_SEQ = -1;

    public static final int APPLIED = 0;
    public static final int GAP = 1;
    public static final int CROSSED = 2;
    /** The book is stale (waiting for a snapshot) and the update was ignored. */
    public static final int IGNORED = 3;

    private long[] bidPrices;
    private long[] bidQtys;
    private int bidCount;
    private long[] askPrices;
    private long[] askQtys;
    private int askCount;
    private long lastSeq = NO_SEQ;
    private boolean stale;

    public DepthBook(int initialLevels) {
        int capacity = Math.max(4, initialLevels);
        bidPrices = new long[capacity];
        bidQtys = new long[capacity];
        askPrices = new long[capacity];
        askQtys = new long[capacity];
    }

    /**
     * Applies a depth update. Returns {@link #APPLIED}, {@link #GAP} (not applied), {@link #CROSSED}
     * (applied, the book is now crossed) or {@link #IGNORED} (the book is stale).
     */
    public int apply(long seq, Side side, long priceTicks, long qtyLots) {
        int seqResult = sequence(seq);
        if (seqResult != APPLIED) {
            return seqResult;
        }
        if (side == Side.BUY) {
            bidCount = setLevel(bidPrices, bidQtys, bidCount, priceTicks, qtyLots, true);
            if (bidCount == bidPrices.length) {
                bidPrices = Arrays.copyOf(bidPrices, bidCount * 2);
                bidQtys = Arrays.copyOf(bidQtys, bidCount * 2);
            }
        } else {
            askCount = setLevel(askPrices, askQtys, askCount, priceTicks, qtyLots, false);
            if (askCount == askPrices.length) {
                askPrices = Arrays.copyOf(askPrices, askCount * 2);
                askQtys = Arrays.copyOf(askQtys, askCount * 2);
            }
        }
        if (bidCount > 0 && askCount > 0 && bidPrices[bidCount - 1] >= askPrices[askCount - 1]) {
            stale = true;
            return CROSSED;
        }
        return APPLIED;
    }

    /** Accounts for an event that carries a sequence number but no level change (a trade). */
    public int advance(long seq) {
        return sequence(seq);
    }

    private int sequence(long seq) {
        if (stale) {
            return IGNORED;
        }
        if (lastSeq != NO_SEQ && seq != lastSeq + 1) {
            stale = true;
            return GAP;
        }
        lastSeq = seq;
        return APPLIED;
    }

    /**
     * Finds {@code price} in a side sorted with the best level last and sets its quantity: inserts,
     * updates, or removes on zero. {@code ascending} is true for bids. Returns the new level count.
     */
    private static int setLevel(long[] prices, long[] qtys, int count, long price, long qty, boolean ascending) {
        // binary search over [0, count) in the side's own order
        int lo = 0;
        int hi = count - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long p = prices[mid];
            if (p == price) {
                if (qty == 0) {
                    System.arraycopy(prices, mid + 1, prices, mid, count - mid - 1);
                    System.arraycopy(qtys, mid + 1, qtys, mid, count - mid - 1);
                    return count - 1;
                }
                qtys[mid] = qty;
                return count;
            }
            if ((p < price) == ascending) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (qty == 0) {
            return count; // deleting a level that is not there: nothing to do
        }
        System.arraycopy(prices, lo, prices, lo + 1, count - lo);
        System.arraycopy(qtys, lo, qtys, lo + 1, count - lo);
        prices[lo] = price;
        qtys[lo] = qty;
        return count + 1;
    }

    /** Replaces the whole book and clears the stale flag. */
    public void applySnapshot(BookSnapshot snapshot) {
        bidCount = 0;
        askCount = 0;
        long[] bp = snapshot.bidPricesTicks();
        long[] bq = snapshot.bidQtysLots();
        for (int i = 0; i < bp.length; i++) {
            bidCount = setLevel(ensureBid(), bidQtys, bidCount, bp[i], bq[i], true);
        }
        long[] ap = snapshot.askPricesTicks();
        long[] aq = snapshot.askQtysLots();
        for (int i = 0; i < ap.length; i++) {
            askCount = setLevel(ensureAsk(), askQtys, askCount, ap[i], aq[i], false);
        }
        lastSeq = snapshot.seq();
        stale = bidCount > 0 && askCount > 0 && bidPrices[bidCount - 1] >= askPrices[askCount - 1];
    }

    private long[] ensureBid() {
        if (bidCount + 1 >= bidPrices.length) {
            bidPrices = Arrays.copyOf(bidPrices, bidPrices.length * 2);
            bidQtys = Arrays.copyOf(bidQtys, bidQtys.length * 2);
        }
        return bidPrices;
    }

    private long[] ensureAsk() {
        if (askCount + 1 >= askPrices.length) {
            askPrices = Arrays.copyOf(askPrices, askPrices.length * 2);
            askQtys = Arrays.copyOf(askQtys, askQtys.length * 2);
        }
        return askPrices;
    }

    public boolean isStale() {
        return stale;
    }

    /** Marks the book stale, as on a gap, so that it waits for a snapshot (a venue reconnect, say). */
    public void invalidate() {
        stale = true;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public long bestBid() {
        return bidCount == 0 ? NO_PRICE : bidPrices[bidCount - 1];
    }

    public long bestAsk() {
        return askCount == 0 ? NO_PRICE : askPrices[askCount - 1];
    }

    public long bestBidQty() {
        return bidCount == 0 ? 0 : bidQtys[bidCount - 1];
    }

    public long bestAskQty() {
        return askCount == 0 ? 0 : askQtys[askCount - 1];
    }

    public int levelCount(Side side) {
        return side == Side.BUY ? bidCount : askCount;
    }

    /** Aggregate quantity at a price, 0 when there is no such level. */
    public long qtyAt(Side side, long priceTicks) {
        long[] prices = side == Side.BUY ? bidPrices : askPrices;
        long[] qtys = side == Side.BUY ? bidQtys : askQtys;
        int count = side == Side.BUY ? bidCount : askCount;
        for (int i = count - 1; i >= 0; i--) {
            if (prices[i] == priceTicks) {
                return qtys[i];
            }
        }
        return 0;
    }

    /** Copies up to {@code maxLevels} levels, best first, into the caller's arrays; returns how many. */
    public int depth(Side side, long[] pricesTicks, long[] qtysLots, int maxLevels) {
        return depth(side, pricesTicks, qtysLots, 0, maxLevels);
    }

    /** As {@link #depth(Side, long[], long[], int)}, writing from index {@code offset} of the arrays. */
    public int depth(Side side, long[] pricesTicks, long[] qtysLots, int offset, int maxLevels) {
        long[] prices = side == Side.BUY ? bidPrices : askPrices;
        long[] qtys = side == Side.BUY ? bidQtys : askQtys;
        int count = side == Side.BUY ? bidCount : askCount;
        int n = Math.min(maxLevels, count);
        for (int i = 0; i < n; i++) {
            pricesTicks[offset + i] = prices[count - 1 - i];
            qtysLots[offset + i] = qtys[count - 1 - i];
        }
        return n;
    }
}
