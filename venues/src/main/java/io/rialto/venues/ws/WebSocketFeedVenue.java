package io.rialto.venues.ws;

import io.rialto.core.domain.MarketData;
import io.rialto.core.spi.ForwardingVenue;
import io.rialto.core.spi.VenueAdapter;
import io.rialto.core.spi.VenueContext;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.RestartSource;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A venue whose market data comes over a real WebSocket: on {@link #connect} it serves the wrapped venue's feed
 * at {@code ws://127.0.0.1:PORT/md} ({@link WebSocketFeedServer}, loopback only, a free port), and its own
 * {@link #marketData()} is Pekko HTTP's WebSocket client reading that URL ({@link WebSocketFeedClient}). Order
 * entry, snapshot requests (the snapshot comes back on the wrapped feed, so over the WebSocket, in order with the
 * rest), {@code stopMarketData} (the wrapped feed ends, the server says so and closes the WebSocket, and
 * {@link #marketData()} completes), the session methods and the queries go straight to the wrapped venue
 * ({@link ForwardingVenue}).
 *
 * <p>A lost connection is re-established with backoff ({@link WebSocketReconnect}) and counted
 * ({@link #feedReconnects}); what it had in flight shows as a sequence gap, which the books resync. Bad data is
 * not retried: it fails the feed. With a {@code dropInterval} the server drops the connection at random
 * (exponentially distributed, seeded) intervals: fault injection.
 *
 * <p>Threading: as {@link VenueAdapter}; {@link #connect} does not block (the server binds in the background and
 * the client connects once it is bound).
 */
public final class WebSocketFeedVenue extends ForwardingVenue {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketFeedVenue.class);

    private final WebSocketReconnect reconnect;
    private final Duration dropInterval;
    private final SplittableRandom drops;
    /** Connections tried: the first, and one per loss. */
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private volatile VenueContext ctx;
    private volatile WebSocketFeedServer server;
    private volatile boolean disconnected;
    private volatile boolean dropping = true;

    /**
     * @param dropInterval mean time between connections the server drops (0 = never)
     * @param seed         seeds the drops
     */
    public WebSocketFeedVenue(VenueAdapter delegate, WebSocketReconnect reconnect, Duration dropInterval,
                              long seed) {
        super(delegate);
        this.reconnect = reconnect;
        this.dropInterval = dropInterval;
        this.drops = new SplittableRandom(seed);
    }

    @Override
    public void connect(VenueContext ctx) {
        delegate.connect(ctx);
        this.ctx = ctx;
        this.server = new WebSocketFeedServer(ctx.system(), name(), delegate::marketData, ctx.instruments(),
                ctx.venueIndex());
        scheduleDrop();
    }

    @Override
    public Source<MarketData, NotUsed> marketData() {
        VenueContext c = ctx;
        AtomicReference<Throwable> lost = new AtomicReference<>();
        ArrayDeque<Long> losses = new ArrayDeque<>();
        return Source.completionStageSource(feedUri().thenApply(uri -> RestartSource.onFailuresWithBackoff(
                        reconnect.restartSettings().withRestartOn(WebSocketFeedClient::connectionLost), () -> {
                            if (attempts.getAndIncrement() > 0) {
                                String why = lost.get().getMessage();
                                if (disconnected) {
                                    return Source.failed(new IllegalStateException(name()
                                            + ": market-data WebSocket lost after the venue disconnected (" + why
                                            + ")"));
                                }
                                if (!reconnect.allowsAnother(losses, System.nanoTime())) {
                                    return Source.failed(new IllegalStateException(name() + ": market-data "
                                            + "WebSocket lost more than " + reconnect.maxRestarts() + " times within "
                                            + reconnect.maxRestartsWithin() + "; last: " + why));
                                }
                                LOG.warn("{}: market-data WebSocket lost ({}); reconnect #{}", name(), why,
                                        reconnects.incrementAndGet());
                            }
                            return WebSocketFeedClient.feed(c.system(), uri, c.instruments())
                                    .mapError(Throwable.class, e -> {
                                        lost.set(e);
                                        return e;
                                    });
                        })))
                .mapMaterializedValue(m -> NotUsed.getInstance());
    }

    /** Connections made again after a loss. */
    @Override
    public long feedReconnects() {
        return reconnects.get();
    }

    /** Where the wrapped feed is served, once the server is bound. */
    CompletionStage<String> feedUri() {
        return bound().uri();
    }

    /** The server, once connected. */
    WebSocketFeedServer bound() {
        WebSocketFeedServer bound = server;
        if (bound == null) {
            throw new IllegalStateException(name() + " is not connected");
        }
        return bound;
    }

    /** Ends the fault injection: no connection is dropped from now on. */
    public void stopDroppingConnections() {
        dropping = false;
    }

    @Override
    public void disconnect() {
        disconnected = true;
        WebSocketFeedServer bound = server;
        if (bound != null) {
            bound.stop();
        }
        delegate.disconnect();
    }

    private void scheduleDrop() {
        if (dropInterval.isZero() || disconnected || !dropping) {
            return;
        }
        long meanNs = dropInterval.toNanos();
        long delayNs;
        synchronized (drops) {
            delayNs = Math.max(1, (long) (-Math.log(1 - drops.nextDouble()) * meanNs));
        }
        VenueContext c = ctx;
        c.system().scheduler().scheduleOnce(Duration.ofNanos(delayNs), () -> {
            if (!disconnected && dropping && server.dropConnection()) {
                LOG.info("{}: dropped the market-data WebSocket connection (fault injection)", name());
            }
            scheduleDrop();
        }, c.system().executionContext());
    }
}
