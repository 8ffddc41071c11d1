package io.rialto.core.kernel;

import io.rialto.core.config.ConfigError;
import io.rialto.core.config.RialtoSettings;
import io.rialto.core.config.RialtoSettings.StrategyDeclaration;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.plugin.PluginLoader;
import io.rialto.core.spi.Strategy;
import io.rialto.core.spi.StrategyFactory;
import io.rialto.core.spi.StrategyParams;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The strategy kinds the platform can run: the built-in ones on its class path and those of the plug-in
 * JARs, each kind with where it came from; and the resolution of declarations into validated
 * {@link StrategySpec}s. Not thread-safe: its owner ({@link StrategyDirector}) serializes access.
 */
public final class StrategyCatalog {
    /** Where a kind comes from: {@code null} plug-in for a built-in kind. */
    public record Kind(StrategyFactory factory, PluginLoader.Plugin plugin) {
        public String source() {
            return plugin == null ? "built-in" : "plugin " + plugin.name();
        }
    }

    private final Map<String, Kind> kindsByName = new TreeMap<>();
    private final List<PluginLoader.PluginError> pluginErrors = new ArrayList<>();

    /** The built-in kinds on {@code loader}'s class path, and the plug-ins in {@code pluginsDir}. */
    public static StrategyCatalog discover(ClassLoader loader, Path pluginsDir) {
        StrategyCatalog catalog = new StrategyCatalog(ServiceLoader.load(StrategyFactory.class, loader));
        PluginLoader.Scan scan = new PluginLoader(loader).scan(pluginsDir);
        catalog.pluginErrors.addAll(scan.errors());
        for (PluginLoader.Plugin plugin : scan.plugins()) {
            String clash = catalog.add(plugin);
            if (clash != null) {
                catalog.pluginErrors.add(new PluginLoader.PluginError(plugin.jar(), clash));
            }
        }
        return catalog;
    }

    /** A catalog of the given built-in kinds (embedding, tests). */
    public StrategyCatalog(Iterable<StrategyFactory> builtIns) {
        for (StrategyFactory factory : builtIns) {
            Kind previous = kindsByName.putIfAbsent(factory.name(), new Kind(factory, null));
            if (previous != null && previous.factory().getClass() != factory.getClass()) {
                throw new ConfigError("two strategy kinds are named '" + factory.name() + "': "
                        + previous.factory().getClass().getName() + " and " + factory.getClass().getName());
            }
        }
    }

    /** Adds a plug-in's kinds; returns why not (a name clash with another source), adding nothing, or null. */
    String add(PluginLoader.Plugin plugin) {
        for (StrategyFactory factory : plugin.factories()) {
            Kind existing = kindsByName.get(factory.name());
            if (existing != null && existing.plugin() != plugin) {
                return "kind '" + factory.name() + "' is already provided by " + existing.source();
            }
        }
        plugin.factories().forEach(f -> kindsByName.put(f.name(), new Kind(f, plugin)));
        return null;
    }

    /** Removes every kind of the plug-in (a new version replaces it). */
    void remove(PluginLoader.Plugin plugin) {
        kindsByName.values().removeIf(kind -> kind.plugin() == plugin);
    }

    /** The loaded plug-in of that JAR file name, or null. */
    PluginLoader.Plugin plugin(String jarName) {
        return kindsByName.values().stream().map(Kind::plugin)
                .filter(p -> p != null && p.name().equals(jarName)).findFirst().orElse(null);
    }

    public Map<String, Kind> kinds() {
        return kindsByName;
    }

    public Map<String, StrategyFactory> factories() {
        Map<String, StrategyFactory> out = new LinkedHashMap<>();
        kindsByName.forEach((name, kind) -> out.put(name, kind.factory()));
        return out;
    }

    public List<PluginLoader.PluginError> pluginErrors() {
        return pluginErrors;
    }

    /**
     * The strategies to run at start: the declared ones, or, when none is declared, {@code instances.count}
     * instances cycling through {@code instances.kinds}, spread round-robin over symbols and accounts.
     */
    public List<StrategySpec> resolve(RialtoSettings settings, InstrumentRegistry registry) {
        List<StrategySpec> specs = new ArrayList<>();
        if (!settings.strategies().isEmpty()) {
            for (StrategyDeclaration d : settings.strategies()) {
                specs.add(spec(specs.size(), d, registry));
            }
            return specs;
        }
        int symbols = registry.symbols().size();
        List<String> kinds = settings.instanceKinds();
        if (symbols == 0 || settings.instanceCount() == 0) {
            return specs;
        }
        if (kinds.isEmpty()) {
            throw new ConfigError("rialto.instances.kinds is empty");
        }
        int width = String.valueOf(Math.max(1, settings.instanceCount() - 1)).length();
        for (int i = 0; i < settings.instanceCount(); i++) {
            String kind = kinds.get(i % kinds.size());
            String id = kind + "-" + String.format("%0" + width + "d", i);
            StrategyDeclaration d = new StrategyDeclaration(id, kind, List.of(registry.symbols().get(i % symbols)),
                    settings.accounts().get(i % settings.accounts().size()), Map.of(), "rialto.instances.kinds");
            specs.add(spec(i, d, registry));
        }
        return specs;
    }

    /**
     * A kind named by class: a {@link StrategyFactory}, or a {@link Strategy} (no parameters), with a public
     * no-argument constructor, on the platform's class path or in a loaded plug-in.
     */
    private Kind byClassName(String className, String where) {
        List<PluginLoader.Plugin> plugins = kindsByName.values().stream().map(Kind::plugin)
                .filter(java.util.Objects::nonNull).distinct().toList();
        List<ClassLoader> loaders = new ArrayList<>();
        loaders.add(StrategyCatalog.class.getClassLoader());
        plugins.forEach(p -> loaders.add(p.loader()));
        for (int i = 0; i < loaders.size(); i++) {
            Class<?> type;
            try {
                type = Class.forName(className, false, loaders.get(i));
            } catch (ClassNotFoundException e) {
                continue;
            }
            PluginLoader.Plugin plugin = i == 0 ? null : plugins.get(i - 1);
            try {
                if (StrategyFactory.class.isAssignableFrom(type)) {
                    return new Kind((StrategyFactory) type.getConstructor().newInstance(), plugin);
                }
                if (Strategy.class.isAssignableFrom(type)) {
                    return new Kind(new ClassFactory(type.asSubclass(Strategy.class)), plugin);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new ConfigError(where + ": cannot make " + className + ": " + e, e);
            }
            throw new ConfigError(where + ": " + className + " is neither a StrategyFactory nor a Strategy");
        }
        return null;
    }

    /** The kind of a Strategy class named in a declaration: no parameters, a new instance each time. */
    private record ClassFactory(Class<? extends Strategy> type) implements StrategyFactory {
        ClassFactory {
            try {
                type.getConstructor();
            } catch (NoSuchMethodException e) {
                throw new ConfigError(type.getName() + " has no public no-argument constructor", e);
            }
        }

        @Override
        public String name() {
            return type.getName();
        }

        @Override
        public String description() {
            return "strategy class " + type.getName();
        }

        @Override
        public List<io.rialto.core.spi.ParamSpec> params() {
            return List.of();
        }

        @Override
        public Strategy create(StrategyParams params) {
            try {
                return type.getConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot make " + type.getName(), e);
            }
        }
    }

    /** Validates one declaration into a spec with the given dense index. */
    public StrategySpec spec(int index, StrategyDeclaration d, InstrumentRegistry registry) {
        String where = d.origin() + ": strategy " + d.id();
        Kind kind = kindsByName.get(d.kind());
        if (kind == null && d.kind().contains(".")) {
            kind = byClassName(d.kind(), where);
        }
        if (kind == null) {
            throw new ConfigError(where + ": unknown strategy kind '" + d.kind() + "' (known: "
                    + String.join(", ", kindsByName.keySet()) + "; or a StrategyFactory or Strategy class name)");
        }
        List<Integer> symbols = new ArrayList<>();
        for (String symbol : d.symbols()) {
            int s = registry.symbolIndex(symbol);
            if (s < 0) {
                throw new ConfigError(where + ": unknown symbol " + symbol + " (no venue lists it)");
            }
            symbols.add(s);
        }
        if (symbols.isEmpty()) {
            throw new ConfigError(where + ": symbols is empty");
        }
        StrategyParams params;
        try {
            params = StrategyParams.of(kind.factory().params(), d.params());
            kind.factory().validate(params);
        } catch (IllegalArgumentException e) {
            throw new ConfigError(where + ": " + e.getMessage(), e);
        }
        return new StrategySpec(index, d.id(), d.kind(), d.account(), kind.factory(), params, List.copyOf(symbols), d);
    }
}
