package io.rialto.core.kernel;

import com.typesafe.config.Config;
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
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

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
    private final List<ActorRef<SymbolBook.Command>> books;
    private final ActorRef<RiskGate.Command> riskGate;
    private final List<ActorRef<VenueSession.Command>> venues;
    private final StrategyDirector director;
    private final ActorRef<DeadLetterRelay.Command> relay;
    private final ActorRef<FillJournal.Command> journal;
    private final List<CompletionStage<Done>> feeds = new ArrayList<>();

    private Platform(RialtoSettings settings, ActorSystem<Void> system, InstrumentRegistry registry,
                     PlatformMetrics metrics, List<VenueAdapter> adapters, List<ActorRef<SymbolBook.Command>> books,
                     ActorRef<RiskGate.Command> riskGate, List<ActorRef<VenueSession.Command>> venues,
                     StrategyDirector director,
                     ActorRef<DeadLetterRelay.Command> relay, ActorRef<FillJournal.Command> journal) {
        this.settings = settings;
        this.system = system;
        this.registry = registry;
        this.metrics = metrics;
        this.adapters = adapters;
        this.books = books;
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
        ClassLoader loader = Platform.class.getClassLoader();
        RiskProvider riskProvider = riskProvider(loader);
        List<VenueAdapter> adapters = new ArrayList<>();
        for (VenueAdapterProvider provider : ServiceLoader.load(VenueAdapterProvider.class, loader)) {
            try {
                adapters.addAll(provider.create(config));
            } catch (IllegalArgumentException e) {
                throw new ConfigError(e.getMessage(), e);
            }
        }
        StrategyCatalog catalog = StrategyCatalog.discover(loader, RialtoSettings.create(config).pluginsDir());
        catalog.pluginErrors().forEach(error -> LOG.warn("plug-in not loaded: {}", error));
        return start(config, metrics, fillsOut, riskProvider, adapters, catalog);
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
        Set<String> hot = new HashSet<>(settings.hotSymbols());
        for (String symbol : hot) {
            if (registry.symbolIndex(symbol) < 0) {
                throw new ConfigError("rialto.dispatch.hot-symbols: unknown symbol " + symbol);
            }
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
                                 StrategyCatalog catalog, List<StrategySpec> specs, Set<String> hot,
                                 Path fillsOut) {
        ActorRef<RiskGate.Command> riskGate = system.systemActorOf(RiskGate.create(riskCheck, registry, metrics,
                settings.riskCheckTimeout()), "risk", DispatcherSelector.defaultDispatcher()
                .withMailboxFromConfig("rialto.mailboxes.risk"));
        Props bookProps = DispatcherSelector.fromConfig("rialto.dispatchers.warm")
                .withMailboxFromConfig("rialto.mailboxes.book");
        Props hotProps = DispatcherSelector.fromConfig("rialto.dispatchers.hot")
                .withMailboxFromConfig("rialto.mailboxes.book");
        List<ActorRef<SymbolBook.Command>> books = new ArrayList<>();
        for (int s = 0; s < registry.symbols().size(); s++) {
            String symbol = registry.symbols().get(s);
            books.add(system.systemActorOf(SymbolBook.create(registry, s, settings.publishLevels(), metrics,
                    riskGate, id -> adapters.get(registry.get(id).venueIndex()).requestSnapshot(id)),
                    "book-" + symbol, hot.contains(symbol) ? hotProps : bookProps));
        }
        ActorRef<DeadLetterRelay.Command> relay = system.systemActorOf(DeadLetterRelay.create(riskGate),
                "dead-letter-relay", Props.empty());
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
                settings.pluginsDir());
        director.startAll(specs);
        Platform platform = new Platform(settings, system, registry, metrics, adapters, books, riskGate, venues,
                director, relay, journal);
        platform.startFeeds(feedWatches);
        LOG.info("started: {} venues, {} symbols, {} instruments, {} strategies", adapters.size(),
                registry.symbols().size(), registry.size(), specs.size());
        return platform;
    }

    private void startFeeds(List<FeedWatch> feedWatches) {
        for (int v = 0; v < adapters.size(); v++) {
            VenueAdapter adapter = adapters.get(v);
            IngestRouter router = new IngestRouter(registry, books, system, settings.ingestAckTimeout(), metrics);
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

    public List<ActorRef<SymbolBook.Command>> books() {
        return books;
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
        adapters.forEach(VenueAdapter::stopMarketData);
        awaitAll(feeds, timeout, "market-data feeds to drain");

        List<StrategyHost.Stats> hostStats = director.stopAll();
        List<VenueSession.Stats> venueStats = new ArrayList<>();
        for (ActorRef<VenueSession.Command> venue : venues) {
            venueStats.add(join(ask(venue, VenueSession.GetStats::new, timeout)));
        }
        RiskGate.Stats riskStats = join(ask(riskGate, RiskGate.GetStats::new, timeout));
        DeadLetterRelay.Stats relayStats = join(ask(relay, DeadLetterRelay.GetStats::new, timeout));
        List<SymbolBook.Stats> bookStats = new ArrayList<>();
        List<BookUpdate> finalBooks = new ArrayList<>();
        for (ActorRef<SymbolBook.Command> book : books) {
            bookStats.add(join(ask(book, SymbolBook.GetStats::new, timeout)));
            finalBooks.add(join(ask(book, replyTo -> new SymbolBook.GetTop(5, replyTo), timeout)));
        }
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
        return new Result(hostStats, relayStats, riskStats, venueStats, bookStats, finalBooks, reconciliation,
                fillsWritten);
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
