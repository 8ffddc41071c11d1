package io.rialto.venues.sim;

import io.rialto.core.kernel.Platform;
import io.rialto.core.kernel.StrategyHost;
import io.rialto.core.kernel.SymbolBook;
import io.rialto.core.kernel.VenueSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.ToLongFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each fault the simulated venues inject, survived with nothing lost: {@link FaultDrill#finish()} checks that
 * every order ended at the platform and at the venue, the shutdown reconciliation agrees, risk holds nothing,
 * and positions, fills and fees are what the venues filled. Each test also shows the fault happened and
 * what the platform did about it.
 */
class VenueFaultSurvivalTest {

    @AfterEach
    void stopAFailedDrill() {
        FaultDrill.stopUnfinished();
    }

    /** A count of the venues' exchanges, read after the drill finished (they are stopped then). */
    private static long venues(FaultDrill d, ToLongFunction<SimExchange> count) {
        return d.exchanges.stream().mapToLong(count).sum();
    }

    /** A count of the venue sessions, summed, as the finished drill's shutdown collected them. */
    private static long sessions(FaultDrill d, ToLongFunction<VenueSession.Faults> count) {
        return d.result.venues().stream().mapToLong(v -> count.applyAsLong(v.faults())).sum();
    }

    private static long books(Platform.Result r, ToLongFunction<SymbolBook.Stats> count) {
        return r.books().stream().mapToLong(count).sum();
    }

    @Test
    void shouldRejectBackToTheStrategyWhatTheVenueRejectsAtRandom() throws InterruptedException {
        FaultDrill d = FaultDrill.run("reject-rate = 0.2");
        long rejected = venues(d, ex -> ex.randomRejects);
        assertTrue(rejected > 0, "the venues rejected orders");
        long venueRejects = d.result.venues().stream().mapToLong(VenueSession.Stats::rejects).sum();
        assertTrue(venueRejects >= rejected, "every one reached its strategy as a rejection");
    }

    @Test
    void shouldRecoverDroppedReportsFromTheVenuesHistory() throws InterruptedException {
        FaultDrill d = FaultDrill.run("drop-report-rate = 0.1");
        long dropped = venues(d, ex -> ex.link().dropped);
        assertTrue(dropped > 0, "reports were dropped");
        assertTrue(sessions(d, VenueSession.Faults::recoveredReports) > 0, "and recovered by reconciling");
    }

    @Test
    void shouldPassDuplicatedReportsOnOnce() throws InterruptedException {
        FaultDrill d = FaultDrill.run("duplicate-report-rate = 0.2");
        long duplicated = venues(d, ex -> ex.link().duplicated);
        assertTrue(duplicated > 0, "reports came twice");
        long caught = sessions(d, VenueSession.Faults::duplicateReports)
                + sessions(d, VenueSession.Faults::staleReports);
        assertTrue(caught > 0 && caught <= duplicated, "the second copies were caught: " + caught);
    }

    @Test
    void shouldHandleDelayedReportsThatTheReconciliationOvertakes() throws InterruptedException {
        FaultDrill d = FaultDrill.run("delay-report-rate = 0.02, report-delay = 300ms");
        long delayed = venues(d, ex -> ex.link().delayed);
        assertTrue(delayed > 0, "reports were held back");
        assertTrue(sessions(d, VenueSession.Faults::recoveredReports) > 0, "reconciling found them first");
        assertTrue(sessions(d, VenueSession.Faults::duplicateReports)
                + sessions(d, VenueSession.Faults::staleReports) > 0, "and their late copies were not passed on");
    }

    @Test
    void shouldReconnectAndReconcileAfterTheVenueDropsTheSession() throws InterruptedException {
        FaultDrill d = FaultDrill.run("disconnect-interval = 300ms, disconnect-duration = 200ms");
        long drops = venues(d, ex -> ex.disconnects);
        assertTrue(drops > 0, "the venues dropped the session");
        assertTrue(sessions(d, VenueSession.Faults::disconnects) > 0);
        assertTrue(sessions(d, VenueSession.Faults::reconnects) > 0, "and it reconnected");
        assertTrue(sessions(d, VenueSession.Faults::reAcks) + sessions(d, VenueSession.Faults::recoveredReports) > 0,
                "orders in doubt were reconciled");
    }

    @Test
    void shouldReportOrdersCancelledWhenTheVenueCancelsOnDisconnect() throws InterruptedException {
        FaultDrill d = FaultDrill.run("disconnect-interval = 300ms, disconnect-duration = 200ms, "
                + "cancel-on-disconnect = true");
        assertTrue(sessions(d, VenueSession.Faults::disconnects) > 0);
        assertTrue(sessions(d, VenueSession.Faults::recoveredReports) > 0, "the venue's cancels were learnt");
        assertTrue(d.result.strategies().stream().mapToLong(StrategyHost.Stats::canceled).sum() > 0);
    }

    @Test
    void shouldResyncBooksAfterMarketDataGaps() throws InterruptedException {
        FaultDrill d = FaultDrill.start("md-gap-rate = 0.05");
        d.awaitStrategiesDone();
        d.healVenues();
        d.awaitBooksEqualVenues();
        Platform.Result r = d.finish();
        assertTrue(books(r, SymbolBook.Stats::gaps) > 0, "the books saw gaps");
        assertTrue(books(r, SymbolBook.Stats::resyncs) > 0, "and asked for snapshots");
    }

    @Test
    void shouldDetectAStaleFeedAndRecoverFromIt() throws InterruptedException {
        FaultDrill d = FaultDrill.start("stale-interval = 400ms, stale-duration = 600ms");
        d.awaitStrategiesDone();
        d.probe().awaitAssert(java.time.Duration.ofSeconds(30), () -> {
            assertTrue(d.sessions().stream().allMatch(s -> s.faults().feedStalls() > 0), "every feed went stale");
            return null;
        });
        d.healVenues();
        d.probe().awaitAssert(java.time.Duration.ofSeconds(30), () -> {
            List<VenueSession.Stats> now = d.sessions();
            for (VenueSession.Stats s : now) {
                assertFalse(s.faults().feedStale(), s.venue() + " recovered");
                assertTrue(s.faults().feedStaleMs() > 0);
            }
            return null;
        });
        d.awaitBooksEqualVenues();
        Platform.Result r = d.finish();
        assertTrue(books(r, SymbolBook.Stats::resyncs) > 0, "the data lost in the stall was resynced");
        assertEquals(0, r.reconciliation().dropped());
    }

    @Test
    void shouldReconnectDroppedWebSocketFeedsAndResyncWhatTheyLost() throws InterruptedException {
        FaultDrill d = FaultDrill.start("ws-drop-interval = 300ms", "websocket = on");
        d.awaitStrategiesDone();
        d.probe().awaitAssert(java.time.Duration.ofSeconds(30), () -> {
            assertTrue(d.sessions().stream().allMatch(s -> s.faults().feedReconnects() > 0),
                    "every feed lost its connection and reconnected");
            return null;
        });
        d.healVenues();
        d.awaitBooksEqualVenues();
        Platform.Result r = d.finish();
        assertEquals(0, r.reconciliation().dropped());
        assertTrue(r.venues().stream().allMatch(v -> v.faults().feedReconnects() > 0), "the run's result counts them");
    }

    @Test
    void shouldSurviveEveryFaultAtOnce() throws InterruptedException {
        FaultDrill d = FaultDrill.start("reject-rate = 0.05, drop-report-rate = 0.05, duplicate-report-rate = 0.05,"
                + " delay-report-rate = 0.05, report-delay = 300ms, disconnect-interval = 500ms,"
                + " disconnect-duration = 200ms, md-gap-rate = 0.02, stale-interval = 700ms, stale-duration = 300ms,"
                + " venues.SIM2 { cancel-on-disconnect = true }");
        d.awaitStrategiesDone();
        d.healVenues();
        d.awaitBooksEqualVenues();
        d.finish();
    }
}
