package io.rialto.strategies;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.rialto.strategies.RecordingContext.buyIoc;
import static io.rialto.strategies.RecordingContext.sellIoc;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The imbalance taker over the top 2 levels, threshold 0.5, 1 lot per order, 100 ms cool-down. */
class ImbalanceTakerTest {
    private static final int INSTRUMENT = 1;
    /** Bids 10 + 10 against asks 2 + 3: imbalance (20 - 5) / 25 = 0.6. */
    private static final TestBook BID_HEAVY =
            TestBook.venue(INSTRUMENT).bid(99, 10).bid(98, 10).ask(100, 2).ask(101, 3).build();
    /** Bids 1 + 1 against asks 10 + 10: imbalance -0.82. */
    private static final TestBook ASK_HEAVY =
            TestBook.venue(INSTRUMENT).bid(99, 1).bid(98, 1).ask(100, 10).ask(101, 10).build();
    /** Bids 5 + 5 against asks 5 + 5: no imbalance. */
    private static final TestBook BALANCED =
            TestBook.venue(INSTRUMENT).bid(99, 5).bid(98, 5).ask(100, 5).ask(101, 5).build();

    private static Scenario start(long smoothing) {
        return Scenario.start(new ImbalanceTaker.Factory(), Map.of("levels", 2, "threshold", 0.5, "qty", 1,
                "max-position", 2, "cooldown-ms", 100, "smoothing", smoothing));
    }

    @Test
    void shouldBuyAtTheAskWhenBidsOutweighAndSellAtTheBidWhenAsksDo() {
        Scenario s = start(1);
        s.book(BALANCED).book(BID_HEAVY);
        assertEquals(List.of(buyIoc(1, INSTRUMENT, 100, 1)), s.sent());
        s.fill(1, 1).advanceMs(100).book(ASK_HEAVY);
        assertEquals(List.of(sellIoc(2, INSTRUMENT, 99, 1)), s.sent());
    }

    @Test
    void shouldWaitOutTheCooldownBetweenOrders() {
        Scenario s = start(1);
        s.book(BID_HEAVY).sent();
        s.advanceMs(99).book(BID_HEAVY);
        assertEquals(List.of(), s.sent());
        s.advanceMs(1).book(BID_HEAVY);
        assertEquals(List.of(buyIoc(2, INSTRUMENT, 100, 1)), s.sent());
    }

    @Test
    void shouldCountWorkingOrdersAgainstMaxPosition() {
        Scenario s = start(1);
        s.book(BID_HEAVY).advanceMs(100).book(BID_HEAVY).sent(); // two buys working, none filled yet
        s.advanceMs(100).book(BID_HEAVY); // 0 + 2 working + 1 > 2
        assertEquals(List.of(), s.sent());
        s.cancelled(1).fill(2, 1).advanceMs(100).book(BID_HEAVY); // long 1, nothing working
        assertEquals(List.of(buyIoc(3, INSTRUMENT, 100, 1)), s.sent());
    }

    @Test
    void shouldActOnTheSmoothedImbalanceOnceWarm() {
        Scenario s = start(3);
        s.book(BID_HEAVY).book(BID_HEAVY); // warming up: 2 of 3
        assertEquals(List.of(), s.sent());
        s.book(BALANCED); // average of 0.6, 0.6, 0: 0.4, under the threshold
        assertEquals(List.of(), s.sent());
        s.book(BID_HEAVY); // 0.4 + 0.5 x (0.6 - 0.4) = 0.5: not above it
        assertEquals(List.of(), s.sent());
        s.book(BID_HEAVY); // 0.55
        assertEquals(List.of(buyIoc(1, INSTRUMENT, 100, 1)), s.sent());
    }
}
