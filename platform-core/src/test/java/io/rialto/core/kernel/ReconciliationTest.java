package io.rialto.core.kernel;

import io.rialto.core.domain.RejectReason;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReconciliationTest {
    private static final VenueSession.Faults NO_FAULTS = new VenueSession.Faults("connected", 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, 0);

    private static long[] rejects(long riskRejects) {
        long[] r = new long[RejectReason.values().length];
        r[RejectReason.POSITION_LIMIT.ordinal()] = riskRejects;
        return r;
    }

    /** 10 submitted: 1 rejected locally, 1 bounced by a full risk mailbox, 2 by risk, 6 sent: 3 filled, 2 cancelled, 1 open. */
    private static Reconciliation consistent(long venueFills, long riskFills, long strategyFills) {
        StrategyHost.Stats host = new StrategyHost.Stats("s", 10, 1, 4, 3, 2, 1, strategyFills, 0, 0, 0, 0, false);
        DeadLetterRelay.Stats relay = new DeadLetterRelay.Stats(1, 0, 0, 0);
        RiskGate.Stats risk = new RiskGate.Stats(8, 6, rejects(2), 0, 0, 0, riskFills, 0, List.of());
        VenueSession.Stats venue = new VenueSession.Stats("V", 6, 6, 0, venueFills, 3, 2, 0, 0, 1, 0, 0, 0, 0,
                NO_FAULTS);
        return Reconciliation.of(List.of(host), relay, risk, List.of(venue));
    }

    @Test
    void shouldFindNothingWhenEveryStageAgrees() {
        Reconciliation r = consistent(4, 4, 4);
        assertEquals(0, r.dropped(), r.failed().toString());
    }

    @Test
    void shouldCountAFillThatNeverReachedThePositionKeeper() {
        Reconciliation r = consistent(4, 3, 4);
        assertEquals(1, r.dropped());
        assertEquals("fills: venues = position keeper", r.failed().get(0).name());
    }

    @Test
    void shouldCountAnOrderThatVanishedBetweenRiskAndVenue() {
        StrategyHost.Stats host = new StrategyHost.Stats("s", 10, 1, 4, 3, 2, 1, 4, 0, 0, 0, 0, false);
        DeadLetterRelay.Stats relay = new DeadLetterRelay.Stats(1, 0, 0, 0);
        RiskGate.Stats risk = new RiskGate.Stats(8, 6, rejects(2), 0, 0, 0, 4, 0, List.of());
        VenueSession.Stats venue = new VenueSession.Stats("V", 5, 5, 0, 4, 3, 2, 0, 0, 0, 0, 0, 0, 0, NO_FAULTS);
        Reconciliation r = Reconciliation.of(List.of(host), relay, risk, List.of(venue));
        assertEquals(List.of("venue: sent = accepted by risk - not sent", "open orders: strategies = venues"),
                r.failed().stream().map(Reconciliation.Check::name).toList());
        assertEquals(2, r.dropped());
    }
}
