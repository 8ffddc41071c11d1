package io.rialto.core.spi;

import io.rialto.core.domain.CancelOrder;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.MarketData;
import io.rialto.core.domain.ModifyOrder;
import io.rialto.core.domain.NewOrder;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Source;

import java.util.List;

/**
 * One connection to one venue: its market data and its order entry.
 *
 * <p>Threading: the platform's {@code VenueSession} actor calls {@link #connect}, the order methods and
 * {@link #disconnect} from one thread at a time. The adapter reports executions through the
 * {@link VenueContext#executions()} listener from any thread. {@link #marketData()} is materialized
 * once per connection by the platform's ingestion stream, which applies backpressure: an adapter
 * whose source is not pulled must slow its feed, never buffer without bound.
 */
public interface VenueAdapter {

    /** The venue's name, unique in the platform. */
    String name();

    /** The instruments this venue lists, before the platform assigns indexes. */
    List<InstrumentRegistry.Listing> listings();

    void connect(VenueContext ctx);

    /**
     * Incremental depth and trades in batches, and snapshots, with per-instrument sequence numbers.
     * Completes after {@link #stopMarketData()}.
     */
    Source<MarketData, NotUsed> marketData();

    void submit(NewOrder order);

    void cancel(CancelOrder cancel);

    void modify(ModifyOrder modify);

    /**
     * The platform's book of this instrument is stale (a sequence gap or a crossed book): send a snapshot
     * on the market-data source. Called from any thread; must not block.
     */
    default void requestSnapshot(int instrumentId) {
    }

    /** Ends the market-data source (it completes once what was produced has been pulled). */
    void stopMarketData();

    void disconnect();
}
