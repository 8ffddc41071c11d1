package io.rialto.core.config;

import com.typesafe.config.Config;
import io.rialto.core.kernel.BookDirectory;
import io.rialto.core.kernel.TierDirector;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static io.rialto.core.config.Settings.bool;
import static io.rialto.core.config.Settings.intIn;
import static io.rialto.core.config.Settings.longIn;
import static io.rialto.core.config.Settings.positiveDuration;
import static io.rialto.core.config.Settings.strings;

/**
 * {@code rialto.dispatch}: the static hot list, the tier every other symbol starts on, CPU affinity of the
 * hot tier, and the tier director's thresholds.
 */
public record DispatchSettings(List<String> hotSymbols, BookDirectory.Tier initialTier, boolean cpuAffinity,
                               TierDirector.Settings director, Duration coldThrottleInterval) {

    static DispatchSettings read(Config r) {
        String initial = Settings.string(r, "dispatch.initial-tier").toUpperCase(Locale.ROOT);
        if (!initial.equals("WARM") && !initial.equals("COLD")) {
            throw new ConfigError(Settings.where(r, "dispatch.initial-tier") + ": rialto.dispatch.initial-tier = "
                    + initial.toLowerCase(Locale.ROOT) + ": expected warm or cold (hot symbols are listed in "
                    + "rialto.dispatch.hot-symbols)");
        }
        long max = 1_000_000_000L;
        long hotAbove = longIn(r, "dispatch.director.hot-above", 0, max);
        long hotBelow = longIn(r, "dispatch.director.hot-below", 0, max);
        long warmAbove = longIn(r, "dispatch.director.warm-above", 1, max);
        long coldBelow = longIn(r, "dispatch.director.cold-below", 0, max);
        if (coldBelow >= warmAbove) {
            throw Settings.outOfRange(r, "dispatch.director.cold-below", coldBelow,
                    "below dispatch.director.warm-above " + warmAbove + " (the gap is the hysteresis)");
        }
        if (hotAbove > 0 && hotBelow >= hotAbove) {
            throw Settings.outOfRange(r, "dispatch.director.hot-below", hotBelow,
                    "below dispatch.director.hot-above " + hotAbove);
        }
        return new DispatchSettings(strings(r, "dispatch.hot-symbols"), BookDirectory.Tier.valueOf(initial),
                bool(r, "dispatch.cpu-affinity"),
                new TierDirector.Settings(bool(r, "dispatch.director.enabled"),
                        positiveDuration(r, "dispatch.director.rebalance-interval"), hotAbove, hotBelow, warmAbove,
                        coldBelow, intIn(r, "dispatch.director.max-hot", 0, 10_000),
                        intIn(r, "dispatch.director.max-moves-in-flight", 1, 1_000_000)),
                positiveDuration(r, "dispatch.cold-throttle-interval"));
    }
}
