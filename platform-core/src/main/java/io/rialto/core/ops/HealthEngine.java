package io.rialto.core.ops;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides the platform's {@link HealthMode} from one set of {@link Readings} at a time. Plain and
 * single-threaded: no timers, no clock of its own; the caller passes the time of each evaluation.
 *
 * <ul>
 *   <li>Within {@code startup-grace} of the start the mode stays FULL whatever the readings.</li>
 *   <li>A worse mode applies at once: the worst mode any signal asks for. CPU load alone never asks for more
 *       than REDUCED.</li>
 *   <li>Stepping back down is hysteretic: only when every signal is below its thresholds scaled by
 *       {@code recover-factor} for {@code recover-after} without a break, and then one mode at a time.</li>
 * </ul>
 */
public final class HealthEngine {

    /**
     * What the monitor measured over the last interval; {@code NaN} for a signal not measured (ignored).
     *
     * @param cpuLoad           process CPU load, 0 to 1
     * @param heapUsed          used heap over the maximum heap, 0 to 1
     * @param gcTime            fraction of the interval spent in GC pauses, 0 to 1
     * @param p99LatencyNs      tick-to-trade p99 of the interval
     * @param errorRate         orders rejected over orders submitted in the interval
     * @param mailboxSaturation fullest bounded mailbox, 0 to 1
     */
    public record Readings(double cpuLoad, double heapUsed, double gcTime, double p99LatencyNs, double errorRate,
                           double mailboxSaturation) {
        public static final Readings CALM = new Readings(0, 0, 0, 0, 0, 0);
    }

    /** Told of every mode change, with the signals that caused it. */
    public interface Listener {
        void onModeChange(HealthMode from, HealthMode to, String why);
    }

    private final HealthSettings settings;
    private final long startNs;
    private final Listener listener;
    private HealthMode mode = HealthMode.FULL;
    private long calmSinceNs;
    private boolean calm;
    private String why = "starting";

    public HealthEngine(HealthSettings settings, long startNs, Listener listener) {
        this.settings = settings;
        this.startNs = startNs;
        this.listener = listener;
    }

    public HealthMode mode() {
        return mode;
    }

    /** Why the mode is what it is (the signals over their thresholds, or the grace period). */
    public String why() {
        return why;
    }

    /** Evaluates one set of readings taken at {@code nowNs}; returns the mode now in force. */
    public HealthMode evaluate(long nowNs, Readings r) {
        if (nowNs - startNs < settings.startupGrace().toNanos()) {
            why = "start-up grace";
            return mode;
        }
        List<String> over = new ArrayList<>();
        HealthMode target = worst(r, 1.0, over);
        if (target.compareTo(mode) > 0) {
            change(target, String.join(", ", over));
            calm = false;
            return mode;
        }
        if (mode == HealthMode.FULL) {
            return mode;
        }
        HealthMode recovery = worst(r, settings.recoverFactor(), new ArrayList<>());
        if (recovery.compareTo(mode) >= 0) {
            calm = false;
            why = over.isEmpty() ? "recovering: readings not yet below the recovery thresholds"
                    : String.join(", ", over);
            return mode;
        }
        if (!calm) {
            calm = true;
            calmSinceNs = nowNs;
        }
        if (nowNs - calmSinceNs >= settings.recoverAfter().toNanos()) {
            change(HealthMode.values()[mode.ordinal() - 1], "calm for " + settings.recoverAfter().toSeconds() + "s");
            calmSinceNs = nowNs;
        }
        return mode;
    }

    private void change(HealthMode to, String reason) {
        HealthMode from = mode;
        mode = to;
        why = reason;
        listener.onModeChange(from, to, reason);
    }

    private HealthMode worst(Readings r, double factor, List<String> over) {
        HealthMode worst = HealthMode.FULL;
        worst = check(worst, "cpu", r.cpuLoad(), settings.cpu(), factor, over);
        worst = check(worst, "heap", r.heapUsed(), settings.heap(), factor, over);
        worst = check(worst, "gc-time", r.gcTime(), settings.gcTime(), factor, over);
        worst = check(worst, "p99-latency-ns", r.p99LatencyNs(), settings.p99LatencyNs(), factor, over);
        worst = check(worst, "error-rate", r.errorRate(), settings.errorRate(), factor, over);
        worst = check(worst, "mailbox-saturation", r.mailboxSaturation(), settings.mailboxSaturation(), factor,
                over);
        return worst;
    }

    private static HealthMode check(HealthMode worst, String name, double value, HealthSettings.Levels levels,
                                    double factor, List<String> over) {
        HealthMode asked = levels.modeAt(value, factor);
        if (asked != HealthMode.FULL) {
            over.add(name + " " + value + " -> " + asked);
        }
        return asked.compareTo(worst) > 0 ? asked : worst;
    }
}
