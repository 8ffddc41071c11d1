package io.rialto.venues.sim;

import io.rialto.core.domain.ExecutionReport;

import java.util.ArrayDeque;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The order-entry session of a simulated venue as the platform sees it: delivers execution reports in order,
 * and injects the report faults of {@link SimFaults} — a report dropped, delivered twice, or held back (with
 * every report behind it, so the session stays in order) — and nothing at all while the session is down.
 * Each fault draws from a random stream of its own, so turning one on does not move the others.
 * Single-threaded: owned by the {@code SimExchange} actor.
 */
final class ReportLink {
    private SimFaults faults;
    private final SplittableRandom dropRandom;
    private final SplittableRandom duplicateRandom;
    private final SplittableRandom delayRandom;
    private final Consumer<ExecutionReport> platform;
    private final ArrayDeque<ExecutionReport> held = new ArrayDeque<>();
    private boolean up = true;

    long delivered;
    long dropped;
    long duplicated;
    long delayed;
    long lostWhileDown;

    ReportLink(SimFaults faults, SplittableRandom random, Consumer<ExecutionReport> platform) {
        this.faults = faults;
        this.dropRandom = random.split();
        this.duplicateRandom = random.split();
        this.delayRandom = random.split();
        this.platform = platform;
    }

    /**
     * Sends one report. Returns true when it is the first one held back: {@link #release()} is then due after
     * {@link SimFaults#reportDelay()}.
     */
    boolean send(ExecutionReport r) {
        if (!up) {
            lostWhileDown++;
            return false;
        }
        if (faults.dropReportRate() > 0 && dropRandom.nextDouble() < faults.dropReportRate()) {
            dropped++;
            return false;
        }
        if (!held.isEmpty()) {
            held.add(r);
            return false;
        }
        if (faults.delayReportRate() > 0 && delayRandom.nextDouble() < faults.delayReportRate()) {
            delayed++;
            held.add(r);
            return true;
        }
        deliver(r);
        return false;
    }

    /** Delivers every report held back, in order. */
    void release() {
        ExecutionReport r;
        while ((r = held.poll()) != null) {
            deliver(r);
        }
    }

    private void deliver(ExecutionReport r) {
        platform.accept(r);
        delivered++;
        if (faults.duplicateReportRate() > 0 && duplicateRandom.nextDouble() < faults.duplicateReportRate()) {
            platform.accept(r);
            duplicated++;
        }
    }

    /** The venue dropped the session: what was held back is lost with it. */
    void down() {
        up = false;
        lostWhileDown += held.size();
        held.clear();
    }

    /** Changes the faults in force from now on (tests). */
    void faults(SimFaults newFaults) {
        this.faults = newFaults;
    }

    void up() {
        up = true;
    }

    boolean isUp() {
        return up;
    }
}
