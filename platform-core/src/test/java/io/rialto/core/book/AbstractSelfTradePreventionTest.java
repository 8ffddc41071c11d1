package io.rialto.core.book;

import static io.rialto.core.domain.OrderType.LIMIT;
import static io.rialto.core.domain.Side.BUY;
import static io.rialto.core.domain.Side.SELL;
import static io.rialto.core.domain.TimeInForce.FOK;
import static io.rialto.core.domain.TimeInForce.GTC;
import static io.rialto.core.domain.TimeInForce.GTX;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rialto.core.book.RecordingListener.Accepted;
import io.rialto.core.book.RecordingListener.Canceled;
import io.rialto.core.book.RecordingListener.Event;
import io.rialto.core.book.RecordingListener.Modified;
import io.rialto.core.book.RecordingListener.Rejected;
import io.rialto.core.book.RecordingListener.Rested;
import io.rialto.core.book.RecordingListener.Trade;
import io.rialto.core.domain.TimeInForce;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Self-trade prevention rules of matching-csv.md (orders of one account never trade with each other), run against
 * the engine and against the reference book.
 */
abstract class AbstractSelfTradePreventionTest {

    private static final long ALICE = 7;
    private static final long BOB = 8;

    private final RecordingListener events = new RecordingListener();
    private BookUnderTest book;

    abstract BookUnderTest create(SelfTradePrevention stp, MatchingListener listener);

    @Test
    void shouldIgnoreAccountsWithoutPrevention() {
        given(SelfTradePrevention.NONE);
        restSell(1, 101, 5, ALICE);

        buy(2, GTC, 101, 5, ALICE);

        assertEvents(new Accepted(2), new Trade(2, 1, 101, 5, 0, 0));
    }

    @Test
    void shouldCancelTakerRemainderAtOwnOrderKeepingEarlierTrades() {
        given(SelfTradePrevention.CANCEL_TAKER);
        restSell(1, 101, 2, BOB);
        restSell(2, 101, 3, ALICE);
        restSell(3, 101, 4, BOB);

        buy(4, GTC, 102, 8, ALICE);

        assertEvents(new Accepted(4), new Trade(4, 1, 101, 2, 6, 0), new Canceled(4, 6));
        assertEquals(7, book.levelQty(SELL, 101));
    }

    @Test
    void shouldFillFillOrKillFromLiquidityBeforeOwnOrderWithCancelTaker() {
        given(SelfTradePrevention.CANCEL_TAKER);
        restSell(1, 101, 5, BOB);
        restSell(2, 101, 3, ALICE);

        buy(3, FOK, 101, 5, ALICE);

        assertEvents(new Accepted(3), new Trade(3, 1, 101, 5, 0, 0));
        assertEquals(3, book.openQty(2));
    }

    @Test
    void shouldKillFillOrKillWhenOwnOrderStandsBeforeEnoughLiquidityWithCancelTaker() {
        given(SelfTradePrevention.CANCEL_TAKER);
        restSell(1, 101, 2, BOB);
        restSell(2, 101, 3, ALICE);
        restSell(3, 102, 9, BOB);

        buy(4, FOK, 102, 5, ALICE);

        assertEvents(new Accepted(4), new Canceled(4, 5));
        assertEquals(3, book.openOrders());
    }

    @Test
    void shouldCancelOwnRestingOrderAndContinueWithCancelMaker() {
        given(SelfTradePrevention.CANCEL_MAKER);
        restSell(1, 101, 2, BOB);
        restSell(2, 101, 3, ALICE);
        restSell(3, 102, 4, BOB);

        buy(4, GTC, 102, 8, ALICE);

        assertEvents(new Accepted(4), new Trade(4, 1, 101, 2, 6, 0), new Canceled(2, 3),
                new Trade(4, 3, 102, 4, 2, 0), new Rested(4, 102, 2));
    }

    @Test
    void shouldCountOnlyOtherAccountsForFillOrKillAndCancelOwnOrdersOnTheWayWithCancelMaker() {
        given(SelfTradePrevention.CANCEL_MAKER);
        restSell(1, 101, 3, ALICE);
        restSell(2, 101, 4, BOB);
        restSell(3, 102, 1, BOB);

        buy(4, FOK, 102, 5, ALICE);

        assertEvents(new Accepted(4), new Canceled(1, 3), new Trade(4, 2, 101, 4, 1, 0),
                new Trade(4, 3, 102, 1, 0, 0));
    }

    @Test
    void shouldNotCancelOwnRestingOrderWhenFillOrKillIsKilledWithCancelMaker() {
        given(SelfTradePrevention.CANCEL_MAKER);
        restSell(1, 101, 10, ALICE);
        restSell(2, 101, 4, BOB);

        buy(3, FOK, 101, 5, ALICE);

        assertEvents(new Accepted(3), new Canceled(3, 5));
        assertEquals(10, book.openQty(1));
    }

    @Test
    void shouldRejectCrossingPostOnlyWhateverTheAccount() {
        given(SelfTradePrevention.CANCEL_MAKER);
        restSell(1, 101, 10, ALICE);

        buy(2, GTX, 101, 5, ALICE);

        assertEvents(new Rejected(2, MatchReject.WOULD_CROSS));
    }

    @Test
    void shouldCancelRemainderOfModifiedOrderStoppedByOwnOrderWithCancelTaker() {
        given(SelfTradePrevention.CANCEL_TAKER);
        restSell(1, 101, 2, BOB);
        restSell(2, 102, 2, ALICE);
        buy(3, GTC, 100, 6, ALICE);
        events.drain();

        book.modify(3, 102, 6);

        assertEvents(new Modified(3, 102, 6), new Trade(3, 1, 101, 2, 4, 0), new Canceled(3, 4));
        assertEquals(-1, book.openQty(3));
        book.checkConsistency();
    }

    private void given(SelfTradePrevention stp) {
        book = create(stp, events);
    }

    private void buy(long id, TimeInForce tif, long price, long qty, long account) {
        book.newOrder(id, BUY, LIMIT, tif, price, qty, account);
    }

    private void restSell(long id, long price, long qty, long account) {
        book.newOrder(id, SELL, LIMIT, GTC, price, qty, account);
        events.drain();
    }

    private void assertEvents(Event... expected) {
        assertEquals(List.of(expected), events.drain());
        book.checkConsistency();
    }
}
