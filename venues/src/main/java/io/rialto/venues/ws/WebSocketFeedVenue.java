package io.rialto.venues.ws;

import io.rialto.core.domain.CancelOrder;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.MarketData;
import io.rialto.core.domain.ModifyOrder;
import io.rialto.core.domain.NewOrder;
import io.rialto.core.spi.VenueAdapter;
import io.rialto.core.spi.VenueContext;
import io.rialto.core.spi.VenueOrder;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Source;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A venue whose market data comes over a real WebSocket: on {@link #connect} it serves the wrapped venue's feed
 * at {@code ws://127.0.0.1:PORT/md} ({@link WebSocketFeedServer}, loopback only, a free port), and its own
 * {@link #marketData()} is Pekko HTTP's WebSocket client reading that URL ({@link WebSocketFeedClient}). Order
 * entry, snapshot requests, the session methods and the queries go straight to the wrapped venue;
 * {@code WebSocketFeedVenueTest} checks that every {@link VenueAdapter} method is forwarded.
 *
 * <p>Threading: as {@link VenueAdapter}; {@link #connect} does not block (the server binds in the background and
 * the client connects once it is bound).
 */
public final class WebSocketFeedVenue implements VenueAdapter {
    private final VenueAdapter delegate;
    private volatile VenueContext ctx;
    private volatile WebSocketFeedServer server;

    public WebSocketFeedVenue(VenueAdapter delegate) {
        this.delegate = delegate;
    }

    /** The venue whose feed this one serves and reads over the WebSocket. */
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
        delegate.connect(ctx);
        this.ctx = ctx;
        this.server = new WebSocketFeedServer(ctx.system(), name(), delegate::marketData, ctx.instruments(),
                ctx.venueIndex());
    }

    @Override
    public Source<MarketData, NotUsed> marketData() {
        VenueContext c = ctx;
        return Source.completionStageSource(feedUri()
                        .thenApply(uri -> WebSocketFeedClient.feed(c.system(), uri, c.instruments())))
                .mapMaterializedValue(m -> NotUsed.getInstance());
    }

    /** Where the wrapped feed is served, once the server is bound. */
    CompletionStage<String> feedUri() {
        WebSocketFeedServer bound = server;
        if (bound == null) {
            throw new IllegalStateException(name() + " is not connected");
        }
        return bound.uri();
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

    /** The snapshot comes back on the wrapped feed, hence over the WebSocket, in order with the rest. */
    @Override
    public void requestSnapshot(int instrumentId) {
        delegate.requestSnapshot(instrumentId);
    }

    /** The wrapped feed ends; the server then closes the WebSocket and {@link #marketData()} completes. */
    @Override
    public void stopMarketData() {
        delegate.stopMarketData();
    }

    @Override
    public void disconnect() {
        WebSocketFeedServer bound = server;
        if (bound != null) {
            bound.stop();
        }
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
