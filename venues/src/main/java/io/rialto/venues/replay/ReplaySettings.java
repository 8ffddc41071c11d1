package io.rialto.venues.replay;

import com.typesafe.config.Config;
import io.rialto.core.config.ConfigError;
import io.rialto.core.config.Settings;

/**
 * Settings of the replay venues, read from {@code rialto.replay}.
 *
 * @param path        a recording directory, a Tardis CSV file, or a directory of Tardis CSV files; "" = no replay
 * @param speed       multiple of real time; 0 = as fast as the platform takes it ({@code max}), -1 = {@code step}:
 *                    an event at a time, each once the platform has finished reacting to the one before
 * @param stopOnBadRow stop the replay at the first bad row instead of counting it and going on
 * @param logBadRows  bad rows logged (with file and line) before the rest are only counted
 * @param inferRows   rows per Tardis file read ahead to infer tick and lot size from their decimals
 */
public record ReplaySettings(String path, double speed, boolean stopOnBadRow, int logBadRows, int inferRows,
                             int batchSize, long makerFeePpm, long takerFeePpm, long maxQtyLots) {

    public static ReplaySettings create(Config config) {
        Config r = Settings.read(() -> config.getConfig("rialto.replay"));
        String onBad = Settings.string(r, "on-bad-row");
        if (!onBad.equals("continue") && !onBad.equals("stop")) {
            throw new IllegalArgumentException(Settings.where(r, "on-bad-row") + ": rialto.replay.on-bad-row = "
                    + onBad + ": expected continue or stop");
        }
        return new ReplaySettings(
                Settings.string(r, "path").trim(),
                speed(config, r),
                onBad.equals("stop"),
                Settings.intIn(r, "log-bad-rows", 0, 1_000_000),
                Settings.intIn(r, "infer-rows", 1, 100_000_000),
                Settings.intIn(r, "batch-size", 1, 1024),
                Math.round(Settings.doubleIn(r, "maker-fee-bps", -1e4, 1e4) * 100),
                Math.round(Settings.doubleIn(r, "taker-fee-bps", -1e4, 1e4) * 100),
                Settings.longIn(r, "max-qty", 1, Long.MAX_VALUE / 4));
    }

    /** {@link #speed} of {@code step}. */
    static final double STEP = -1;

    private static double speed(Config config, Config r) {
        String raw = Settings.read(() -> r.getValue("speed").unwrapped().toString()).trim();
        if (raw.equals("max")) {
            return 0;
        }
        if (raw.equals("step")) {
            if (!config.getBoolean("rialto.dispatch.step")) {
                throw new ConfigError(Settings.where(r, "speed") + ": rialto.replay.speed = step needs "
                        + "rialto.dispatch.step = on, which runs the platform on one counted thread (--speed step "
                        + "sets both)");
            }
            return STEP;
        }
        try {
            double x = Double.parseDouble(raw);
            if (x > 0 && Double.isFinite(x)) {
                return x;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(Settings.where(r, "speed") + ": rialto.replay.speed = " + raw
                + ": expected a positive multiple of real time (1, 10, 0.5), max or step");
    }

    public boolean step() {
        return speed == STEP;
    }

    public boolean enabled() {
        return !path.isEmpty();
    }
}
