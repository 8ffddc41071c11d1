package io.rialto.strategies;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.rialto.strategies.RecordingContext.askGtc;
import static io.rialto.strategies.RecordingContext.bidGtc;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The market maker's quotes, scripted book by book and fill by fill. Instrument 1, quotes of 5 lots. */
class MarketMakerTest {
    private static final int INSTRUMENT = 1;

    private static Scenario start(Map<String, Object> params) {
        return Scenario.start(new MarketMaker.Factory(), params);
    }

    @Test
    void shouldQuoteBothSidesHalfTheSpreadAroundTheMid() {
        Scenario s = start(Map.of("qty", 5, "spread-ticks", 2));
        s.book(TestBook.top(INSTRUMENT, 100, 104)); // mid 102
        assertEquals(List.of(bidGtc(1, INSTRUMENT, 101, 5), askGtc(2, INSTRUMENT, 103, 5)), s.sent());
    }

    @Test
    void shouldModifyAQuoteOnlyWhenItsWantedPriceMovesByRequoteTicks() {
        Scenario s = start(Map.of("qty", 5, "spread-ticks", 2, "requote-ticks", 2));
        s.book(TestBook.top(INSTRUMENT, 100, 104)).sent();
        s.book(TestBook.top(INSTRUMENT, 101, 105)); // mid 103: each quote would move 1 tick, less than 2
        assertEquals(List.of(), s.sent());
        s.book(TestBook.top(INSTRUMENT, 102, 106)); // mid 104: 2 ticks from the quotes
        assertEquals(List.of(new RecordingContext.Modify(1, 103, 5), new RecordingContext.Modify(2, 105, 5)),
                s.sent());
    }

    @Test
    void shouldSkewBothQuotesDownWhenLongAndReplaceAFilledQuote() {
        Scenario s = start(Map.of("qty", 5, "spread-ticks", 2, "skew-ticks-per-lot", 0.2));
        s.book(TestBook.top(INSTRUMENT, 100, 104)).sent();
        s.fill(1, 5); // bought 5: skew 5 x 0.2 = 1 tick down
        s.book(TestBook.top(INSTRUMENT, 100, 104));
        assertEquals(List.of(bidGtc(3, INSTRUMENT, 100, 5), new RecordingContext.Modify(2, 102, 5)), s.sent());
    }

    @Test
    void shouldCancelTheBidOnceAFullFillWouldBreachMaxInventory() {
        Scenario s = start(Map.of("qty", 5, "spread-ticks", 2, "skew-ticks-per-lot", 0.0, "max-inventory", 5));
        s.book(TestBook.top(INSTRUMENT, 100, 104)).sent();
        s.fill(1, 3); // long 3: another full fill of 5 would make 8 > 5
        s.book(TestBook.top(INSTRUMENT, 100, 104));
        assertEquals(List.of(new RecordingContext.Cancel(1)), s.sent());
        s.book(TestBook.top(INSTRUMENT, 100, 104)); // the cancel is on its way: not asked twice
        assertEquals(List.of(), s.sent());
        s.cancelled(1).book(TestBook.top(INSTRUMENT, 100, 104)); // still long 3: no new bid
        assertEquals(List.of(), s.sent());
    }

    @Test
    void shouldNeverPostABidAtOrAboveTheBestAskWhateverTheSkew() {
        Scenario s = start(Map.of("qty", 5, "spread-ticks", 2, "skew-ticks-per-lot", 1.0));
        s.book(TestBook.top(INSTRUMENT, 100, 104)).sent();
        s.fill(2, 5); // short 5: skew 5 ticks up would put the bid at 106, above the ask at 104
        s.book(TestBook.top(INSTRUMENT, 100, 104));
        assertEquals(List.of(new RecordingContext.Modify(1, 103, 5), askGtc(3, INSTRUMENT, 108, 5)), s.sent());
    }

    @Test
    void shouldNotQuoteAOneSidedBook() {
        Scenario s = start(Map.of());
        s.book(TestBook.venue(INSTRUMENT).bid(100, 5).build());
        assertEquals(List.of(), s.sent());
    }
}
