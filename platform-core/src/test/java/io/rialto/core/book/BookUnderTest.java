package io.rialto.core.book;

import io.rialto.core.domain.OrderType;
import io.rialto.core.domain.Side;
import io.rialto.core.domain.TimeInForce;

/** What the rule tests drive and observe, so the same specification runs against the engine and the reference. */
interface BookUnderTest {

    void newOrder(long orderId, Side side, OrderType type, TimeInForce tif, long priceTicks, long qtyLots,
                  long account);

    void cancel(long orderId);

    void modify(long orderId, long newPriceTicks, long newQtyLots);

    long bestBid();

    long bestAsk();

    long levelQty(Side side, long priceTicks);

    int levelCount(Side side);

    int openOrders();

    long openQty(long orderId);

    long stateHash();

    void checkConsistency();

    static BookUnderTest engine(SelfTradePrevention stp, MatchingListener listener) {
        MatchingBook book = new MatchingBook(4, stp, listener);
        return new BookUnderTest() {
            @Override
            public void newOrder(long orderId, Side side, OrderType type, TimeInForce tif, long priceTicks,
                                 long qtyLots, long account) {
                book.newOrder(orderId, side, type, tif, priceTicks, qtyLots, account);
            }

            @Override
            public void cancel(long orderId) {
                book.cancel(orderId);
            }

            @Override
            public void modify(long orderId, long newPriceTicks, long newQtyLots) {
                book.modify(orderId, newPriceTicks, newQtyLots);
            }

            @Override
            public long bestBid() {
                return book.bestBid();
            }

            @Override
            public long bestAsk() {
                return book.bestAsk();
            }

            @Override
            public long levelQty(Side side, long priceTicks) {
                return book.levelQty(side, priceTicks);
            }

            @Override
            public int levelCount(Side side) {
                return book.levelCount(side);
            }

            @Override
            public int openOrders() {
                return book.openOrders();
            }

            @Override
            public long openQty(long orderId) {
                return book.openQty(orderId);
            }

            @Override
            public long stateHash() {
                return book.stateHash();
            }

            @Override
            public void checkConsistency() {
                book.checkConsistency();
            }
        };
    }
}
