package io.rialto.strategies;

import io.rialto.core.domain.RejectReason;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.rialto.strategies.RecordingContext.buyIoc;
import static io.rialto.strategies.RecordingContext.sellIoc;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Arbitrage of one symbol listed as instrument 1 on venue A (slot 0) and instrument 2 on venue B (slot 1). */
class CrossVenueArbitrageTest {
    private static final int A = 1;
    private static final int B = 2;

    private static Scenario start(long maxPosition) {
        return Scenario.start(new CrossVenueArbitrage.Factory(),
                Map.of("threshold-ticks", 2, "qty", 5, "max-position", maxPosition));
    }

    /** A's bid 105 x 3 is 2 ticks over B's ask 103 x 4. */
    private static TestBook crossedAOverB() {
        return TestBook.venue(A).bid(105, 3).ask(106, 10).venue(B).bid(102, 10).ask(103, 4).build();
    }

    @Test
    void shouldDoNothingWhileTheVenuesDoNotCrossByTheThreshold() {
        Scenario s = start(10);
        s.book(TestBook.venue(A).bid(100, 10).ask(102, 10).venue(B).bid(101, 10).ask(103, 10).build());
        s.book(TestBook.venue(A).bid(104, 10).ask(106, 10).venue(B).bid(102, 10).ask(103, 10).build()); // 1 < 2
        s.book(TestBook.top(A, 105, 106)); // one venue only
        assertEquals(List.of(), s.sent());
    }

    @Test
    void shouldBuyOnTheCheapVenueAndSellOnTheDearOneForWhatBothShow() {
        Scenario s = start(10);
        s.book(crossedAOverB());
        assertEquals(List.of(buyIoc(1, B, 103, 3), sellIoc(2, A, 105, 3)), s.sent()); // min(5, 4, 3) lots
    }

    @Test
    void shouldSendNoNewPairWhileALegIsStillWorking() {
        Scenario s = start(10);
        s.book(crossedAOverB()).sent();
        s.fill(1, 3).book(crossedAOverB()); // the sell leg is still working
        assertEquals(List.of(), s.sent());
        s.rejected(2, RejectReason.THROTTLED).book(crossedAOverB());
        assertEquals(List.of(buyIoc(3, B, 103, 3), sellIoc(4, A, 105, 3)), s.sent());
    }

    @Test
    void shouldCutTheLegsToMaxPositionPerVenueAndUnwindTheOtherWay() {
        Scenario s = start(4);
        s.book(crossedAOverB()).fill(1, 3).fill(2, 3).sent(); // long 3 on B, short 3 on A
        s.book(crossedAOverB()); // only 1 more lot fits on each venue
        assertEquals(List.of(buyIoc(3, B, 103, 1), sellIoc(4, A, 105, 1)), s.sent());
        s.fill(3, 1).fill(4, 1).book(crossedAOverB()); // long 4 on B, short 4 on A: full
        assertEquals(List.of(), s.sent());
        assertEquals(1, s.ctx.counter("crossing-over-limit"));
        // B's bid 108 now crosses A's ask 106: buy on A and sell on B, which reduces both positions
        s.book(TestBook.venue(A).bid(104, 10).ask(106, 10).venue(B).bid(108, 10).ask(109, 10).build());
        assertEquals(List.of(buyIoc(5, A, 106, 5), sellIoc(6, B, 108, 5)), s.sent());
    }

    @Test
    void shouldTakeTheWidestCrossingAmongThreeVenues() {
        Scenario s = start(10);
        s.book(TestBook.venue(A).bid(105, 10).ask(107, 10)
                .venue(B).bid(101, 10).ask(103, 10)
                .venue(3).bid(100, 10).ask(102, 10).build()); // A's bid over venue 3's ask: 3 ticks
        assertEquals(List.of(buyIoc(1, 3, 102, 5), sellIoc(2, A, 105, 5)), s.sent());
    }
}
