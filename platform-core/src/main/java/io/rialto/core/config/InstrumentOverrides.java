package io.rialto.core.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigObject;
import io.rialto.core.domain.InstrumentRegistry.Listing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Instrument reference data from configuration: {@code rialto.instruments} overrides what the venues list,
 * per instrument ({@code "SIM1:SYM0003" { ... }}) or per symbol on every venue ({@code SYM0003 { ... }}), with
 * the keys {@code tick-size}, {@code lot-size}, {@code min-qty}, {@code max-qty}. An instrument-level entry wins
 * over a symbol-level one. An entry that matches no listing, an unknown key or a bad value is an error naming it.
 */
public final class InstrumentOverrides {
    private static final Set<String> KEYS = Set.of("tick-size", "lot-size", "min-qty", "max-qty");

    private InstrumentOverrides() {
    }

    public static List<Listing> apply(Config config, List<Listing> listings) {
        if (!config.hasPath("rialto.instruments")) {
            return listings;
        }
        ConfigObject root = Settings.read(() -> config.getObject("rialto.instruments"));
        for (String key : root.keySet()) {
            boolean matches = listings.stream().anyMatch(l -> key.equals(l.venue() + ":" + l.symbol())
                    || key.equals(l.symbol()));
            if (!matches) {
                throw new ConfigError(root.get(key).origin().description() + ": rialto.instruments.\"" + key
                        + "\" matches no instrument any venue lists (use SYMBOL or VENUE:SYMBOL)");
            }
        }
        List<Listing> out = new ArrayList<>(listings.size());
        for (Listing l : listings) {
            Listing result = l;
            for (String key : List.of(l.symbol(), l.venue() + ":" + l.symbol())) { // instrument level applied last
                if (root.containsKey(key)) {
                    result = override(result, config.getConfig("rialto.instruments").getConfig("\"" + key + "\""),
                            "rialto.instruments.\"" + key + "\"");
                }
            }
            out.add(result);
        }
        return out;
    }

    private static Listing override(Listing l, Config c, String where) {
        for (Map.Entry<String, ?> e : c.root().entrySet()) {
            if (!KEYS.contains(e.getKey())) {
                throw new ConfigError(c.origin().description() + ": unknown key " + where + "." + e.getKey()
                        + " (expected tick-size, lot-size, min-qty, max-qty)");
            }
        }
        try {
            BigDecimal tick = c.hasPath("tick-size") ? positive(c, "tick-size", where) : l.tickSize();
            BigDecimal lot = c.hasPath("lot-size") ? positive(c, "lot-size", where) : l.lotSize();
            long min = c.hasPath("min-qty") ? c.getLong("min-qty") : l.minQtyLots();
            long max = c.hasPath("max-qty") ? c.getLong("max-qty") : l.maxQtyLots();
            if (min < 1 || max < min) {
                throw new ConfigError(c.origin().description() + ": " + where + ": need 1 <= min-qty <= max-qty, got "
                        + min + " and " + max);
            }
            return new Listing(l.venue(), l.symbol(), tick, lot, min, max);
        } catch (ConfigException e) {
            throw new ConfigError(e.getMessage(), e);
        }
    }

    private static BigDecimal positive(Config c, String key, String where) {
        String raw = c.getValue(key).unwrapped().toString();
        try {
            BigDecimal value = new BigDecimal(raw);
            if (value.signum() > 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the key
        }
        throw new ConfigError(c.getValue(key).origin().description() + ": " + where + "." + key
                + " must be a positive decimal, got " + raw);
    }
}
