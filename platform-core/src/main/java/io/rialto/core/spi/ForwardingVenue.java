package io.rialto.core.spi;

import io.rialto.core.domain.CancelOrder;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.MarketData;
import io.rialto.core.domain.ModifyOrder;
import io.rialto.core.domain.NewOrder;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Source;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * A venue adapter that hands every {@link VenueAdapter} method, the defaults included, to the adapter it wraps; a
 * decorator overrides what it changes (the recording of a feed, a feed carried over a WebSocket).
 * {@code ForwardingVenueTest} calls every method of the SPI, so a method added to it cannot be skipped silently.
 *
 * <p>Threading: as the wrapped adapter's.
 */
public abstract class ForwardingVenue implements VenueAdapter {
    protected final VenueAdapter delegate;

    protected ForwardingVenue(VenueAdapter delegate) {
        this.delegate = delegate;
    }

    /** The adapter this one wraps. */
    public VenueAdapter delegate() {
        return delegate;
    }

    /** The adapter under every {@code ForwardingVenue} around {@code adapter}. */
    public static VenueAdapter innermost(VenueAdapter adapter) {
        VenueAdapter inner = adapter;
        while (inner instanceof ForwardingVenue f) {
            inner = f.delegate();
        }
        return inner;
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
        delegate.connect(ctx);
    }

    @Override
    public Source<MarketData, NotUsed> marketData() {
        return delegate.marketData();
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
    public LongSupplier dataClock() {
        return delegate.dataClock();
    }

    @Override
    public long feedReconnects() {
        return delegate.feedReconnects();
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
