package io.rialto.core.kernel;

import io.rialto.core.domain.BookSnapshot;
import io.rialto.core.domain.CancelOrder;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.MarketData;
import io.rialto.core.domain.MdBatch;
import io.rialto.core.domain.ModifyOrder;
import io.rialto.core.domain.NewOrder;
import io.rialto.core.spi.VenueAdapter;
import io.rialto.core.spi.VenueContext;
import org.apache.pekko.NotUsed;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.javadsl.Source;

import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * A market-data-only venue for kernel tests: its snapshots, then {@code tick(seq)} for seq = 2, 3, ... as fast as the
 * platform takes them, until the feed is stopped. It takes no orders (its strategies do not trade).
 */
final class TickingFeedVenue implements VenueAdapter {
    private final String name;
    private final List<InstrumentRegistry.Listing> listings;
    private final List<BookSnapshot> snapshots;
    private final LongFunction<MdBatch> tick;
    private volatile boolean stopped;

    TickingFeedVenue(String name, List<InstrumentRegistry.Listing> listings, List<BookSnapshot> snapshots,
                     LongFunction<MdBatch> tick) {
        this.name = name;
        this.listings = listings;
        this.snapshots = snapshots;
        this.tick = tick;
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
    }

    @Override
    public Source<MarketData, NotUsed> marketData() {
        Source<MarketData, NotUsed> updates = Source.unfold(2L, seq -> stopped ? Optional.empty()
                : Optional.of(Pair.create(seq + 1, (MarketData) tick.apply(seq))));
        return Source.<MarketData>from(List.copyOf(snapshots)).concat(updates);
    }

    @Override
    public void submit(NewOrder order) {
        throw new IllegalStateException(name + " takes no orders");
    }

    @Override
    public void cancel(CancelOrder cancel) {
        throw new IllegalStateException(name + " takes no orders");
    }

    @Override
    public void modify(ModifyOrder modify) {
        throw new IllegalStateException(name + " takes no orders");
    }

    @Override
    public void stopMarketData() {
        stopped = true;
    }

    @Override
    public void disconnect() {
    }
}
