package io.rialto.venues.ws;

import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.MarketData;
import io.rialto.core.record.MdFrames;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.model.AttributeKeys;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.ws.BinaryMessage;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.WebSocketUpgrade;
import org.apache.pekko.http.javadsl.settings.ServerSettings;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Serves one market-data feed over a WebSocket on the loopback interface: {@code ws://127.0.0.1:PORT/md}, one
 * binary message per {@link MarketData} element, encoded by {@link MdFrames}. The feed is materialized when the
 * first client upgrades and streams to that client only; a second client is refused (409), because a venue feed
 * is materialized once. Backpressure crosses the socket: the feed is pulled only as fast as TCP takes the
 * frames, and TCP only as fast as the client reads them.
 *
 * <p>Threading: requests are handled on Pekko HTTP's threads; {@link #uri} and {@link #stop} from any thread.
 */
final class WebSocketFeedServer {
    static final String PATH = "/md";
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(2);
    /**
     * A feed that is silent this long (no participant flow, a stalled venue) gets a WebSocket ping, so that neither
     * end's {@code idle-timeout} closes a connection that is only quiet.
     */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(1);

    private final String name;
    private final Supplier<Source<MarketData, ?>> feed;
    private final InstrumentRegistry registry;
    private final int venueIndex;
    private final AtomicBoolean served = new AtomicBoolean();
    private final CompletionStage<ServerBinding> binding;

    /**
     * Binds 127.0.0.1 on a free port.
     *
     * @param feed        the feed to serve, materialized once, when the client connects
     * @param venueIndex  the venue of the feed's snapshots (a batch names its own)
     */
    WebSocketFeedServer(ActorSystem<?> system, String name, Supplier<Source<MarketData, ?>> feed,
                        InstrumentRegistry registry, int venueIndex) {
        this.name = name;
        this.feed = feed;
        this.registry = registry;
        this.venueIndex = venueIndex;
        ServerSettings settings = ServerSettings.create(system.settings().config());
        settings = settings.withWebsocketSettings(settings.getWebsocketSettings()
                .withPeriodicKeepAliveMaxIdle(KEEP_ALIVE));
        this.binding = Http.get(system).newServerAt("127.0.0.1", 0).withSettings(settings).bindSync(this::handle);
    }

    /** Where the feed is served; completes once the server is bound (fails if it could not bind). */
    CompletionStage<String> uri() {
        return binding.thenApply(b -> "ws://127.0.0.1:" + b.localAddress().getPort() + PATH);
    }

    /** Stops accepting connections and closes the open one. */
    void stop() {
        binding.thenAccept(b -> b.terminate(STOP_DEADLINE));
    }

    private HttpResponse handle(HttpRequest request) {
        Optional<WebSocketUpgrade> upgrade = request.getAttribute(AttributeKeys.webSocketUpgrade);
        if (!request.getUri().path().equals(PATH) || upgrade.isEmpty()) {
            return HttpResponse.create().withStatus(StatusCodes.NOT_FOUND)
                    .withEntity(name + " serves its market data as a WebSocket at " + PATH + "\n");
        }
        if (!served.compareAndSet(false, true)) {
            return HttpResponse.create().withStatus(StatusCodes.CONFLICT)
                    .withEntity(name + ": the market-data feed has a client already\n");
        }
        MdFrames.Encoder encoder = MdFrames.encoder(registry);
        Source<Message, ?> frames = feed.get()
                .map(md -> BinaryMessage.create(ByteString.fromArrayUnsafe(encoder.encode(venueIndex, md))));
        // the client sends nothing; when it goes away the feed is cancelled, and when the feed ends the server
        // closes the WebSocket, which completes the client's stream
        return upgrade.get().handleMessagesWith(Flow.fromSinkAndSourceCoupled(Sink.ignore(), frames));
    }
}
