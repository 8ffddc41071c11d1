package io.rialto.strategies;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.rialto.strategies.RecordingContext.buyIoc;
import static io.rialto.strategies.RecordingContext.sellIoc;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Mean reversion on Bollinger(4, 1.5 sigmas) of the mid, books one tick either side of each mid. The bands
 * at each step (population sigma of the last four mids, worked out by hand) are next to it.
 */
class MeanReversionTest {
    private static final int INSTRUMENT = 1;

    private static Scenario start(long maxPosition) {
        return Scenario.start(new MeanReversion.Factory(),
                Map.of("period", 4, "width-sigmas", 1.5, "qty", 1, "max-position", maxPosition));
    }

    @Test
    void shouldBuyBelowTheLowerBandAndSellAtTheMiddle() {
        Scenario s = start(2).mids(INSTRUMENT, 1, 100, 100, 100, 100); // bands all at 100
        assertEquals(List.of(), s.sent());
        s.mids(INSTRUMENT, 1, 96); // middle 99, lower 96.40: buy at the ask
        assertEquals(List.of(buyIoc(1, INSTRUMENT, 97, 1)), s.sent());
        s.fill(1, 1).mids(INSTRUMENT, 1, 95); // middle 97.75, lower 94.33: in the bands, below the middle
        assertEquals(List.of(), s.sent());
        s.mids(INSTRUMENT, 1, 97); // middle 97.0: back at the middle, sell the position at the bid
        assertEquals(List.of(sellIoc(2, INSTRUMENT, 96, 1)), s.sent());
    }

    @Test
    void shouldSellAboveTheUpperBandAndBuyBackAtTheMiddleOneOrderAtATime() {
        Scenario s = start(2).mids(INSTRUMENT, 1, 100, 100, 100, 100, 96);
        s.fill(1, 1).mids(INSTRUMENT, 1, 95, 97);
        s.fill(2, 1).sent(); // flat again
        s.mids(INSTRUMENT, 1, 99); // middle 96.75, upper 98.97: sell
        assertEquals(List.of(sellIoc(3, INSTRUMENT, 98, 1)), s.sent());
        s.fill(3, 1).mids(INSTRUMENT, 1, 104); // short 1; middle 98.75, upper 103.77: sell another
        assertEquals(List.of(sellIoc(4, INSTRUMENT, 103, 1)), s.sent());
        s.mids(INSTRUMENT, 1, 98); // middle 99.5: would buy back, but order 4 is still working
        assertEquals(List.of(), s.sent());
        s.cancelled(4).mids(INSTRUMENT, 1, 98); // order 4 ended unfilled; middle 99.75: buy back the 1 short
        assertEquals(List.of(buyIoc(5, INSTRUMENT, 99, 1)), s.sent());
    }

    @Test
    void shouldNotBuyPastMaxPosition() {
        Scenario s = start(1).mids(INSTRUMENT, 1, 100, 100, 100, 100, 96);
        assertEquals(List.of(buyIoc(1, INSTRUMENT, 97, 1)), s.sent());
        s.fill(1, 1).mids(INSTRUMENT, 1, 90); // middle 96.5, lower 90.36: below, but long 1 of at most 1
        assertEquals(List.of(), s.sent());
    }
}
