package io.rialto.core.ops;

import com.typesafe.config.Config;
import io.rialto.core.config.Settings;

import java.time.Duration;

/**
 * The {@code rialto.health} block: how often the monitor samples, the start-up grace, the hysteresis and
 * the thresholds of each signal at which the mode becomes REDUCED, EMERGENCY or SAFE.
 */
public record HealthSettings(boolean enabled, Duration interval, Duration startupGrace, Duration recoverAfter,
                             double recoverFactor, Levels cpu, Levels heap, Levels gcTime, Levels p99LatencyNs,
                             Levels errorRate, long errorRateMinOrders, Levels mailboxSaturation) {

    /** The value of a signal from which each mode applies; infinite when a signal never reaches that mode. */
    public record Levels(double reduced, double emergency, double safe) {

        /** The mode these thresholds ask for at {@code value}, with every threshold scaled by {@code factor}. */
        HealthMode modeAt(double value, double factor) {
            if (Double.isNaN(value)) {
                return HealthMode.FULL;
            }
            if (value >= safe * factor) {
                return HealthMode.SAFE;
            }
            if (value >= emergency * factor) {
                return HealthMode.EMERGENCY;
            }
            return value >= reduced * factor ? HealthMode.REDUCED : HealthMode.FULL;
        }
    }

    public static HealthSettings create(Config config) {
        Config h = Settings.read(() -> config.getConfig("rialto.health"));
        return new HealthSettings(Settings.bool(h, "enabled"), Settings.positiveDuration(h, "interval"),
                notNegative(h, "startup-grace"), notNegative(h, "recover-after"),
                Settings.doubleIn(h, "recover-factor", 0.01, 1.0),
                new Levels(Settings.doubleIn(h, "cpu.reduced", 0.0, 1.0), Double.POSITIVE_INFINITY,
                        Double.POSITIVE_INFINITY),
                fractions(h, "heap"), fractions(h, "gc-time"), latencies(h, "p99-latency"), fractions(h, "error-rate"),
                Settings.longIn(h, "error-rate.min-orders", 0, Long.MAX_VALUE), fractions(h, "mailbox-saturation"));
    }

    private static Duration notNegative(Config h, String path) {
        Duration d = Settings.read(() -> h.getDuration(path));
        if (d.isNegative()) {
            throw Settings.outOfRange(h, path, d, "zero or more");
        }
        return d;
    }

    private static Levels fractions(Config h, String signal) {
        return ordered(h, signal, new Levels(Settings.doubleIn(h, signal + ".reduced", 0.0, 1.0),
                Settings.doubleIn(h, signal + ".emergency", 0.0, 1.0),
                Settings.doubleIn(h, signal + ".safe", 0.0, 1.0)));
    }

    private static Levels latencies(Config h, String signal) {
        return ordered(h, signal, new Levels(Settings.positiveDuration(h, signal + ".reduced").toNanos(),
                Settings.positiveDuration(h, signal + ".emergency").toNanos(),
                Settings.positiveDuration(h, signal + ".safe").toNanos()));
    }

    private static Levels ordered(Config h, String signal, Levels levels) {
        if (!(levels.reduced() <= levels.emergency() && levels.emergency() <= levels.safe())) {
            throw Settings.outOfRange(h, signal, levels, "reduced <= emergency <= safe");
        }
        return levels;
    }
}
