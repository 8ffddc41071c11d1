package io.rialto.core.book;

import static io.rialto.core.domain.OrderType.LIMIT;
import static io.rialto.core.domain.Side.BUY;
import static io.rialto.core.domain.Side.SELL;
import static io.rialto.core.domain.TimeInForce.GTC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rialto.core.domain.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The matching rules against {@link MatchingBook}, plus its queries and its growth. */
class MatchingBookTest extends AbstractMatchingRulesTest {

    private final MatchingBook engine = new MatchingBook(4, SelfTradePrevention.NONE, new RecordingListener());

    @Override
    BookUnderTest create(SelfTradePrevention stp, MatchingListener listener) {
        return BookUnderTest.engine(stp, listener);
    }

    @Test
    void shouldReportDepthBestFirstAndImbalance() {
        assertEquals(0.0, engine.imbalance(5));
        rest(1, BUY, 100, 10);
        rest(2, BUY, 99, 20);
        rest(3, BUY, 100, 5);
        rest(4, SELL, 102, 15);
        long[] prices = new long[4];
        long[] qtys = new long[4];
        int[] counts = new int[4];

        int copied = engine.depth(BUY, prices, qtys, counts, 4);

        assertEquals(2, copied);
        assertEquals(List.of(100L, 99L, 15L, 20L, 2, 1), List.of(prices[0], prices[1], qtys[0], qtys[1],
                counts[0], counts[1]));
        assertEquals((15.0 - 15.0) / 30.0, engine.imbalance(1));
        assertEquals((35.0 - 15.0) / 50.0, engine.imbalance(5));
        assertEquals(2, engine.levelCount(BUY));
    }

    @Test
    void shouldGrowBeyondInitialCapacity() {
        for (int i = 1; i <= 1000; i++) {
            rest(i, i % 2 == 0 ? BUY : SELL, i % 2 == 0 ? 100 - i % 37 : 101 + i % 37, i);
        }
        for (int i = 1; i <= 1000; i += 2) {
            engine.cancel(i);
        }
        engine.checkConsistency();

        assertEquals(500, engine.openOrders());
        assertEquals(1000, engine.openQty(1000));
    }

    private void rest(long id, Side side, long price, long qty) {
        engine.newOrder(id, side, LIMIT, GTC, price, qty, 0);
    }
}
