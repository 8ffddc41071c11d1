package io.rialto.venues.sim;

import io.rialto.core.domain.CancelOrder;
import io.rialto.core.domain.Instrument;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.MarketData;
import io.rialto.core.domain.ModifyOrder;
import io.rialto.core.domain.NewOrder;
import io.rialto.core.spi.VenueAdapter;
import io.rialto.core.spi.VenueContext;
import io.rialto.core.spi.VenueOrder;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.stream.CompletionStrategy;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.typed.javadsl.ActorSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A {@link VenueAdapter} onto a simulated exchange running in this JVM ({@link SimExchange}).
 * Listed symbols, prices, fees and injected faults come from {@link SimSettings}. Answers the order queries
 * from the exchange's order history; reconnects when the exchange accepts it again; cancels on disconnect
 * when its faults say so.
 */
public final class SimulatedVenue implements VenueAdapter {
    /** How long a query or a reconnect waits for the exchange (the session's own call timeout is shorter). */
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(10);

    private final SimSettings settings;
    private final SimFaults faults;
    private final int venue;
    private final double eventsPerSecond;
    private final List<InstrumentRegistry.Listing> listings = new ArrayList<>();
    private ActorRef<SimExchange.Command> exchange;
    private Scheduler scheduler;

    /**
     * @param venue            index of this simulated venue among the simulated ones
     * @param eventsPerSecond  this venue's share of the market-data rate
     */
    public SimulatedVenue(SimSettings settings, int venue, double eventsPerSecond) {
        this.settings = settings;
        this.faults = settings.faults().get(venue);
        this.venue = venue;
        this.eventsPerSecond = eventsPerSecond;
        int perSymbol = Math.min(settings.venuesPerSymbol(), settings.venues());
        for (int s = 0; s < settings.symbols(); s++) {
            for (int k = 0; k < perSymbol; k++) {
                if ((s + k) % settings.venues() == venue) {
                    listings.add(new InstrumentRegistry.Listing(name(), SimSettings.symbolName(s), settings.tickSize(),
                            settings.lotSize(), settings.minQtyLots(), settings.maxQtyLots()));
                }
            }
        }
    }

    @Override
    public String name() {
        return SimSettings.venueName(venue);
    }

    @Override
    public List<InstrumentRegistry.Listing> listings() {
        return listings;
    }

    @Override
    public void connect(VenueContext ctx) {
        List<Instrument> instruments = ctx.instruments().instruments().stream()
                .filter(i -> i.venueIndex() == ctx.venueIndex()).toList();
        scheduler = ctx.system().scheduler();
        exchange = ctx.system().systemActorOf(SimExchange.create(settings, faults, instruments,
                ctx.instruments().size(), ctx.venueIndex(), eventsPerSecond, ctx.executions(), ctx.connectionLost()),
                "sim-exchange-" + name(), Props.empty());
    }

    @Override
    public Source<MarketData, NotUsed> marketData() {
        ActorRef<SimExchange.Command> target = requireConnected();
        Source<Object, ActorRef<Object>> source = ActorSource.actorRefWithBackpressure(target,
                SimExchange.FeedAck.INSTANCE,
                msg -> msg == SimExchange.FeedEnd.INSTANCE ? Optional.of(CompletionStrategy.draining())
                        : Optional.empty(),
                msg -> Optional.empty());
        return source
                .mapMaterializedValue(feed -> {
                    target.tell(new SimExchange.AttachFeed(feed));
                    return NotUsed.getInstance();
                })
                .map(MarketData.class::cast);
    }

    @Override
    public void submit(NewOrder order) {
        requireConnected().tell(new SimExchange.Submit(order));
    }

    @Override
    public void cancel(CancelOrder cancel) {
        requireConnected().tell(new SimExchange.Cancel(cancel));
    }

    @Override
    public void modify(ModifyOrder modify) {
        requireConnected().tell(new SimExchange.Modify(modify));
    }

    @Override
    public void requestSnapshot(int instrumentId) {
        requireConnected().tell(new SimExchange.RequestSnapshot(instrumentId));
    }

    @Override
    public void stopMarketData() {
        requireConnected().tell(SimExchange.StopFeed.INSTANCE);
    }

    @Override
    public void disconnect() {
        // the exchange lives as long as the actor system; nothing is held open towards it
    }

    @Override
    public CompletionStage<Done> reconnect() {
        return AskPattern.askWithStatus(requireConnected(), SimExchange.Reconnect::new, ASK_TIMEOUT, scheduler);
    }

    @Override
    public boolean cancelsOnDisconnect() {
        return faults.cancelOnDisconnect();
    }

    @Override
    public boolean supportsOrderQueries() {
        return true;
    }

    @Override
    public CompletionStage<List<VenueOrder>> openOrders() {
        return AskPattern.askWithStatus(requireConnected(), SimExchange.QueryOpen::new, ASK_TIMEOUT, scheduler);
    }

    @Override
    public CompletionStage<List<VenueOrder>> orderStatus(long[] clOrdIds) {
        long[] ids = clOrdIds.clone();
        return AskPattern.askWithStatus(requireConnected(), replyTo -> new SimExchange.QueryStatus(ids, replyTo),
                ASK_TIMEOUT, scheduler);
    }

    /** The exchange actor (tests inspect it through {@link SimExchange.Inspect}). */
    ActorRef<SimExchange.Command> exchange() {
        return requireConnected();
    }

    private ActorRef<SimExchange.Command> requireConnected() {
        if (exchange == null) {
            throw new IllegalStateException(name() + " is not connected");
        }
        return exchange;
    }
}
