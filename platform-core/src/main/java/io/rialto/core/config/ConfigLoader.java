package io.rialto.core.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the platform's configuration, highest precedence first: command-line options
 * ({@code --venues}, ...), {@code --set key=value} overrides in order, the config file, then the
 * {@code reference.conf} defaults of every module. A key under {@code rialto} that no module defines
 * is an error (a typo never passes silently), except under the free-form sections.
 */
public final class ConfigLoader {
    /** Sections whose keys users name themselves, or that take whole Pekko dispatcher and mailbox blocks. */
    private static final Set<String> FREE_FORM = Set.of("rialto.strategies", "rialto.dispatchers",
            "rialto.mailboxes", "rialto.instruments", "rialto.risk.strategies", "rialto.risk.accounts", "rialto.risk.instruments",
            "rialto.sim.faults.venues");

    private ConfigLoader() {
    }

    public static Config load(Path file, List<String> sets, Map<String, Object> options) {
        Config user = ConfigFactory.empty();
        if (file != null) {
            if (!Files.isReadable(file)) {
                throw new ConfigError("config file " + file + " does not exist or is not readable");
            }
            try {
                user = ConfigFactory.parseFile(file.toFile(),
                        ConfigParseOptions.defaults().setAllowMissing(false));
            } catch (ConfigException e) {
                throw new ConfigError(e.getMessage(), e);
            }
        }
        for (String set : sets) {
            int eq = set.indexOf('=');
            if (eq <= 0) {
                throw new ConfigError("--set " + set + ": expected key=value");
            }
            String key = set.substring(0, eq).trim();
            String value = set.substring(eq + 1).trim();
            try {
                Config one = ConfigFactory.parseString(key + " = " + (value.isEmpty() ? "\"\"" : value),
                        ConfigParseOptions.defaults().setOriginDescription("--set " + set)
                                .setSyntax(ConfigSyntax.CONF));
                user = one.withFallback(user);
            } catch (ConfigException e) {
                throw new ConfigError("--set " + set + ": " + e.getMessage(), e);
            }
        }
        if (!options.isEmpty()) {
            user = ConfigFactory.parseMap(options, "command-line option").withFallback(user);
        }
        Config reference = ConfigFactory.defaultReference();
        checkKnownKeys(user, reference);
        try {
            return ConfigFactory.defaultOverrides().withFallback(user).withFallback(reference).resolve();
        } catch (ConfigException e) {
            throw new ConfigError(e.getMessage(), e);
        }
    }

    /** Defaults only: what tests and embedded use start from. */
    public static Config defaults() {
        return load(null, List.of(), Map.of());
    }

    static void checkKnownKeys(Config user, Config reference) {
        if (!user.hasPath("rialto")) {
            return;
        }
        for (Map.Entry<String, ConfigValue> entry : user.getConfig("rialto").entrySet()) {
            String path = "rialto." + entry.getKey();
            if (FREE_FORM.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "."))) {
                continue;
            }
            if (!reference.hasPathOrNull(path)) {
                throw new ConfigError(entry.getValue().origin().description() + ": unknown key " + path);
            }
        }
    }
}
