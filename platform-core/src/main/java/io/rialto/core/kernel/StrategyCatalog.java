package io.rialto.core.kernel;

import io.rialto.core.config.ConfigError;
import io.rialto.core.config.RialtoSettings;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.spi.StrategyFactory;
import io.rialto.core.spi.StrategyParams;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The strategy kinds on the class path (found through ServiceLoader), and the resolution of the
 * configured strategies into validated {@link StrategySpec}s.
 */
public final class StrategyCatalog {
    private final Map<String, StrategyFactory> factoriesByName = new TreeMap<>();

    public StrategyCatalog(ClassLoader loader) {
        this(ServiceLoader.load(StrategyFactory.class, loader));
    }

    /** A catalog of the given kinds (embedding, tests). */
    public StrategyCatalog(Iterable<StrategyFactory> factories) {
        for (StrategyFactory factory : factories) {
            StrategyFactory previous = factoriesByName.putIfAbsent(factory.name(), factory);
            if (previous != null && previous.getClass() != factory.getClass()) {
                throw new ConfigError("two strategy kinds are named '" + factory.name() + "': "
                        + previous.getClass().getName() + " and " + factory.getClass().getName());
            }
        }
    }

    public Map<String, StrategyFactory> factories() {
        return factoriesByName;
    }

    /**
     * The strategies to run: the declared ones, or, when none is declared, {@code instances.count}
     * instances cycling through {@code instances.kinds}, spread round-robin over symbols and accounts.
     */
    public List<StrategySpec> resolve(RialtoSettings settings, InstrumentRegistry registry) {
        List<StrategySpec> specs = new ArrayList<>();
        if (!settings.strategies().isEmpty()) {
            for (RialtoSettings.StrategyDeclaration d : settings.strategies()) {
                String where = d.origin() + ": strategy " + d.id();
                StrategyFactory factory = factory(d.kind(), where);
                List<Integer> symbols = new ArrayList<>();
                for (String symbol : d.symbols()) {
                    int index = registry.symbolIndex(symbol);
                    if (index < 0) {
                        throw new ConfigError(where + ": unknown symbol " + symbol + " (no venue lists it)");
                    }
                    symbols.add(index);
                }
                if (symbols.isEmpty()) {
                    throw new ConfigError(where + ": symbols is empty");
                }
                specs.add(new StrategySpec(specs.size(), d.id(), d.kind(), d.account(), factory,
                        params(factory, d.params(), where), List.copyOf(symbols)));
            }
            return specs;
        }
        int symbols = registry.symbols().size();
        if (symbols == 0) {
            return specs;
        }
        List<String> kinds = settings.instanceKinds();
        if (kinds.isEmpty()) {
            throw new ConfigError("rialto.instances.kinds is empty");
        }
        int width = String.valueOf(Math.max(1, settings.instanceCount() - 1)).length();
        for (int i = 0; i < settings.instanceCount(); i++) {
            String kind = kinds.get(i % kinds.size());
            String where = "rialto.instances.kinds";
            StrategyFactory factory = factory(kind, where);
            String id = kind + "-" + String.format("%0" + width + "d", i);
            specs.add(new StrategySpec(i, id, kind, settings.accounts().get(i % settings.accounts().size()), factory,
                    params(factory, Map.of(), where + " (" + id + ")"), List.of(i % symbols)));
        }
        return specs;
    }

    private StrategyFactory factory(String kind, String where) {
        StrategyFactory factory = factoriesByName.get(kind);
        if (factory == null) {
            throw new ConfigError(where + ": unknown strategy kind '" + kind + "' (known: "
                    + String.join(", ", factoriesByName.keySet()) + ")");
        }
        return factory;
    }

    private static StrategyParams params(StrategyFactory factory, Map<String, Object> values, String where) {
        try {
            return StrategyParams.of(factory.params(), values);
        } catch (IllegalArgumentException e) {
            throw new ConfigError(where + ": " + e.getMessage(), e);
        }
    }
}
