package io.rialto.loadtest.book;

import io.rialto.core.book.MatchReject;
import io.rialto.core.book.MatchingBook;
import io.rialto.core.book.MatchingListener;
import io.rialto.core.book.SelfTradePrevention;
import io.rialto.core.domain.OrderType;
import io.rialto.core.domain.Side;
import io.rialto.core.domain.TimeInForce;
import org.openjdk.jol.info.GraphLayout;

/**
 * Heap bytes per resting order of {@link MatchingBook}: fills a book, grown by doubling from a small capacity, with
 * one million resting orders over 5,000 price levels a side and measures the whole object graph reachable from the
 * book with JOL (arrays, index, levels, everything), for each self-trade prevention mode. Cross-checked with the
 * used-heap delta after a full GC.
 *
 * <pre>
 * java -cp load-tests/target/benchmarks.jar io.rialto.loadtest.book.RestingOrderFootprint [orders] [levelsPerSide]
 * </pre>
 */
public final class RestingOrderFootprint {

    private static final long MID = 1_000_000;

    private RestingOrderFootprint() {
    }

    public static void main(String[] args) {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int levelsPerSide = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        for (SelfTradePrevention stp : SelfTradePrevention.values()) {
            long heapBefore = usedHeapAfterGc();
            MatchingBook book = fill(new MatchingBook(1_024, stp, new NoOpListener()), orders, levelsPerSide);
            long heapDelta = usedHeapAfterGc() - heapBefore;
            long graphBytes = GraphLayout.parseInstance(book).totalSize();
            System.out.printf("stp %-12s %,d resting orders, %,d levels: JOL graph %,d bytes = %.1f bytes/order;"
                            + " heap delta after GC %,d bytes = %.1f bytes/order%n", stp, book.openOrders(),
                    book.levelCount(Side.BUY) + book.levelCount(Side.SELL), graphBytes, (double) graphBytes / orders,
                    heapDelta, (double) heapDelta / orders);
        }
    }

    private static MatchingBook fill(MatchingBook book, int orders, int levelsPerSide) {
        for (int i = 0; i < orders; i++) {
            Side side = (i & 1) == 0 ? Side.BUY : Side.SELL;
            long ticks = 1 + (i >> 1) % levelsPerSide;
            long price = side == Side.BUY ? MID - ticks : MID + ticks;
            book.newOrder(i + 1, side, OrderType.LIMIT, TimeInForce.GTC, price, 1 + i % 100, i % 16);
        }
        if (book.openOrders() != orders) {
            throw new IllegalStateException("expected " + orders + " resting orders, got " + book.openOrders());
        }
        return book;
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static final class NoOpListener implements MatchingListener {
        @Override
        public void onAccepted(long orderId) {
        }

        @Override
        public void onTrade(long takerId, long makerId, long priceTicks, long qtyLots, long takerLeavesQty,
                            long makerLeavesQty) {
        }

        @Override
        public void onRested(long orderId, long priceTicks, long openQtyLots) {
        }

        @Override
        public void onCanceled(long orderId, long canceledQtyLots) {
        }

        @Override
        public void onModified(long orderId, long priceTicks, long openQtyLots) {
        }

        @Override
        public void onRejected(long orderId, MatchReject reason) {
            throw new IllegalStateException("order " + orderId + " rejected: " + reason);
        }
    }
}
