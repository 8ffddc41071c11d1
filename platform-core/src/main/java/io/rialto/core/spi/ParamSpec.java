package io.rialto.core.spi;

/**
 * One declared strategy parameter: its type, default and valid range. The platform validates every
 * configured value against these at start and names the strategy and parameter when one is wrong.
 */
public record ParamSpec(String name, Type type, Object defaultValue, double min, double max, String description) {

    public enum Type { LONG, DOUBLE, BOOLEAN, STRING }

    public static ParamSpec ofLong(String name, long defaultValue, long min, long max, String description) {
        return new ParamSpec(name, Type.LONG, defaultValue, min, max, description);
    }

    public static ParamSpec ofDouble(String name, double defaultValue, double min, double max, String description) {
        return new ParamSpec(name, Type.DOUBLE, defaultValue, min, max, description);
    }

    public static ParamSpec ofBoolean(String name, boolean defaultValue, String description) {
        return new ParamSpec(name, Type.BOOLEAN, defaultValue, 0, 0, description);
    }

    public static ParamSpec ofString(String name, String defaultValue, String description) {
        return new ParamSpec(name, Type.STRING, defaultValue, 0, 0, description);
    }
}
