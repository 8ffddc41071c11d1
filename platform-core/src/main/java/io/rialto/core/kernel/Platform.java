package io.rialto.core.kernel;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import io.rialto.core.config.ConfigError;
import io.rialto.core.config.InstrumentOverrides;
import io.rialto.core.config.RialtoSettings;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.RiskScope;
import io.rialto.core.domain.TradingState;
import io.rialto.core.metrics.PlatformMetrics;
import io.rialto.core.spi.RiskCheck;
import io.rialto.core.spi.RiskProvider;
import io.rialto.core.spi.VenueAdapter;
import io.rialto.core.spi.VenueAdapterProvider;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * One running platform on one node: the actor system with every kernel actor, wired as ARCHITECTURE.md
 * draws it, and the ingestion streams of every venue. {@link #start} builds it from configuration;
 * {@link #shutdown} stops it gracefully and returns what every stage counted.
 */
public final class Platform {
    private static final Logger LOG = LoggerFactory.getLogger(Platform.class);

    private final RialtoSettings settings;
    private final ActorSystem<Void> system;
    private final InstrumentRegistry registry;
    private final PlatformMetrics metrics;
    private final List<VenueAdapter> adapters;
    private final BookDirectory books;
    private final ActorRef<TierDirector.Command> tierDirector;
    private final SymbolBook.ColdThrottle coldThrottle;
    private final ActorRef<RiskGate.Command> riskGate;
    private final List<ActorRef<VenueSession.Command>> venues;
    private final StrategyDirector director;
    private final ActorRef<DeadLetterRelay.Command> relay;
    private final ActorRef<FillJournal.Command> journal;
    private final List<CompletionStage<Done>> feeds = new ArrayList<>();

    private Platform(RialtoSettings settings, ActorSystem<Void> system, InstrumentRegistry registry,
                     PlatformMetrics metrics, List<VenueAdapter> adapters, BookDirectory books,
                     SymbolBook.ColdThrottle coldThrottle,
                     ActorRef<TierDirector.Command> tierDirector, ActorRef<RiskGate.Command> riskGate, List<ActorRef<VenueSession.Command>> venues,
                     StrategyDirector director,
                     ActorRef<DeadLetterRelay.Command> relay, ActorRef<FillJournal.Command> journal) {
        this.settings = settings;
        this.system = system;
        this.registry = registry;
        this.metrics = metrics;
        this.adapters = adapters;
        this.books = books;
        this.tierDirector = tierDirector;
        this.coldThrottle = coldThrottle;
        this.riskGate = riskGate;
        this.venues = venues;
        this.director = director;
        this.relay = relay;
        this.journal = journal;
    }

    /**
     * Starts the platform with the risk provider, venue adapters and strategy kinds found on the class
     * path through ServiceLoader. Throws {@link ConfigError} for a bad setting, an unknown strategy kind
     * or parameter, or when no risk provider or no venue is on the class path.
     *
     * @param fillsOut where to write every fill as CSV, or {@code null}
     */
    public static Platform start(Config config, PlatformMetrics metrics, Path fillsOut) {
        return start(config, metrics, fillsOut, venueAdapters(config));
    }

    /** Starts the platform on these venue adapters, with the risk provider and strategies of the class path. */
    public static Platform start(Config config, PlatformMetrics metrics, Path fillsOut, List<VenueAdapter> adapters) {
        ClassLoader loader = Platform.class.getClassLoader();
        RiskProvider riskProvider = riskProvider(loader);
        StrategyCatalog catalog = StrategyCatalog.discover(loader, RialtoSettings.create(config).pluginsDir());
        catalog.pluginErrors().forEach(error -> LOG.warn("plug-in not loaded: {}", error));
        return start(config, metrics, fillsOut, riskProvider, adapters, catalog);
    }

    /** The venue adapters the providers on the class path make from this configuration. */
    public static List<VenueAdapter> venueAdapters(Config config) {
        List<VenueAdapter> adapters = new ArrayList<>();
        for (VenueAdapterProvider provider : ServiceLoader.load(VenueAdapterProvider.class,
                Platform.class.getClassLoader())) {
            try {
                adapters.addAll(provider.create(config));
            } catch (IllegalArgumentException e) {
                throw new ConfigError(e.getMessage(), e);
            }
        }
        return adapters;
    }

    /** The risk provider on the class path; without one the platform refuses to trade. */
    public static RiskProvider riskProvider(ClassLoader loader) {
        return ServiceLoader.load(RiskProvider.class, loader).findFirst()
                .orElseThrow(() -> new ConfigError("no risk provider on the class path (io.rialto.core.spi"
                        + ".RiskProvider): refusing to trade without pre-trade risk"));
    }

    /** Starts the platform with explicit providers (embedding, tests). */
    public static Platform start(Config config, PlatformMetrics metrics, Path fillsOut, RiskProvider riskProvider,
                                 List<VenueAdapter> adapters, StrategyCatalog catalog) {
        config = stepMode(config);
        RialtoSettings settings = RialtoSettings.create(config);
        if (adapters.isEmpty()) {
            throw new ConfigError("no venue configured: enable rialto.sim or add a venue adapter");
        }
        List<String> venueNames = new ArrayList<>();
        List<InstrumentRegistry.Listing> listings = new ArrayList<>();
        for (VenueAdapter adapter : adapters) {
            if (venueNames.contains(adapter.name())) {
                throw new ConfigError("two venues are named " + adapter.name());
            }
            venueNames.add(adapter.name());
            listings.addAll(adapter.listings());
        }
        InstrumentRegistry registry = InstrumentRegistry.of(venueNames, InstrumentOverrides.apply(config, listings));
        Set<Integer> hot = new HashSet<>();
        for (String symbol : settings.dispatch().hotSymbols()) {
            if (registry.symbolIndex(symbol) < 0) {
                throw new ConfigError("rialto.dispatch.hot-symbols: unknown symbol " + symbol);
            }
            hot.add(registry.symbolIndex(symbol));
        }
        RiskCheck riskCheck;
        try {
            riskCheck = riskProvider.create(config, registry);
        } catch (IllegalArgumentException e) {
            throw new ConfigError(e.getMessage(), e);
        }
        List<StrategySpec> specs = catalog.resolve(settings, registry);

        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "rialto", config);
        try {
            return wire(settings, system, registry, metrics, adapters, riskCheck, catalog, specs, hot, fillsOut);
        } catch (RuntimeException e) {
            system.terminate();
            throw e;
        }
    }

    private static Platform wire(RialtoSettings settings, ActorSystem<Void> system, InstrumentRegistry registry,
                                 PlatformMetrics metrics, List<VenueAdapter> adapters, RiskCheck riskCheck,
                                 StrategyCatalog catalog, List<StrategySpec> specs, Set<Integer> hot,
                                 Path fillsOut) {
        ActorRef<RiskGate.Command> riskGate = system.systemActorOf(RiskGate.create(riskCheck, registry, metrics,
                settings.riskCheckTimeout()), "risk", DispatcherSelector.defaultDispatcher()
                .withMailboxFromConfig("rialto.mailboxes.risk"));
        BookDirectory books = new BookDirectory(registry.symbols().size());
        SymbolBook.ColdThrottle coldThrottle = SymbolBook.ColdThrottle.off(settings.dispatch().coldThrottleInterval());
        ActorRef<TierDirector.Command> tierDirector = TierDirector.spawnTiers(system, new SymbolBook.Hosting(
                registry, settings.publishLevels(), metrics, riskGate,
                id -> adapters.get(registry.get(id).venueIndex()).requestSnapshot(id), books,
                settings.dispatch().cpuAffinity(), coldThrottle), settings.dispatch(), hot);
        ActorRef<DeadLetterRelay.Command> relay = system.systemActorOf(DeadLetterRelay.create(riskGate),
                "dead-letter-relay", Props.empty());
        DeadLetterRelay.awaitSubscribed(relay, system, Duration.ofSeconds(10));
        ActorRef<FillJournal.Command> journal = fillsOut == null ? null : system.systemActorOf(
                FillJournal.create(fillsOut, registry), "fill-journal", DispatcherSelector.blocking()
                        .withMailboxFromConfig("rialto.mailboxes.journal"));
        List<ActorRef<VenueSession.Command>> venues = new ArrayList<>();
        List<FeedWatch> feedWatches = new ArrayList<>();
        for (int v = 0; v < adapters.size(); v++) {
            feedWatches.add(new FeedWatch());
            ActorRef<VenueSession.Command> session = system.systemActorOf(VenueSession.create(adapters.get(v),
                    registry, riskGate, journal, metrics, settings.venueSession(), feedWatches.get(v)),
                    "venue-" + adapters.get(v).name(),
                    DispatcherSelector.defaultDispatcher().withMailboxFromConfig("rialto.mailboxes.venue"));
            VenueSession.connect(adapters.get(v), system, registry, v, session);
            venues.add(session);
        }
        riskGate.tell(new RiskGate.AttachVenues(venues));
        StrategyDirector director = new StrategyDirector(system, registry, riskGate, books, metrics, settings, catalog,
                settings.pluginsDir(), strategyClock(system, adapters));
        director.startAll(specs);
        Platform platform = new Platform(settings, system, registry, metrics, adapters, books, coldThrottle,
                tierDirector,
                riskGate, venues,
                director, relay, journal);
        platform.startFeeds(feedWatches);
        LOG.info("started: {} venues, {} symbols, {} instruments, {} strategies", adapters.size(),
                registry.symbols().size(), registry.size(), specs.size());
        return platform;
    }

    /**
     * {@code rialto.dispatch.step = on}: every actor on the one counted thread of {@link StepExecutor}, every symbol
     * warm and staying so, strategies on the same thread, so that a stepping venue can wait for the platform to
     * finish reacting. The wall-clock deadlines on the order path (the risk gate's check timeout, the venue call
     * timeout) are lifted and the health monitor is off: on one thread a busy moment is not a fault, and none of
     * them may decide an order differently from one run to the next. Anything else stays as configured.
     * Idempotent; the command line applies it before it reads the health settings.
     */
    public static Config stepMode(Config config) {
        if (!config.getBoolean("rialto.dispatch.step")) {
            return config;
        }
        if (!config.getStringList("rialto.dispatch.hot-symbols").isEmpty()) {
            LOG.warn("step mode: rialto.dispatch.hot-symbols {} ignored, every symbol runs on the one step thread",
                    config.getStringList("rialto.dispatch.hot-symbols"));
        }
        return ConfigFactory.parseString("""
                pekko.actor.default-dispatcher.executor = "io.rialto.core.kernel.StepExecutor"
                rialto.dispatchers.strategies = "pekko.actor.default-dispatcher"
                rialto.dispatchers.warm = "pekko.actor.default-dispatcher"
                rialto.dispatch.initial-tier = warm
                rialto.dispatch.hot-symbols = []
                rialto.dispatch.director.enabled = off
                rialto.health.enabled = off
                rialto.risk-gate.check-timeout = 1h
                rialto.venue-session.circuit-breaker.call-timeout = 1h
                """, ConfigParseOptions.defaults().setOriginDescription("step mode (rialto.dispatch.step = on)"))
                .withFallback(config);
    }

    /** The strategies' clock: in step mode a venue's data clock when one has it, else the wall clock. */
    private static LongSupplier strategyClock(ActorSystem<Void> system, List<VenueAdapter> adapters) {
        if (system.settings().config().getBoolean("rialto.dispatch.step")) {
            for (VenueAdapter adapter : adapters) {
                LongSupplier data = adapter.dataClock();
                if (data != null) {
                    LOG.info("step mode: strategies read {}'s data clock", adapter.name());
                    return data;
                }
            }
        }
        return System::nanoTime;
    }

    private void startFeeds(List<FeedWatch> feedWatches) {
        for (int v = 0; v < adapters.size(); v++) {
            VenueAdapter adapter = adapters.get(v);
            IngestRouter router = new IngestRouter(registry, books, v, system, settings.ingestAckTimeout(), metrics);
            CompletionStage<Done> done = router.run(adapter.marketData().map(feedWatches.get(v)::seen),
                    settings.ingestParallelism());
            done.whenComplete((ok, failure) -> {
                if (failure != null) {
                    LOG.error("market-data feed of {} failed", adapter.name(), failure);
                }
            });
            feeds.add(done);
        }
    }

    public ActorSystem<Void> system() {
        return system;
    }

    public InstrumentRegistry registry() {
        return registry;
    }

    public PlatformMetrics metrics() {
        return metrics;
    }

    public ActorRef<RiskGate.Command> riskGate() {
        return riskGate;
    }

    /** Where each symbol's book lives now. */
    public BookDirectory books() {
        return books;
    }

    /**
     * Throttles the cold tier (health mode REDUCED and worse): strategies on cold symbols get their book at most
     * once per {@code rialto.dispatch.cold-throttle-interval}; trades and order events are never held back.
     */
    public void throttleColdTier(boolean on) {
        if (coldThrottle.on().getAndSet(on) != on) {
            LOG.warn("cold tier {}", on ? "throttled" : "no longer throttled");
            tierDirector.tell(new TierDirector.ColdThrottleChanged()); // the cold host looks at the flag now
        }
    }

    /** Symbols per tier and moves so far. */
    public CompletionStage<TierDirector.Tiers> tiers() {
        return ask(tierDirector, TierDirector.GetTiers::new, settings.shutdownTimeout());
    }

    /** Moves a symbol to another dispatch tier now (the director may move it again at its next rebalance). */
    public void moveSymbol(int symbolIndex, BookDirectory.Tier tier) {
        tierDirector.tell(new TierDirector.MoveSymbol(symbolIndex, tier));
    }

    /** Strategy instances started since the platform started (including restarts by redeploys). */
    public int strategiesStarted() {
        return director.started();
    }

    public int venueCount() {
        return adapters.size();
    }

    /**
     * Pulls the kill switch: halts the scope in risk and cancels every open order it covers on every
     * venue. {@code target} is {@code null} for {@link RiskScope#GLOBAL}. Logged with who and why.
     */
    public CompletionStage<RiskGate.KillSwitchDone> killSwitch(RiskScope scope, String target, String who,
                                                              String reason) {
        return ask(riskGate, replyTo -> new RiskGate.KillSwitch(scope, target, who, reason, replyTo),
                settings.shutdownTimeout());
    }

    /** Sets a trading state (for example ACTIVE again after a kill switch). Logged with who and why. */
    public CompletionStage<RiskGate.Outcome> setTradingState(RiskScope scope, String target, TradingState state,
                                                            String who, String reason) {
        return ask(riskGate, replyTo -> new RiskGate.SetTradingState(scope, target, state, who, reason, replyTo),
                settings.shutdownTimeout());
    }

    /** Changes a risk limit at run time ({@code path} relative to {@code rialto.risk}). Logged. */
    public CompletionStage<RiskGate.Outcome> updateRiskLimit(String path, String value, String who) {
        return ask(riskGate, replyTo -> new RiskGate.UpdateLimit(path, value, who, replyTo),
                settings.shutdownTimeout());
    }

    /** Every running strategy's counts as it sees them now. */
    public CompletionStage<List<StrategyHost.Stats>> strategyStats() {
        List<CompletableFuture<StrategyHost.Stats>> all = director.statsNow();
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> all.stream().map(CompletableFuture::join).toList());
    }

    /** Every venue session's counts as it sees them now (connection state, faults survived). */
    public CompletionStage<List<VenueSession.Stats>> venueStats() {
        List<CompletableFuture<VenueSession.Stats>> all = venues.stream()
                .map(v -> ask(v, VenueSession.GetStats::new, settings.shutdownTimeout()).toCompletableFuture())
                .toList();
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> all.stream().map(CompletableFuture::join).toList());
    }

    /** Starts, stops and redeploys strategies at run time. */
    public StrategyDirector strategies() {
        return director;
    }

    /** Everything the stages counted, collected at shutdown. */
    public record Result(List<StrategyHost.Stats> strategies, DeadLetterRelay.Stats relay, RiskGate.Stats risk,
                         List<VenueSession.Stats> venues, List<SymbolBook.Stats> books, List<BookUpdate> finalBooks,
                         Reconciliation reconciliation, long fillsWritten) {
    }

    /**
     * Graceful shutdown: the feeds stop and drain, every strategy stops and its open orders are
     * cancelled, the stages report their counts and are reconciled, then the actor system terminates.
     */
    public Result shutdown() {
        Duration timeout = settings.shutdownTimeout();
        tierDirector.tell(new TierDirector.Pause());
        adapters.forEach(VenueAdapter::stopMarketData);
        awaitAll(feeds, timeout, "market-data feeds to drain");

        List<StrategyHost.Stats> hostStats = director.stopAll();
        List<VenueSession.Stats> venueStats = new ArrayList<>();
        for (ActorRef<VenueSession.Command> venue : venues) {
            venueStats.add(join(ask(venue, VenueSession.GetStats::new, timeout)));
        }
        RiskGate.Stats riskStats = join(ask(riskGate, RiskGate.GetStats::new, timeout));
        DeadLetterRelay.Stats relayStats = join(ask(relay, DeadLetterRelay.GetStats::new, timeout));
        SymbolBook.Stats[] bookStats = new SymbolBook.Stats[books.symbols()];
        BookUpdate[] finalBooks = new BookUpdate[books.symbols()];
        reportBooks(bookStats, finalBooks, timeout);
        long fillsWritten = journal == null ? 0 : join(ask(journal, FillJournal.Flush::new, timeout));
        Reconciliation reconciliation = Reconciliation.of(hostStats, relayStats, riskStats, venueStats);
        for (Reconciliation.Check failed : reconciliation.failed()) {
            LOG.error("reconciliation failed: {}: {} != {}", failed.name(), failed.left(), failed.right());
        }
        adapters.forEach(VenueAdapter::disconnect);
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warn("actor system did not terminate within {}", timeout, e);
        }
        return new Result(hostStats, relayStats, riskStats, venueStats, List.of(bookStats), List.of(finalBooks),
                reconciliation, fillsWritten);
    }

    /**
     * Every symbol's counts and book: one report per host (the cold host owns thousands of symbols, and a
     * question per symbol would overflow its mailbox), then one by one for a symbol caught mid-move.
     */
    private void reportBooks(SymbolBook.Stats[] stats, BookUpdate[] tops, Duration timeout) {
        Map<BookDirectory.Host, List<Integer>> byHost = new LinkedHashMap<>();
        for (int s = 0; s < books.symbols(); s++) {
            byHost.computeIfAbsent(books.host(s), h -> new ArrayList<>()).add(s);
        }
        List<CompletableFuture<SymbolBook.HostReport>> asked = new ArrayList<>();
        byHost.forEach((host, symbols) -> asked.add(ask(host.ref(), (ActorRef<SymbolBook.HostReport> replyTo) ->
                new SymbolBook.Report(symbols.stream().mapToInt(Integer::intValue).toArray(), 5, replyTo), timeout)
                .toCompletableFuture()));
        for (CompletableFuture<SymbolBook.HostReport> report : asked) {
            for (int i = 0; i < report.join().stats().size(); i++) {
                SymbolBook.Stats one = report.join().stats().get(i);
                stats[one.symbolIndex()] = one;
                tops[one.symbolIndex()] = report.join().books().get(i);
            }
        }
        for (int s = 0; s < stats.length; s++) {
            if (stats[s] == null) {
                int symbol = s;
                stats[s] = join(ask(books.ref(s), (ActorRef<SymbolBook.Stats> replyTo) ->
                        new SymbolBook.GetStats(symbol, replyTo), timeout));
                tops[s] = join(ask(books.ref(s), (ActorRef<BookUpdate> replyTo) ->
                        new SymbolBook.GetTop(symbol, 5, replyTo), timeout));
            }
        }
    }

    private <Q, R> CompletionStage<R> ask(ActorRef<Q> target, Function<ActorRef<R>, Q> message, Duration timeout) {
        return AskPattern.ask(target, message::apply, timeout, system.scheduler());
    }

    private static <T> T join(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    private static void awaitAll(List<? extends CompletionStage<?>> stages, Duration timeout, String what) {
        CompletableFuture<?>[] all = stages.stream().map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(all).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warn("gave up waiting for {} after {}", what, timeout);
        }
    }
}
