package io.rialto.core.spi;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A strategy's parameter values, validated against its {@link ParamSpec}s: every declared parameter
 * has a value of its type within its range, and nothing undeclared is present.
 */
public final class StrategyParams {
    private final Map<String, Object> values;

    private StrategyParams(Map<String, Object> values) {
        this.values = Map.copyOf(values);
    }

    /**
     * Validates configured values (as HOCON unwraps them: Number, Boolean, String) against the specs,
     * filling defaults. Throws {@link IllegalArgumentException} naming the first bad parameter.
     */
    public static StrategyParams of(List<ParamSpec> specs, Map<String, Object> configured) {
        Map<String, ParamSpec> byName = new HashMap<>();
        for (ParamSpec spec : specs) {
            byName.put(spec.name(), spec);
        }
        for (String key : configured.keySet()) {
            if (!byName.containsKey(key)) {
                throw new IllegalArgumentException("unknown parameter '" + key + "' (known: "
                        + String.join(", ", byName.keySet().stream().sorted().toList()) + ")");
            }
        }
        Map<String, Object> values = new HashMap<>();
        for (ParamSpec spec : specs) {
            Object raw = configured.getOrDefault(spec.name(), spec.defaultValue());
            values.put(spec.name(), convert(spec, raw));
        }
        return new StrategyParams(values);
    }

    private static Object convert(ParamSpec spec, Object raw) {
        String where = "parameter '" + spec.name() + "'";
        switch (spec.type()) {
            case LONG -> {
                if (!(raw instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                    throw new IllegalArgumentException(where + " must be a whole number, got " + raw);
                }
                long v = n.longValue();
                if (v < spec.min() || v > spec.max()) {
                    throw new IllegalArgumentException(where + " must be in [" + (long) spec.min() + ", "
                            + (long) spec.max() + "], got " + v);
                }
                return v;
            }
            case DOUBLE -> {
                if (!(raw instanceof Number n)) {
                    throw new IllegalArgumentException(where + " must be a number, got " + raw);
                }
                double v = n.doubleValue();
                if (!(v >= spec.min() && v <= spec.max())) {
                    throw new IllegalArgumentException(where + " must be in [" + spec.min() + ", " + spec.max()
                            + "], got " + v);
                }
                return v;
            }
            case BOOLEAN -> {
                if (!(raw instanceof Boolean)) {
                    throw new IllegalArgumentException(where + " must be true or false, got " + raw);
                }
                return raw;
            }
            default -> {
                if (raw == null) {
                    throw new IllegalArgumentException(where + " must be a string");
                }
                return raw.toString();
            }
        }
    }

    public long getLong(String name) {
        return (Long) require(name);
    }

    public double getDouble(String name) {
        return (Double) require(name);
    }

    public boolean getBoolean(String name) {
        return (Boolean) require(name);
    }

    public String getString(String name) {
        return (String) require(name);
    }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("undeclared parameter '" + name + "'");
        }
        return v;
    }

    @Override
    public String toString() {
        return new java.util.TreeMap<>(values).toString();
    }
}
