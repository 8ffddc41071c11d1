package io.rialto.venues.ws;

import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.MarketData;
import io.rialto.core.record.MdFrames;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.model.AttributeKeys;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.ws.BinaryMessage;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.TextMessage;
import org.apache.pekko.http.javadsl.model.ws.WebSocketUpgrade;
import org.apache.pekko.http.javadsl.settings.ServerSettings;
import org.apache.pekko.japi.pf.PFBuilder;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.BroadcastHub;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Serves one market-data feed over a WebSocket on the loopback interface: {@code ws://127.0.0.1:PORT/md}, one
 * binary message per {@link MarketData} element, encoded by {@link MdFrames}, and the text message {@link #END}
 * once the feed has ended, before the server closes the WebSocket ({@link #ERROR} and the reason first if it
 * failed). A connection that closes without {@code END}
 * was lost, and the client reconnects.
 *
 * <p>The feed is materialized once, when the first client upgrades, into a hub that outlives connections, as a
 * venue's feed outlives a subscriber's: a client that reconnects goes on from where the hub is (what the lost
 * connection had in flight is gone: the books see a sequence gap and resync). While no client is connected the
 * hub buffers 256 elements and then backpressures the feed. One client at a time: a second concurrent one is
 * refused (409). Backpressure crosses the socket: the feed is pulled only as fast as TCP takes the frames, and
 * TCP only as fast as the client reads them.
 *
 * <p>Threading: requests are handled on Pekko HTTP's threads; {@link #uri}, {@link #dropConnection} and
 * {@link #stop} from any thread.
 */
final class WebSocketFeedServer {
    static final String PATH = "/md";
    /** The text message that says the feed has ended (every other message is binary, but {@link #ERROR}). */
    static final String END = "end";
    /** The start of the text message that says the venue's feed failed, followed by why: not worth reconnecting. */
    static final String ERROR = "error: ";
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(2);
    /** Elements the hub holds while no client is connected, before it backpressures the feed (a power of two). */
    private static final int HUB_BUFFER = 256;
    /**
     * A feed that is silent this long (no participant flow, a stalled venue) gets a WebSocket ping, so that neither
     * end's {@code idle-timeout} closes a connection that is only quiet.
     */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(1);

    private final String name;
    private final Supplier<Source<MarketData, ?>> feed;
    private final InstrumentRegistry registry;
    private final int venueIndex;
    private final Materializer materializer;
    private final CompletionStage<ServerBinding> binding;
    /** Whether a client holds the feed (from its upgrade until its connection's stream has terminated). */
    private final AtomicBoolean connected = new AtomicBoolean();
    /** The live connection's switch, once its stream is materialized. */
    private final AtomicReference<UniqueKillSwitch> connection = new AtomicReference<>();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong drops = new AtomicLong();
    private Source<MarketData, NotUsed> hub;

    /**
     * Binds 127.0.0.1 on a free port.
     *
     * @param feed        the feed to serve, materialized once, when the first client connects
     * @param venueIndex  the venue of the feed's snapshots (a batch names its own)
     */
    WebSocketFeedServer(ActorSystem<?> system, String name, Supplier<Source<MarketData, ?>> feed,
                        InstrumentRegistry registry, int venueIndex) {
        this.name = name;
        this.feed = feed;
        this.registry = registry;
        this.venueIndex = venueIndex;
        this.materializer = Materializer.matFromSystem(system);
        ServerSettings settings = ServerSettings.create(system.settings().config());
        settings = settings.withWebsocketSettings(settings.getWebsocketSettings()
                .withPeriodicKeepAliveMaxIdle(KEEP_ALIVE));
        this.binding = Http.get(system).newServerAt("127.0.0.1", 0).withSettings(settings).bindSync(this::handle);
    }

    /** Where the feed is served; completes once the server is bound (fails if it could not bind). */
    CompletionStage<String> uri() {
        return binding.thenApply(b -> "ws://127.0.0.1:" + b.localAddress().getPort() + PATH);
    }

    /**
     * Drops the live connection, as a venue's server does when it fails over: the socket closes without
     * {@link #END}. Returns whether there was one to drop.
     */
    boolean dropConnection() {
        UniqueKillSwitch live = connection.get();
        if (live == null) {
            return false;
        }
        drops.incrementAndGet();
        live.shutdown(); // closes the socket without END
        return true;
    }

    /** Connections accepted so far. */
    long connections() {
        return connections.get();
    }

    /** Connections dropped by {@link #dropConnection}. */
    long drops() {
        return drops.get();
    }

    /** Stops accepting connections, then closes the open one (which terminating the binding does not). */
    void stop() {
        binding.thenAccept(b -> b.unbind().thenRun(() -> {
            UniqueKillSwitch live = connection.get();
            if (live != null) {
                live.shutdown(); // closes the socket without END: the feed has not ended
            }
            b.terminate(STOP_DEADLINE);
        }));
    }

    private HttpResponse handle(HttpRequest request) {
        Optional<WebSocketUpgrade> upgrade = request.getAttribute(AttributeKeys.webSocketUpgrade);
        if (!request.getUri().path().equals(PATH) || upgrade.isEmpty()) {
            return HttpResponse.create().withStatus(StatusCodes.NOT_FOUND)
                    .withEntity(name + " serves its market data as a WebSocket at " + PATH + "\n");
        }
        if (!connected.compareAndSet(false, true)) {
            return HttpResponse.create().withStatus(StatusCodes.CONFLICT)
                    .withEntity(name + ": the market-data feed has a client already\n");
        }
        connections.incrementAndGet();
        MdFrames.Encoder encoder = MdFrames.encoder(registry);
        Source<Message, NotUsed> frames = hub()
                .<Message>map(md -> BinaryMessage.create(ByteString.fromArrayUnsafe(encoder.encode(venueIndex, md))))
                // the hub remembers a failed feed: every client learns it at once instead of reconnecting for ever
                .recover(new PFBuilder<Throwable, Message>()
                        .matchAny(e -> TextMessage.create(ERROR + e.getMessage()))
                        .build())
                .concat(Source.single(TextMessage.create(END)))
                .viaMat(KillSwitches.single(), Keep.right())
                .watchTermination((killSwitch, done) -> {
                    connection.set(killSwitch);
                    done.whenComplete((d, e) -> {
                        connection.compareAndSet(killSwitch, null);
                        connected.set(false);
                    });
                    return NotUsed.getInstance();
                });
        // the client sends nothing; when it goes away the connection's stream is cancelled (the hub and the feed
        // go on), and when the feed ends the server sends END and closes the WebSocket
        return upgrade.get().handleMessagesWith(Flow.fromSinkAndSourceCoupled(Sink.ignore(), frames));
    }

    /** The feed's hub, materialized with the feed on first use. */
    private synchronized Source<MarketData, NotUsed> hub() {
        if (hub == null) {
            hub = feed.get().toMat(BroadcastHub.of(MarketData.class, HUB_BUFFER), Keep.right()).run(materializer);
        }
        return hub;
    }
}
