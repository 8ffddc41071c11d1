package io.rialto.core.record;

import io.rialto.core.domain.CancelOrder;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.MarketData;
import io.rialto.core.domain.ModifyOrder;
import io.rialto.core.domain.NewOrder;
import io.rialto.core.spi.VenueAdapter;
import io.rialto.core.spi.VenueOrder;
import io.rialto.core.spi.VenueContext;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Source;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A venue adapter whose market data is recorded on its way into the platform; everything else goes straight
 * to the adapter it wraps. {@code RecordingVenueTest} checks that every {@link VenueAdapter} method is
 * forwarded, so a method added to the SPI cannot be skipped silently.
 */
public final class RecordingVenue implements VenueAdapter {
    private final VenueAdapter delegate;
    private final MdRecorder recorder;
    private volatile int venueIndex = -1;

    RecordingVenue(VenueAdapter delegate, MdRecorder recorder) {
        this.delegate = delegate;
        this.recorder = recorder;
    }

    /** The adapter this one records. */
    public VenueAdapter delegate() {
        return delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public List<InstrumentRegistry.Listing> listings() {
        return delegate.listings();
    }

    @Override
    public void connect(VenueContext ctx) {
        venueIndex = ctx.venueIndex();
        recorder.start(ctx.instruments());
        delegate.connect(ctx);
    }

    @Override
    public Source<MarketData, NotUsed> marketData() {
        if (venueIndex < 0) {
            throw new IllegalStateException(name() + " is not connected");
        }
        return delegate.marketData().via(recorder.tap(venueIndex));
    }

    @Override
    public void submit(NewOrder order) {
        delegate.submit(order);
    }

    @Override
    public void cancel(CancelOrder cancel) {
        delegate.cancel(cancel);
    }

    @Override
    public void modify(ModifyOrder modify) {
        delegate.modify(modify);
    }

    @Override
    public void requestSnapshot(int instrumentId) {
        delegate.requestSnapshot(instrumentId);
    }

    @Override
    public void stopMarketData() {
        delegate.stopMarketData();
    }

    @Override
    public void disconnect() {
        delegate.disconnect();
    }

    @Override
    public CompletionStage<Done> reconnect() {
        return delegate.reconnect();
    }

    @Override
    public boolean cancelsOnDisconnect() {
        return delegate.cancelsOnDisconnect();
    }

    @Override
    public boolean supportsOrderQueries() {
        return delegate.supportsOrderQueries();
    }

    @Override
    public CompletionStage<List<VenueOrder>> openOrders() {
        return delegate.openOrders();
    }

    @Override
    public CompletionStage<List<VenueOrder>> orderStatus(long[] clOrdIds) {
        return delegate.orderStatus(clOrdIds);
    }
}
