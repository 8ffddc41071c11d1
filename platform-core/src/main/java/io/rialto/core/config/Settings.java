package io.rialto.core.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Typed reads that name the key and its origin when a value is missing, of the wrong type or out of
 * range. Every {@code XxxSettings.create(Config)} goes through these.
 */
public final class Settings {
    private Settings() {
    }

    public static int intIn(Config config, String path, int min, int max) {
        int value = read(() -> config.getInt(path));
        if (value < min || value > max) {
            throw outOfRange(config, path, value, "[" + min + ", " + max + "]");
        }
        return value;
    }

    public static long longIn(Config config, String path, long min, long max) {
        long value = read(() -> config.getLong(path));
        if (value < min || value > max) {
            throw outOfRange(config, path, value, "[" + min + ", " + max + "]");
        }
        return value;
    }

    public static double doubleIn(Config config, String path, double min, double max) {
        double value = read(() -> config.getDouble(path));
        if (!(value >= min && value <= max)) {
            throw outOfRange(config, path, value, "[" + min + ", " + max + "]");
        }
        return value;
    }

    public static Duration positiveDuration(Config config, String path) {
        Duration value = read(() -> config.getDuration(path));
        if (value.isNegative() || value.isZero()) {
            throw outOfRange(config, path, value, "a positive duration");
        }
        return value;
    }

    public static boolean bool(Config config, String path) {
        return read(() -> config.getBoolean(path));
    }

    public static String string(Config config, String path) {
        return read(() -> config.getString(path));
    }

    public static List<String> strings(Config config, String path) {
        return read(() -> config.getStringList(path));
    }

    public static <T> T read(Supplier<T> read) {
        try {
            return read.get();
        } catch (ConfigException e) {
            throw new ConfigError(e.getMessage(), e);
        }
    }

    public static ConfigError outOfRange(Config config, String path, Object value, String range) {
        return new ConfigError(where(config, path) + ": " + path + " = " + value + " is out of range: expected "
                + range);
    }

    /** The origin (file and line, or option) of a key's value. */
    public static String where(Config config, String path) {
        try {
            return config.getValue(path).origin().description();
        } catch (ConfigException e) {
            return "config";
        }
    }
}
