package io.rialto.core.kernel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedWatchTest {
    private static final long MS = 1_000_000;

    @Test
    void shouldNotJudgeAFeedBeforeItsFirstElement() {
        assertEquals(FeedWatch.SAME, new FeedWatch().check(System.nanoTime() + 60_000 * MS, 100 * MS));
    }

    @Test
    void shouldTellAStaleFeedOnceAndItsRecoveryAndCountTheTimeWithoutData() {
        FeedWatch watch = new FeedWatch();
        watch.seen("batch");
        long t0 = watch.lastNs();
        assertEquals(FeedWatch.SAME, watch.check(t0 + 50 * MS, 100 * MS));
        assertEquals(FeedWatch.WENT_STALE, watch.check(t0 + 150 * MS, 100 * MS));
        assertEquals(FeedWatch.SAME, watch.check(t0 + 250 * MS, 100 * MS), "told once per stale period");
        assertTrue(watch.stale());
        assertEquals(1, watch.stalls());
        assertEquals(300 * MS, watch.staleNs(t0 + 300 * MS), "the current period counts");
        watch.seen("batch again");
        long t1 = watch.lastNs();
        assertEquals(FeedWatch.RECOVERED, watch.check(t1 + MS, 100 * MS));
        assertFalse(watch.stale());
        assertEquals(t1 - t0, watch.lastPeriodNs());
        assertEquals(t1 - t0, watch.staleNs(t1 + 500 * MS), "only ended periods once recovered");
        assertEquals(FeedWatch.WENT_STALE, watch.check(t1 + 200 * MS, 100 * MS), "a second stall");
        assertEquals(2, watch.stalls());
    }
}
