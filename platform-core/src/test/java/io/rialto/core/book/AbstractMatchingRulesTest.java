package io.rialto.core.book;

import static io.rialto.core.domain.OrderType.LIMIT;
import static io.rialto.core.domain.OrderType.MARKET;
import static io.rialto.core.domain.Side.BUY;
import static io.rialto.core.domain.Side.SELL;
import static io.rialto.core.domain.TimeInForce.FOK;
import static io.rialto.core.domain.TimeInForce.GTC;
import static io.rialto.core.domain.TimeInForce.GTX;
import static io.rialto.core.domain.TimeInForce.IOC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rialto.core.book.RecordingListener.Accepted;
import io.rialto.core.book.RecordingListener.Canceled;
import io.rialto.core.book.RecordingListener.Event;
import io.rialto.core.book.RecordingListener.Modified;
import io.rialto.core.book.RecordingListener.Rejected;
import io.rialto.core.book.RecordingListener.Rested;
import io.rialto.core.book.RecordingListener.Trade;
import io.rialto.core.domain.Side;
import io.rialto.core.domain.TimeInForce;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The matching rules of matching-csv.md without self-trade prevention (see
 * {@link AbstractSelfTradePreventionTest}), run against the engine and against the reference book.
 */
abstract class AbstractMatchingRulesTest {

    final RecordingListener events = new RecordingListener();
    final BookUnderTest book = create(SelfTradePrevention.NONE, events);

    abstract BookUnderTest create(SelfTradePrevention stp, MatchingListener listener);

    @AfterEach
    void bookStaysConsistent() {
        book.checkConsistency();
    }

    @Test
    void shouldRestLimitOrderThatDoesNotCross() {
        limit(1, BUY, GTC, 100, 10);

        assertEvents(new Accepted(1), new Rested(1, 100, 10));
        assertEquals(100, book.bestBid());
        assertEquals(MatchingBook.NO_PRICE, book.bestAsk());
        assertEquals(10, book.levelQty(BUY, 100));
        assertEquals(1, book.openOrders());
    }

    @Test
    void shouldTradeAtMakerPriceAndRestTheRemainder() {
        restSell(1, 101, 5);

        limit(2, BUY, GTC, 103, 8);

        assertEvents(new Accepted(2), new Trade(2, 1, 101, 5, 3, 0), new Rested(2, 103, 3));
        assertEquals(-1, book.openQty(1));
        assertEquals(3, book.openQty(2));
    }

    @Test
    void shouldMatchBetterPriceFirstThenEarlierArrival() {
        restSell(1, 102, 5);
        restSell(2, 101, 5);
        restSell(3, 101, 5);

        limit(4, BUY, GTC, 102, 12);

        assertEvents(new Accepted(4), new Trade(4, 2, 101, 5, 7, 0), new Trade(4, 3, 101, 5, 2, 0),
                new Trade(4, 1, 102, 2, 0, 3));
        assertEquals(3, book.levelQty(SELL, 102));
    }

    @Test
    void shouldCancelImmediateOrCancelRemainder() {
        restSell(1, 101, 5);

        limit(2, BUY, IOC, 101, 8);

        assertEvents(new Accepted(2), new Trade(2, 1, 101, 5, 3, 0), new Canceled(2, 3));
        assertEquals(0, book.openOrders());
    }

    @Test
    void shouldSweepLevelsWithMarketOrderIgnoringPriceAndTif() {
        restBuy(1, 100, 5);
        restBuy(2, 99, 5);
        restBuy(3, 90, 5);

        book.newOrder(4, SELL, MARKET, GTC, 0, 12, 0);

        assertEvents(new Accepted(4), new Trade(4, 1, 100, 5, 7, 0), new Trade(4, 2, 99, 5, 2, 0),
                new Trade(4, 3, 90, 2, 0, 3));
    }

    @Test
    void shouldCancelMarketRemainderWhenBookRunsOut() {
        restSell(1, 101, 5);

        book.newOrder(2, BUY, MARKET, FOK, 0, 8, 0);

        assertEvents(new Accepted(2), new Trade(2, 1, 101, 5, 3, 0), new Canceled(2, 3));
    }

    @Test
    void shouldFillFillOrKillCompletelyAcrossLevels() {
        restSell(1, 101, 5);
        restSell(2, 102, 5);

        limit(3, BUY, FOK, 102, 10);

        assertEvents(new Accepted(3), new Trade(3, 1, 101, 5, 5, 0), new Trade(3, 2, 102, 5, 0, 0));
    }

    @Test
    void shouldKillFillOrKillWithoutTradingWhenLiquidityWithinLimitIsShort() {
        restSell(1, 101, 5);
        restSell(2, 103, 5);

        limit(3, BUY, FOK, 102, 6);

        assertEvents(new Accepted(3), new Canceled(3, 6));
        assertEquals(5, book.levelQty(SELL, 101));
    }

    @Test
    void shouldRestPostOnlyOrderThatDoesNotCross() {
        restSell(1, 101, 5);

        limit(2, BUY, GTX, 100, 5);

        assertEvents(new Accepted(2), new Rested(2, 100, 5));
    }

    @Test
    void shouldRejectPostOnlyOrderThatWouldCrossWithoutAccepting() {
        restSell(1, 101, 5);

        limit(2, BUY, GTX, 101, 5);

        assertEvents(new Rejected(2, MatchReject.WOULD_CROSS));
        assertEquals(1, book.openOrders());
    }

    @Test
    void shouldCancelRestingOrder() {
        restBuy(1, 100, 7);

        book.cancel(1);

        assertEvents(new Canceled(1, 7));
        assertEquals(0, book.levelCount(BUY));
        assertEquals(MatchingBook.NO_PRICE, book.bestBid());
    }

    @Test
    void shouldRejectCancelOfUnknownOrFinishedOrder() {
        restBuy(1, 100, 7);
        book.cancel(1);
        events.drain();

        book.cancel(1);
        book.cancel(99);

        assertEvents(new Rejected(1, MatchReject.UNKNOWN_ORDER), new Rejected(99, MatchReject.UNKNOWN_ORDER));
    }

    @Test
    void shouldKeepTimePriorityWhenModifyReducesQuantity() {
        restBuy(1, 100, 10);
        restBuy(2, 100, 10);

        book.modify(1, 100, 4);
        limit(3, SELL, IOC, 100, 5);

        assertEvents(new Modified(1, 100, 4), new Accepted(3), new Trade(3, 1, 100, 4, 1, 0),
                new Trade(3, 2, 100, 1, 0, 9));
    }

    @Test
    void shouldPrintModifiedForEqualQuantityModifyAndKeepPriority() {
        restBuy(1, 100, 10);
        restBuy(2, 100, 10);
        long hash = book.stateHash();

        book.modify(1, 100, 10);

        assertEvents(new Modified(1, 100, 10));
        assertEquals(hash, book.stateHash());
    }

    @Test
    void shouldLoseTimePriorityWhenModifyIncreasesQuantity() {
        restBuy(1, 100, 10);
        restBuy(2, 100, 10);

        book.modify(1, 100, 11);
        limit(3, SELL, IOC, 100, 5);

        assertEvents(new Modified(1, 100, 11), new Rested(1, 100, 11), new Accepted(3),
                new Trade(3, 2, 100, 5, 0, 5));
        assertEquals(16, book.levelQty(BUY, 100));
    }

    @Test
    void shouldReenterAsTakerWhenModifyMovesPriceAcross() {
        restSell(1, 101, 3);
        restBuy(2, 100, 10);

        book.modify(2, 101, 10);

        assertEvents(new Modified(2, 101, 10), new Trade(2, 1, 101, 3, 7, 0), new Rested(2, 101, 7));
        assertEquals(0, book.levelQty(BUY, 100));
    }

    @Test
    void shouldCheckNewOrderInSpecOrder() {
        restBuy(1, 100, 10);
        restSell(4, 101, 1);

        limit(1, BUY, GTX, -5, 0);
        limit(2, BUY, GTX, -5, 0);
        limit(3, BUY, GTX, 0, 5);
        limit(5, BUY, GTX, 101, 5);
        book.newOrder(6, BUY, MARKET, IOC, -1, 5, 0);

        assertEvents(new Rejected(1, MatchReject.DUPLICATE_ID), new Rejected(2, MatchReject.INVALID_QTY),
                new Rejected(3, MatchReject.INVALID_PRICE), new Rejected(5, MatchReject.WOULD_CROSS),
                new Accepted(6), new Trade(6, 4, 101, 1, 4, 0), new Canceled(6, 4));
    }

    @Test
    void shouldCheckModifyInSpecOrder() {
        restBuy(1, 100, 10);

        book.modify(2, 0, 0);
        book.modify(1, 0, 0);
        book.modify(1, 100, 0);

        assertEvents(new Rejected(2, MatchReject.UNKNOWN_ORDER), new Rejected(1, MatchReject.INVALID_PRICE),
                new Rejected(1, MatchReject.INVALID_QTY));
        assertEquals(10, book.openQty(1));
    }

    private void limit(long id, Side side, TimeInForce tif, long price, long qty) {
        book.newOrder(id, side, LIMIT, tif, price, qty, 0);
    }

    void restBuy(long id, long price, long qty) {
        limit(id, BUY, GTC, price, qty);
        events.drain();
    }

    void restSell(long id, long price, long qty) {
        limit(id, SELL, GTC, price, qty);
        events.drain();
    }

    void assertEvents(Event... expected) {
        assertEquals(List.of(expected), events.drain());
    }
}
