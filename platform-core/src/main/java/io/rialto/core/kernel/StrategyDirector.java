package io.rialto.core.kernel;

import io.rialto.core.config.ConfigError;
import io.rialto.core.config.RialtoSettings;
import io.rialto.core.config.RialtoSettings.StrategyDeclaration;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.metrics.PlatformMetrics;
import io.rialto.core.plugin.PluginLoader;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The platform's strategy instances: starts them, stops them (their open orders cancelled) and
 * redeploys plug-ins at run time. Called from any thread but never from an actor: the methods block
 * until the strategies involved have started or stopped, and are serialized by the director's lock.
 */
public final class StrategyDirector {
    private static final Logger LOG = LoggerFactory.getLogger(StrategyDirector.class);

    private record Running(StrategySpec spec, ActorRef<StrategyHost.Command> ref) {
    }

    /** What a plug-in deployment did. */
    public record DeployResult(String plugin, List<String> kinds, List<String> stopped, List<String> started,
                               List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final ActorSystem<Void> system;
    private final InstrumentRegistry registry;
    private final ActorRef<RiskGate.Command> riskGate;
    private final BookDirectory books;
    private final PlatformMetrics metrics;
    private final RialtoSettings settings;
    private final StrategyCatalog catalog;
    private final Path pluginsDir;
    private final Props props;
    private final StrategyWatchdog watchdog;
    private final Map<String, Running> running = new LinkedHashMap<>();
    /** What strategies' {@code nanoTime()} reads (see {@link io.rialto.core.spi.VenueAdapter#dataClock}). */
    private final LongSupplier strategyClock;
    private final List<StrategyHost.Stats> retired = new ArrayList<>();
    private int nextIndex;
    private int started;

    StrategyDirector(ActorSystem<Void> system, InstrumentRegistry registry, ActorRef<RiskGate.Command> riskGate,
                     BookDirectory books, PlatformMetrics metrics, RialtoSettings settings,
                     StrategyCatalog catalog, Path pluginsDir, LongSupplier strategyClock) {
        this.system = system;
        this.strategyClock = strategyClock;
        this.registry = registry;
        this.riskGate = riskGate;
        this.books = books;
        this.metrics = metrics;
        this.settings = settings;
        this.catalog = catalog;
        this.pluginsDir = pluginsDir;
        this.watchdog = new StrategyWatchdog(settings.watchdog(), metrics);
        this.props = DispatcherSelector.fromConfig("rialto.dispatchers.strategies")
                .withMailboxFromConfig("rialto.mailboxes.strategy");
    }

    /** Starts the strategies resolved at start-up. */
    synchronized void startAll(List<StrategySpec> specs) {
        specs.forEach(this::spawn);
        nextIndex = specs.stream().mapToInt(StrategySpec::index).max().orElse(-1) + 1;
    }

    private void spawn(StrategySpec spec) {
        ActorRef<StrategyHost.Command> ref = system.systemActorOf(StrategyHost.create(spec, registry, riskGate,
                books, metrics, System::nanoTime, strategyClock, settings.supervision(), watchdog),
                "strategy-" + spec.id() + "-" + spec.index(), props);
        running.put(spec.id(), new Running(spec, ref));
        started++;
    }

    /** Starts a strategy now. Throws {@link ConfigError} for a duplicate id, unknown kind or bad parameter. */
    public synchronized void start(StrategyDeclaration declaration) {
        if (running.containsKey(declaration.id())) {
            throw new ConfigError("strategy " + declaration.id() + " is already running");
        }
        spawn(catalog.spec(nextIndex++, declaration, registry));
        LOG.info("strategy {} ({}) started", declaration.id(), declaration.kind());
    }

    /** Stops a strategy and cancels its open orders; returns its final counts. */
    public synchronized StrategyHost.Stats stop(String id) {
        Running r = running.remove(id);
        if (r == null) {
            throw new ConfigError("no running strategy " + id);
        }
        StrategyHost.Stats stats = stopAndWait(List.of(r)).get(0);
        LOG.info("strategy {} stopped: {} submitted, {} open orders cancelled or finished", id, stats.submitted(),
                stats.canceled());
        return stats;
    }

    private List<StrategyHost.Stats> stopAndWait(List<Running> toStop) {
        Duration timeout = settings.shutdownTimeout();
        List<CompletableFuture<StrategyHost.Stats>> stops = new ArrayList<>();
        for (Running r : toStop) {
            stops.add(AskPattern.<StrategyHost.Command, StrategyHost.Stopped>ask(r.ref(), StrategyHost.Stop::new,
                    timeout, system.scheduler()).thenApply(StrategyHost.Stopped::stats).toCompletableFuture());
        }
        try {
            CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).get(timeout.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warn("gave up waiting for {} strategies to stop after {}", toStop.size(), timeout);
        }
        List<StrategyHost.Stats> out = new ArrayList<>();
        for (int i = 0; i < toStop.size(); i++) {
            StrategyHost.Stats stats = stops.get(i).getNow(null);
            if (stats == null) { // still waiting for cancels: its orders count as open
                stats = AskPattern.<StrategyHost.Command, StrategyHost.Stats>ask(toStop.get(i).ref(),
                        StrategyHost.GetStats::new, timeout, system.scheduler()).toCompletableFuture().join();
            }
            out.add(stats);
        }
        retired.addAll(out);
        return out;
    }

    /**
     * Deploys a plug-in JAR without a restart: the strategies of the kinds it replaces stop (open orders
     * cancelled), the old version's class loader is closed and dropped, the JAR is copied into the
     * plug-in directory and loaded, and the stopped strategies start again on the new version.
     */
    public synchronized DeployResult deploy(Path jar) {
        String name = jar.getFileName().toString();
        PluginLoader loader = new PluginLoader(StrategyDirector.class.getClassLoader());
        List<String> newKinds;
        PluginLoader.Scan probe = loader.load(jar);
        try {
            if (probe.plugins().isEmpty()) {
                return new DeployResult(name, List.of(), List.of(), List.of(),
                        probe.errors().stream().map(Object::toString).toList());
            }
            newKinds = probe.plugins().get(0).factories().stream().map(f -> f.name()).toList();
        } finally {
            probe.plugins().forEach(StrategyDirector::close);
        }
        PluginLoader.Plugin old = catalog.plugin(name);
        for (String kind : newKinds) {
            StrategyCatalog.Kind existing = catalog.kinds().get(kind);
            if (existing != null && existing.plugin() != old) {
                return new DeployResult(name, newKinds, List.of(), List.of(),
                        List.of("kind '" + kind + "' is already provided by " + existing.source()));
            }
        }
        List<Running> affected = running.values().stream()
                .filter(r -> newKinds.contains(r.spec().kind()) || (old != null
                        && catalog.kinds().get(r.spec().kind()).plugin() == old)).toList();
        affected.forEach(r -> running.remove(r.spec().id()));
        List<StrategyHost.Stats> stopped = stopAndWait(affected);
        if (old != null) {
            catalog.remove(old);
            close(old);
        }
        Path target = pluginsDir.resolve(name);
        try {
            Files.createDirectories(pluginsDir);
            if (!Files.exists(target) || !Files.isSameFile(jar, target)) {
                Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + jar + " into " + pluginsDir, e);
        }
        PluginLoader.Scan loaded = loader.load(target);
        List<String> problems = new ArrayList<>(loaded.errors().stream().map(Object::toString).toList());
        List<String> restarted = new ArrayList<>();
        if (!loaded.plugins().isEmpty()) {
            String clash = catalog.add(loaded.plugins().get(0));
            if (clash != null) {
                problems.add(clash);
            }
        }
        for (Running r : affected) {
            try {
                start(r.spec().declaration());
                restarted.add(r.spec().id());
            } catch (ConfigError e) {
                problems.add("strategy " + r.spec().id() + " not restarted: " + e.getMessage());
            }
        }
        LOG.warn("plug-in {} deployed: kinds {}; stopped {}; restarted {}{}", name, newKinds,
                stopped.stream().map(StrategyHost.Stats::strategyId).toList(), restarted,
                problems.isEmpty() ? "" : "; problems: " + problems);
        return new DeployResult(name, newKinds, stopped.stream().map(StrategyHost.Stats::strategyId).toList(),
                restarted, problems);
    }

    private static void close(PluginLoader.Plugin plugin) {
        try {
            plugin.close();
        } catch (IOException e) {
            LOG.warn("closing plug-in {} failed", plugin.name(), e);
        }
    }

    /** Stops every strategy (shutdown); returns the counts of all strategies that ever ran. */
    synchronized List<StrategyHost.Stats> stopAll() {
        List<Running> all = new ArrayList<>(running.values());
        running.clear();
        stopAndWait(all);
        watchdog.close();
        return List.copyOf(retired);
    }

    /** Strategies stuck in a callback now (see {@link StrategyWatchdog}). */
    public int stuckStrategies() {
        return watchdog.stuck();
    }

    /** Counts of the running strategies, now. */
    synchronized List<CompletableFuture<StrategyHost.Stats>> statsNow() {
        return running.values().stream().map(r -> AskPattern.<StrategyHost.Command, StrategyHost.Stats>ask(r.ref(),
                StrategyHost.GetStats::new, settings.shutdownTimeout(), system.scheduler()).toCompletableFuture())
                .toList();
    }

    /** The live orders of every running strategy, now. */
    public CompletableFuture<List<OpenOrder>> openOrders() {
        List<CompletableFuture<StrategyHost.OpenOrders>> all;
        synchronized (this) {
            all = running.values().stream().map(r -> AskPattern.<StrategyHost.Command, StrategyHost.OpenOrders>ask(
                    r.ref(), StrategyHost.GetOpenOrders::new, settings.shutdownTimeout(), system.scheduler())
                    .toCompletableFuture()).toList();
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(ignored ->
                all.stream().flatMap(f -> f.join().orders().stream()).toList());
    }

    public synchronized List<String> runningIds() {
        return List.copyOf(running.keySet());
    }

    public synchronized int started() {
        return started;
    }

    public StrategyCatalog catalog() {
        return catalog;
    }
}
