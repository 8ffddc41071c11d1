package io.rialto.risk;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Limits of the default risk engine, read once from {@code rialto.risk}: the defaults (every key of
 * {@code reference.conf}), plus override blocks {@code strategies.<id>}, {@code accounts.<id>} and
 * {@code instruments."<venue>:<symbol>"} that take the keys applying to their scope. Unknown keys, keys
 * in a block they do not apply to, and bad values are refused with an {@link IllegalArgumentException}
 * naming the key and where it was set. Instrument keys are checked against the registry when the
 * engine is made.
 *
 * <p>Values are kept encoded as {@code long} (see {@link Limit}); the engine copies them, so changing
 * limits at run time ({@link RiskEngine#updateLimit}) never touches this object.
 */
public final class RiskSettings {
    static final String ROOT = "rialto.risk";
    static final String STRATEGIES = "strategies";
    static final String ACCOUNTS = "accounts";
    static final String INSTRUMENTS = "instruments";

    private final long[] defaults;
    private final Map<String, long[]> strategies;
    private final Map<String, long[]> accounts;
    private final Map<String, long[]> instruments;

    private RiskSettings(long[] defaults, Map<String, long[]> strategies, Map<String, long[]> accounts,
                         Map<String, long[]> instruments) {
        this.defaults = defaults;
        this.strategies = strategies;
        this.accounts = accounts;
        this.instruments = instruments;
    }

    /** Reads {@code rialto.risk} of the whole resolved configuration. */
    public static RiskSettings create(Config config) {
        Config risk;
        try {
            risk = config.getConfig(ROOT);
        } catch (ConfigException e) {
            throw new IllegalArgumentException(ROOT + ": " + e.getMessage(), e);
        }
        long[] defaults = new long[Limit.COUNT];
        for (String key : risk.root().keySet()) {
            if (Limit.ofKey(key) == null && !key.equals(STRATEGIES) && !key.equals(ACCOUNTS)
                    && !key.equals(INSTRUMENTS)) {
                throw new IllegalArgumentException(origin(risk, key) + ": unknown key " + ROOT + "." + key);
            }
        }
        for (Limit limit : Limit.VALUES) {
            if (!risk.hasPath(limit.key)) {
                throw new IllegalArgumentException(ROOT + "." + limit.key + " is missing");
            }
            defaults[limit.ordinal()] = limit.read(risk, limit.key, ROOT + "." + limit.key);
        }
        return new RiskSettings(defaults, overrides(risk, STRATEGIES, Limit.STRATEGY),
                overrides(risk, ACCOUNTS, Limit.ACCOUNT), overrides(risk, INSTRUMENTS, Limit.INSTRUMENT));
    }

    /** The module's defaults with {@code hocon} (keys under {@code rialto.risk}) on top: for tests and benchmarks. */
    public static RiskSettings parse(String hocon) {
        Config reference = ConfigFactory.parseResources(RiskSettings.class.getClassLoader(), "reference.conf");
        return create(ConfigFactory.parseString(hocon).withFallback(reference).resolve());
    }

    private static Map<String, long[]> overrides(Config risk, String block, int scope) {
        Map<String, long[]> byId = new LinkedHashMap<>();
        if (!risk.hasPath(block)) {
            return byId;
        }
        ConfigValue value = risk.root().get(block);
        if (value.valueType() != ConfigValueType.OBJECT) {
            throw new IllegalArgumentException(value.origin().description() + ": " + ROOT + "." + block
                    + " must be an object of per-" + block + " overrides");
        }
        for (Map.Entry<String, ConfigValue> entry : ((ConfigObject) value).entrySet()) {
            String id = entry.getKey();
            String at = ROOT + "." + block + "." + quoted(id);
            if (entry.getValue().valueType() != ConfigValueType.OBJECT) {
                throw new IllegalArgumentException(entry.getValue().origin().description() + ": " + at
                        + " must be an object of limits");
            }
            Config one = ((ConfigObject) entry.getValue()).toConfig();
            long[] values = unset();
            for (String key : one.root().keySet()) {
                Limit limit = Limit.ofKey(key);
                if (limit == null) {
                    throw new IllegalArgumentException(origin(one, key) + ": unknown key " + at + "." + key);
                }
                if ((limit.scopes & scope) == 0) {
                    throw new IllegalArgumentException(origin(one, key) + ": " + at + "." + key
                            + " does not apply to " + block + " (" + scopesOf(limit) + ")");
                }
                values[limit.ordinal()] = limit.read(one, quoted(key), at + "." + key);
            }
            byId.put(id, values);
        }
        return byId;
    }

    static long[] unset() {
        long[] values = new long[Limit.COUNT];
        Arrays.fill(values, Limit.UNSET);
        return values;
    }

    static String scopesOf(Limit limit) {
        if (limit.scopes == 0) {
            return "only a default at " + ROOT + "." + limit.key;
        }
        StringBuilder b = new StringBuilder("may be set in");
        if ((limit.scopes & Limit.STRATEGY) != 0) {
            b.append(' ').append(STRATEGIES);
        }
        if ((limit.scopes & Limit.ACCOUNT) != 0) {
            b.append(' ').append(ACCOUNTS);
        }
        if ((limit.scopes & Limit.INSTRUMENT) != 0) {
            b.append(' ').append(INSTRUMENTS);
        }
        return b.toString();
    }

    static String quoted(String id) {
        return id.matches("[A-Za-z0-9_-]+") ? id : "\"" + id + "\"";
    }

    static String origin(Config config, String path) {
        try {
            return config.getValue(path).origin().description();
        } catch (ConfigException e) {
            return "config";
        }
    }

    /** A default value, encoded (see {@link Limit}). */
    long defaultValue(Limit limit) {
        return defaults[limit.ordinal()];
    }

    long[] defaults() {
        return defaults.clone();
    }

    Map<String, long[]> strategies() {
        return Collections.unmodifiableMap(strategies);
    }

    Map<String, long[]> accounts() {
        return Collections.unmodifiableMap(accounts);
    }

    Map<String, long[]> instruments() {
        return Collections.unmodifiableMap(instruments);
    }

    /** Strategy ids, account ids and instrument keys that have override blocks. */
    public String describeOverrides() {
        return "strategies " + strategies.keySet() + ", accounts " + accounts.keySet() + ", instruments "
                + instruments.keySet();
    }
}
