package io.rialto.venues.sim;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.rialto.core.config.ConfigError;
import io.rialto.core.config.Settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The faults one simulated venue injects, from {@code rialto.sim.faults} with the venue's overrides under
 * {@code rialto.sim.faults.venues.<venue>}. Everything is off by default. Rates are probabilities per event
 * (per new order, per execution report, per market-data batch); intervals are the mean of an exponential
 * distribution (0 = never). Every draw comes from a random stream seeded by {@code rialto.sim.seed} and the
 * venue, so the faults are a function of the seed.
 *
 * @param rejectRate          share of new orders the venue rejects ({@code VENUE_REJECTED})
 * @param dropReportRate      share of execution reports never delivered (the venue's history keeps them)
 * @param duplicateReportRate share of delivered reports delivered twice
 * @param delayReportRate     share of reports held back for {@code reportDelay}, and the reports behind them
 * @param disconnectInterval  mean time between dropped order-entry sessions (0 = never)
 * @param disconnectDuration  how long the venue then refuses to reconnect
 * @param cancelOnDisconnect  the venue cancels the session's open orders when it drops the session
 * @param mdGapRate           share of market-data batches lost (the books see a sequence gap and resync)
 * @param staleInterval       mean time between feed stalls (0 = never)
 * @param staleDuration       how long a stall lasts: the venue keeps trading, its market data is lost meanwhile
 * @param wsDropInterval      mean time between WebSocket feed connections the venue drops (0 = never; only with
 *                            {@code rialto.sim.websocket = on}): the client reconnects, the books resync the gap
 */
public record SimFaults(double rejectRate, double dropReportRate, double duplicateReportRate, double delayReportRate,
                        Duration reportDelay, Duration disconnectInterval, Duration disconnectDuration,
                        boolean cancelOnDisconnect, double mdGapRate, Duration staleInterval,
                        Duration staleDuration, Duration wsDropInterval) {

    private static final Set<String> KEYS = Set.of("reject-rate", "drop-report-rate", "duplicate-report-rate",
            "delay-report-rate", "report-delay", "disconnect-interval", "disconnect-duration", "cancel-on-disconnect",
            "md-gap-rate", "stale-interval", "stale-duration", "ws-drop-interval");

    /** The faults of each simulated venue, by venue index; {@code sim} is {@code rialto.sim}. */
    static List<SimFaults> create(Config sim, int venues) {
        Config defaults = Settings.read(() -> sim.getConfig("faults")).withoutPath("venues");
        Config overrides = Settings.read(() -> sim.getConfig("faults.venues"));
        for (String venue : overrides.root().keySet()) {
            int index = venueIndex(venue);
            if (index < 0 || index >= venues) {
                throw new ConfigError(overrides.root().get(venue).origin().description() + ": rialto.sim.faults.venues."
                        + venue + ": no such simulated venue (" + SimSettings.venueName(0) + ".."
                        + SimSettings.venueName(venues - 1) + ")");
            }
            Config block = Settings.read(() -> overrides.getConfig(venue));
            for (String key : block.root().keySet()) {
                if (!KEYS.contains(key)) {
                    throw new ConfigError(block.root().get(key).origin().description() + ": unknown key rialto.sim"
                            + ".faults.venues." + venue + "." + key);
                }
            }
        }
        List<SimFaults> out = new ArrayList<>();
        for (int v = 0; v < venues; v++) {
            String name = SimSettings.venueName(v);
            Config own = overrides.hasPath(name) ? overrides.getConfig(name) : ConfigFactory.empty();
            out.add(of(own.withFallback(defaults), "rialto.sim.faults" + (own.isEmpty() ? "" : ".venues." + name)));
        }
        return out;
    }

    private static int venueIndex(String name) {
        for (int v = 0; v < 1000; v++) {
            if (SimSettings.venueName(v).equals(name)) {
                return v;
            }
        }
        return -1;
    }

    private static SimFaults of(Config f, String where) {
        return new SimFaults(
                rate(f, "reject-rate", where), rate(f, "drop-report-rate", where),
                rate(f, "duplicate-report-rate", where), rate(f, "delay-report-rate", where),
                Settings.positiveDuration(f, "report-delay"),
                nonNegative(f, "disconnect-interval", where), Settings.positiveDuration(f, "disconnect-duration"),
                Settings.bool(f, "cancel-on-disconnect"),
                rate(f, "md-gap-rate", where),
                nonNegative(f, "stale-interval", where), Settings.positiveDuration(f, "stale-duration"),
                nonNegative(f, "ws-drop-interval", where));
    }

    private static double rate(Config f, String key, String where) {
        double value = Settings.read(() -> f.getDouble(key));
        if (!(value >= 0 && value <= 1)) {
            throw new ConfigError(Settings.where(f, key) + ": " + where + "." + key + " = " + value
                    + " is out of range: expected a probability in [0, 1]");
        }
        return value;
    }

    private static Duration nonNegative(Config f, String key, String where) {
        Duration value = Settings.read(() -> f.getDuration(key));
        if (value.isNegative()) {
            throw new ConfigError(Settings.where(f, key) + ": " + where + "." + key + " = " + value
                    + " is out of range: expected 0 (never) or a positive duration");
        }
        return value;
    }

    /** Whether any execution-report fault is on (the report link then draws per report). */
    boolean reportFaults() {
        return dropReportRate > 0 || duplicateReportRate > 0 || delayReportRate > 0;
    }
}
