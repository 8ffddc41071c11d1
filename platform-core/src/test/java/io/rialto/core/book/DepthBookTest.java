package io.rialto.core.book;

import io.rialto.core.domain.BookSnapshot;
import io.rialto.core.domain.Side;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DepthBookTest {
    private final DepthBook book = new DepthBook(2);

    @Test
    void shouldKeepBestPricesAsLevelsComeAndGo() {
        book.apply(1, Side.BUY, 99, 5);
        book.apply(2, Side.BUY, 100, 3);
        book.apply(3, Side.SELL, 102, 4);
        book.apply(4, Side.SELL, 101, 1);
        assertEquals(100, book.bestBid());
        assertEquals(3, book.bestBidQty());
        assertEquals(101, book.bestAsk());
        assertEquals(DepthBook.APPLIED, book.apply(5, Side.SELL, 101, 0));
        assertEquals(102, book.bestAsk());
        book.apply(6, Side.BUY, 100, 0);
        book.apply(7, Side.BUY, 99, 0);
        assertEquals(DepthBook.NO_PRICE, book.bestBid());
        assertEquals(0, book.levelCount(Side.BUY));
    }

    @Test
    void shouldCopyTopLevelsBestFirst() {
        for (int i = 1; i <= 8; i++) {
            book.apply(i, Side.BUY, 90 + i, i);
        }
        long[] px = new long[3];
        long[] qty = new long[3];
        assertEquals(3, book.depth(Side.BUY, px, qty, 3));
        assertArrayEquals(new long[] {98, 97, 96}, px);
        assertArrayEquals(new long[] {8, 7, 6}, qty);
    }

    @Test
    void shouldReportASequenceGapAndIgnoreUpdatesUntilASnapshot() {
        book.apply(1, Side.BUY, 100, 5);
        assertEquals(DepthBook.GAP, book.apply(3, Side.BUY, 101, 5));
        assertTrue(book.isStale());
        assertEquals(100, book.bestBid(), "the update after the gap is not applied");
        assertEquals(DepthBook.IGNORED, book.apply(4, Side.BUY, 101, 5));
        book.applySnapshot(new BookSnapshot(0, 10, new long[] {99}, new long[] {2}, new long[] {103},
                new long[] {1}, 0));
        assertFalse(book.isStale());
        assertEquals(99, book.bestBid());
        assertEquals(DepthBook.APPLIED, book.apply(11, Side.SELL, 102, 1));
        assertEquals(102, book.bestAsk());
    }

    @Test
    void shouldReportACrossedBook() {
        book.apply(1, Side.SELL, 100, 5);
        assertEquals(DepthBook.CROSSED, book.apply(2, Side.BUY, 100, 5));
        assertTrue(book.isStale());
    }

    @Test
    void shouldAgreeWithATreeMapOnRandomUpdates() {
        long seed = 20261122L;
        SplittableRandom random = new SplittableRandom(seed);
        TreeMap<Long, Long> bids = new TreeMap<>();
        TreeMap<Long, Long> asks = new TreeMap<>();
        for (int seq = 1; seq <= 50_000; seq++) {
            Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            // bids below 1000, asks above: never crossed
            long price = side == Side.BUY ? 900 + random.nextInt(100) : 1001 + random.nextInt(100);
            long qty = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(50);
            TreeMap<Long, Long> ref = side == Side.BUY ? bids : asks;
            if (qty == 0) {
                ref.remove(price);
            } else {
                ref.put(price, qty);
            }
            assertEquals(DepthBook.APPLIED, book.apply(seq, side, price, qty), "seed " + seed + " seq " + seq);
            assertEquals(bids.isEmpty() ? DepthBook.NO_PRICE : bids.lastKey(), book.bestBid(), "seed " + seed);
            assertEquals(asks.isEmpty() ? DepthBook.NO_PRICE : asks.firstKey(), book.bestAsk(), "seed " + seed);
        }
        assertLevels(bids.descendingMap(), Side.BUY);
        assertLevels(asks, Side.SELL);
    }

    private void assertLevels(Map<Long, Long> expected, Side side) {
        long[] px = new long[200];
        long[] qty = new long[200];
        int n = book.depth(side, px, qty, 200);
        assertEquals(expected.size(), n);
        int i = 0;
        for (Map.Entry<Long, Long> e : expected.entrySet()) {
            assertEquals(e.getKey(), px[i]);
            assertEquals(e.getValue(), qty[i]);
            i++;
        }
    }
}
