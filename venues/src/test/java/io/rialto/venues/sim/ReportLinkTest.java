package io.rialto.venues.sim;

import com.typesafe.config.ConfigFactory;
import io.rialto.core.domain.ExecutionReport;
import io.rialto.core.domain.Side;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report faults: a function of the seed, each fault on a stream of its own, order kept, nothing while down. */
class ReportLinkTest {

    private static SimFaults faults(String hocon) {
        return SimSettings.create(ConfigFactory.parseString("rialto.sim.faults { " + hocon + " }")
                .withFallback(ConfigFactory.defaultReference())).faults().get(0);
    }

    /** Sends reports 1..n (exec ids), releasing what is held every 10; returns the exec ids delivered, in order. */
    private static List<Long> deliver(SimFaults faults, long seed, int n) {
        List<Long> out = new ArrayList<>();
        ReportLink link = new ReportLink(faults, new SplittableRandom(seed), r -> out.add(r.execId()));
        for (long id = 1; id <= n; id++) {
            link.send(ExecutionReport.ack(id, 0, Side.BUY, 100, 1, 0).withExecId(id));
            if (id % 10 == 0) {
                link.release();
            }
        }
        link.release();
        return out;
    }

    @Test
    void shouldInjectTheSameFaultsForTheSameSeed() {
        SimFaults f = faults("drop-report-rate = 0.1, duplicate-report-rate = 0.1, delay-report-rate = 0.1");
        assertEquals(deliver(f, 42, 2000), deliver(f, 42, 2000));
        assertTrue(!deliver(f, 42, 2000).equals(deliver(f, 43, 2000)), "another seed, other faults");
    }

    @Test
    void shouldDropTheSameReportsWhetherOrNotOtherFaultsAreOn() {
        Set<Long> all = LongStream.rangeClosed(1, 2000).boxed().collect(Collectors.toSet());
        Set<Long> droppedAlone = new java.util.HashSet<>(all);
        droppedAlone.removeAll(deliver(faults("drop-report-rate = 0.1"), 7, 2000));
        Set<Long> droppedWithOthers = new java.util.HashSet<>(all);
        droppedWithOthers.removeAll(deliver(faults("drop-report-rate = 0.1, duplicate-report-rate = 0.3,"
                + " delay-report-rate = 0.3"), 7, 2000));
        assertTrue(droppedAlone.size() > 100, "about a tenth dropped: " + droppedAlone.size());
        assertEquals(droppedAlone, droppedWithOthers);
    }

    @Test
    void shouldKeepTheOrderOfReportsWhenOneIsHeldBackAndDeliverNothingWhileDown() {
        List<Long> out = deliver(faults("delay-report-rate = 0.2, duplicate-report-rate = 0.2"), 3, 500);
        List<Long> distinct = out.stream().distinct().toList();
        assertEquals(LongStream.rangeClosed(1, 500).boxed().toList(), distinct, "all delivered, in order");
        assertTrue(out.size() > distinct.size(), "some twice");

        List<Long> seen = new ArrayList<>();
        ReportLink link = new ReportLink(faults("delay-report-rate = 1"), new SplittableRandom(1), r -> seen.add(
                r.execId()));
        assertTrue(link.send(ExecutionReport.ack(1, 0, Side.BUY, 100, 1, 0).withExecId(1)), "held: release due");
        link.down();
        link.release();
        link.send(ExecutionReport.ack(2, 0, Side.BUY, 100, 1, 0).withExecId(2));
        assertEquals(List.of(), seen, "what was held is lost with the session; nothing while down");
        assertEquals(2, link.lostWhileDown);
    }
}
