package io.rialto.venues.replay;

import io.rialto.core.domain.CancelOrder;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.MarketData;
import io.rialto.core.domain.ModifyOrder;
import io.rialto.core.domain.NewOrder;
import io.rialto.core.spi.FiniteVenue;
import io.rialto.core.spi.VenueAdapter;
import io.rialto.core.spi.VenueContext;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.stream.CompletionStrategy;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.typed.javadsl.ActorSource;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * A {@link VenueAdapter} onto one venue of a replay ({@link ReplayRun}): its market data is the replayed data
 * of that venue; its orders are filled by the replay's {@link ReplayMarket} model. Ends by itself when the data
 * does ({@link FiniteVenue}).
 */
public final class ReplayVenue implements VenueAdapter, FiniteVenue {
    private final ReplayRun run;
    private final String name;
    private final List<InstrumentRegistry.Listing> listings;
    private volatile int venueIndex = -1;

    ReplayVenue(ReplayRun run, String name) {
        this.run = run;
        this.name = name;
        this.listings = run.source().listings().stream().filter(l -> l.venue().equals(name)).toList();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<InstrumentRegistry.Listing> listings() {
        return listings;
    }

    @Override
    public void connect(VenueContext ctx) {
        venueIndex = ctx.venueIndex();
        run.connect(ctx);
    }

    @Override
    public Source<MarketData, NotUsed> marketData() {
        ActorRef<ReplayExchange.Command> exchange = run.exchange();
        int v = venueIndex;
        Source<Object, ActorRef<Object>> source = ActorSource.actorRefWithBackpressure(exchange,
                new ReplayExchange.FeedAck(v),
                msg -> msg == ReplayExchange.FeedEnd.INSTANCE ? Optional.of(CompletionStrategy.draining())
                        : Optional.empty(),
                msg -> Optional.empty());
        return source
                .mapMaterializedValue(feed -> {
                    exchange.tell(new ReplayExchange.AttachFeed(v, feed));
                    return NotUsed.getInstance();
                })
                .map(MarketData.class::cast);
    }

    @Override
    public void submit(NewOrder order) {
        run.exchange().tell(new ReplayExchange.Submit(venueIndex, order));
    }

    @Override
    public void cancel(CancelOrder cancel) {
        run.exchange().tell(new ReplayExchange.Cancel(venueIndex, cancel));
    }

    @Override
    public void modify(ModifyOrder modify) {
        run.exchange().tell(new ReplayExchange.Modify(venueIndex, modify));
    }

    @Override
    public void requestSnapshot(int instrumentId) {
        run.exchange().tell(new ReplayExchange.RequestSnapshot(instrumentId));
    }

    @Override
    public void stopMarketData() {
        run.exchange().tell(ReplayExchange.StopFeed.INSTANCE);
    }

    @Override
    public void disconnect() {
        // the replay lives as long as the actor system; its files are closed when its data ends
    }

    @Override
    public LongSupplier dataClock() {
        return run.dataClock();
    }

    @Override
    public CompletionStage<Void> ended() {
        return run.ended();
    }

    @Override
    public long badRows() {
        return run.badRows().count();
    }

    @Override
    public boolean stoppedOnBadRow() {
        return run.badRows().stopped();
    }
}
