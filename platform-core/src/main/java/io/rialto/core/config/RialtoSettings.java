package io.rialto.core.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.rialto.core.kernel.RestartPolicy;
import io.rialto.core.kernel.VenueSession;
import io.rialto.core.kernel.VenueSessionSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.rialto.core.config.Settings.intIn;
import static io.rialto.core.config.Settings.positiveDuration;
import static io.rialto.core.config.Settings.strings;

/**
 * The platform kernel's settings, read once from {@code rialto.*} and validated here. Engines and
 * actors get these records, never {@link Config}.
 */
public record RialtoSettings(Duration progressInterval, Duration shutdownTimeout, int instanceCount,
                             List<String> instanceKinds, List<String> accounts, List<StrategyDeclaration> strategies,
                             RestartPolicy.Settings supervision, DispatchSettings dispatch, int publishLevels,
                             int ingestParallelism, Duration ingestAckTimeout, Duration riskCheckTimeout,
                             VenueSessionSettings venueSession, Path pluginsDir, Path latencyLog,
                             io.rialto.core.kernel.StrategyWatchdog.Settings watchdog) {

    /**
     * A strategy declared in config.
     *
     * @param origin where it was declared, for error messages
     */
    public record StrategyDeclaration(String id, String kind, List<String> symbols, String account,
                                      Map<String, Object> params, String origin) {
    }

    public static RialtoSettings create(Config config) {
        Config r = Settings.read(() -> config.getConfig("rialto"));
        List<String> kinds = strings(r, "instances.kinds");
        List<String> accounts = strings(r, "instances.accounts");
        if (accounts.isEmpty()) {
            throw new ConfigError(Settings.where(r, "instances.accounts") + ": rialto.instances.accounts is empty");
        }
        return new RialtoSettings(
                positiveDuration(r, "run.progress-interval"),
                positiveDuration(r, "run.shutdown-timeout"),
                intIn(r, "instances.count", 0, 1_000_000),
                kinds, accounts, declarations(r),
                supervision(r),
                DispatchSettings.read(r),
                intIn(r, "book.publish-levels", 1, 50),
                intIn(r, "ingest.parallelism", 1, 64),
                positiveDuration(r, "ingest.ack-timeout"),
                positiveDuration(r, "risk-gate.check-timeout"),
                venueSession(r),
                pluginsDir(r),
                latencyLog(r),
                new io.rialto.core.kernel.StrategyWatchdog.Settings(positiveDuration(r, "strategy-watchdog.stuck-after"),
                        positiveDuration(r, "strategy-watchdog.check-interval")));
    }

    private static VenueSessionSettings venueSession(Config r) {
        String v = "venue-session.";
        Duration initial = positiveDuration(r, v + "reconnect.initial-backoff");
        Duration max = positiveDuration(r, v + "reconnect.max-backoff");
        if (max.compareTo(initial) < 0) {
            throw Settings.outOfRange(r, v + "reconnect.max-backoff", max, "at least reconnect.initial-backoff "
                    + initial);
        }
        return new VenueSessionSettings(
                new VenueSession.BreakerSettings(intIn(r, v + "circuit-breaker.max-failures", 1, 1_000_000),
                        positiveDuration(r, v + "circuit-breaker.call-timeout"),
                        positiveDuration(r, v + "circuit-breaker.reset-timeout")),
                initial, max,
                Settings.doubleIn(r, v + "reconnect.multiplier", 1, 100),
                Settings.doubleIn(r, v + "reconnect.jitter", 0, 1),
                positiveDuration(r, v + "reconcile-interval"),
                positiveDuration(r, v + "feed-stale-after"),
                intIn(r, v + "ended-order-memory", 16, 10_000_000));
    }

    /** {@code rialto.plugins.dir}; a relative path is resolved against the installation ({@code rialto.home}). */
    private static Path pluginsDir(Config r) {
        Path dir = Path.of(Settings.string(r, "plugins.dir"));
        return dir.isAbsolute() ? dir : Path.of(System.getProperty("rialto.home", ".")).resolve(dir).normalize();
    }

    /** {@code rialto.latency.log-file}: null when empty; relative to the installation. */
    private static Path latencyLog(Config r) {
        String file = Settings.string(r, "latency.log-file");
        if (file.isBlank()) {
            return null;
        }
        Path path = Path.of(file);
        return path.isAbsolute() ? path : Path.of(System.getProperty("rialto.home", ".")).resolve(path).normalize();
    }

    private static RestartPolicy.Settings supervision(Config r) {
        String onRestart = Settings.string(r, "supervision.on-restart");
        if (!onRestart.equals("cancel-orders") && !onRestart.equals("keep-orders")) {
            throw new ConfigError(Settings.where(r, "supervision.on-restart") + ": rialto.supervision.on-restart = "
                    + onRestart + ": expected cancel-orders or keep-orders");
        }
        Duration min = positiveDuration(r, "supervision.min-backoff");
        Duration max = positiveDuration(r, "supervision.max-backoff");
        if (max.compareTo(min) < 0) {
            throw Settings.outOfRange(r, "supervision.max-backoff", max, "at least supervision.min-backoff " + min);
        }
        return new RestartPolicy.Settings(intIn(r, "supervision.max-failures", 1, 10_000),
                positiveDuration(r, "supervision.window"), min, max, onRestart.equals("cancel-orders"));
    }

    private static List<StrategyDeclaration> declarations(Config r) {
        List<? extends Config> list = Settings.read(() -> r.getConfigList("strategies"));
        List<StrategyDeclaration> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Config s : list) {
            String origin = s.origin().description();
            try {
                String id = s.getString("id");
                if (!ids.add(id)) {
                    throw new ConfigError(origin + ": rialto.strategies: duplicate strategy id " + id);
                }
                Map<String, Object> params = s.hasPath("params") ? s.getConfig("params").root().unwrapped()
                        : Map.of();
                for (String key : s.root().keySet()) {
                    if (!Set.of("id", "kind", "symbols", "account", "params").contains(key)) {
                        throw new ConfigError(origin + ": rialto.strategies[" + id + "]: unknown key " + key
                                + " (expected id, kind, symbols, account, params)");
                    }
                }
                out.add(new StrategyDeclaration(id, s.getString("kind"), s.getStringList("symbols"),
                        s.getString("account"), params, origin));
            } catch (ConfigException e) {
                throw new ConfigError("rialto.strategies: " + e.getMessage(), e);
            }
        }
        return out;
    }
}
