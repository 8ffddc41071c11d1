package io.rialto.venues.ws;

import io.rialto.core.domain.MarketData;
import io.rialto.core.spi.ForwardingVenue;
import io.rialto.core.spi.VenueAdapter;
import io.rialto.core.spi.VenueContext;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Source;

import java.util.concurrent.CompletionStage;

/**
 * A venue whose market data comes over a real WebSocket: on {@link #connect} it serves the wrapped venue's feed
 * at {@code ws://127.0.0.1:PORT/md} ({@link WebSocketFeedServer}, loopback only, a free port), and its own
 * {@link #marketData()} is Pekko HTTP's WebSocket client reading that URL ({@link WebSocketFeedClient}). Order
 * entry, snapshot requests (the snapshot comes back on the wrapped feed, so over the WebSocket, in order with the
 * rest), {@code stopMarketData} (the wrapped feed ends, the server closes the WebSocket, and {@link #marketData()}
 * completes), the session methods and the queries go straight to the wrapped venue ({@link ForwardingVenue}).
 *
 * <p>Threading: as {@link VenueAdapter}; {@link #connect} does not block (the server binds in the background and
 * the client connects once it is bound).
 */
public final class WebSocketFeedVenue extends ForwardingVenue {
    private volatile VenueContext ctx;
    private volatile WebSocketFeedServer server;

    public WebSocketFeedVenue(VenueAdapter delegate) {
        super(delegate);
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
    public void disconnect() {
        WebSocketFeedServer bound = server;
        if (bound != null) {
            bound.stop();
        }
        delegate.disconnect();
    }
}
