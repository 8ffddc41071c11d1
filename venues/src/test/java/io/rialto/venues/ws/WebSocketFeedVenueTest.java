package io.rialto.venues.ws;

import com.typesafe.config.ConfigFactory;
import io.rialto.core.config.ConfigLoader;
import io.rialto.core.domain.MarketData;
import io.rialto.core.record.MdFrames;
import io.rialto.core.record.MdRecordException;
import io.rialto.core.spi.ForwardingVenue;
import io.rialto.core.spi.VenueAdapter;
import io.rialto.core.spi.VenueContext;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.model.AttributeKeys;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.ws.BinaryMessage;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.TextMessage;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebSocketFeedVenueTest {
    private static final WebSocketReconnect RECONNECT = new WebSocketReconnect(Duration.ofMillis(20),
            Duration.ofMillis(200), 5, Duration.ofMinutes(1));
    /**
     * Idle timeouts far below the 60 s default, so that a quiet feed would be cut within the test, and still 3x the
     * server's 1 s keep-alive, so that a late ping on a loaded machine does not cut it.
     */
    private static final ActorTestKit KIT = ActorTestKit.create("ws-feed", ConfigFactory.parseString(
            "pekko.http.client.idle-timeout = 3s\npekko.http.server.idle-timeout = 3s\n")
            .withFallback(ConfigLoader.defaults()));

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    /** Everything but the feed is ForwardingVenue's, which hands every SPI method on (ForwardingVenueTest). */
    @Test
    void shouldChangeOnlyHowTheFeedTravels() throws NoSuchMethodException {
        for (Method m : VenueAdapter.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            Class<?> owner = WebSocketFeedVenue.class.getMethod(m.getName(), m.getParameterTypes()).getDeclaringClass();
            boolean own = Set.of("connect", "marketData", "disconnect", "feedReconnects").contains(m.getName());
            assertEquals(own ? WebSocketFeedVenue.class : ForwardingVenue.class, owner, m.getName());
        }
    }

    @Test
    void shouldCarryTheWrappedFeedOverTheSocketInOrderAndEndWithIt() throws Exception {
        List<MarketData> data = WsFeeds.marketData(3, 400);
        List<String> calls = new CopyOnWriteArrayList<>();

        WsFeeds.assertSame(data, overTheSocket(Source.from(data), calls));
        assertEquals(List.of("connect", "name", "marketData", "disconnect"), calls,
                "connected, named in the server, its feed materialized once (by the server), disconnected");
    }

    @Test
    void shouldKeepAQuietFeedConnectedLongerThanTheIdleTimeout() throws Exception {
        List<MarketData> data = WsFeeds.marketData(9, 2);
        Source<MarketData, NotUsed> quiet = Source.single(data.get(0))
                .concat(Source.single(data.get(1)).initialDelay(Duration.ofMillis(4_500)));

        WsFeeds.assertSame(data, overTheSocket(quiet, new CopyOnWriteArrayList<>()));
    }

    @Test
    void shouldRefuseASecondClientOfTheSameFeed() throws Exception {
        CompletableFuture<Void> served = new CompletableFuture<>();
        WebSocketFeedVenue venue = venue(feedVenue(Source.never(), new CopyOnWriteArrayList<>(), served), RECONNECT);
        venue.connect(new VenueContext(KIT.system(), WsFeeds.REGISTRY, 0, report -> { }));
        venue.marketData().runWith(Sink.ignore(), KIT.system());
        served.get(5, TimeUnit.SECONDS); // the venue's own client has the feed
        String uri = venue.feedUri().toCompletableFuture().get(5, TimeUnit.SECONDS);

        ExecutionException e = assertThrows(ExecutionException.class, () -> WebSocketFeedClient
                .feed(KIT.system(), uri, WsFeeds.REGISTRY).runWith(Sink.ignore(), KIT.system())
                .toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().startsWith(uri + ": WebSocket upgrade did not finish")
                && e.getCause().getMessage().contains("409 Conflict"), e.getCause().getMessage());
        venue.disconnect();
    }

    @Test
    void shouldDecodeStreamedBinaryMessagesAsWellAsStrictOnes() throws Exception {
        List<MarketData> data = WsFeeds.marketData(5, 120);
        MdFrames.Encoder encoder = MdFrames.encoder(WsFeeds.REGISTRY);
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            ByteString frame = ByteString.fromArray(encoder.encode(0, data.get(i)));
            messages.add(i % 2 == 0 ? BinaryMessage.create(frame) : BinaryMessage.create(chunks(frame, 7)));
        }
        messages.add(TextMessage.create(WebSocketFeedServer.END));
        String uri = serve(Source.from(messages));

        List<MarketData> received = WebSocketFeedClient.feed(KIT.system(), uri, WsFeeds.REGISTRY)
                .runWith(Sink.seq(), KIT.system()).toCompletableFuture().get(10, TimeUnit.SECONDS);

        WsFeeds.assertSame(data, received);
    }

    @Test
    void shouldFailTheFeedOnATextMessageOrAFrameThatDoesNotDecode() throws Exception {
        String text = serve(Source.single(TextMessage.create("hello")));
        ExecutionException e = assertThrows(ExecutionException.class, () -> WebSocketFeedClient
                .feed(KIT.system(), text, WsFeeds.REGISTRY).runWith(Sink.ignore(), KIT.system())
                .toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertEquals(text + ": a text message; the feed sends binary messages only", e.getCause().getMessage());

        String garbage = serve(Source.single(BinaryMessage.create(ByteString.fromString("\u0009garbage"))));
        ExecutionException bad = assertThrows(ExecutionException.class, () -> WebSocketFeedClient
                .feed(KIT.system(), garbage, WsFeeds.REGISTRY).runWith(Sink.ignore(), KIT.system())
                .toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertTrue(bad.getCause().getMessage().startsWith(garbage + ": record 1 at byte "),
                bad.getCause().getMessage());
    }

    @Test
    void shouldTakeAConnectionThatClosesBeforeTheEndForALostOne() throws Exception {
        List<MarketData> data = WsFeeds.marketData(4, 3);
        MdFrames.Encoder encoder = MdFrames.encoder(WsFeeds.REGISTRY);
        List<Message> messages = new ArrayList<>();
        data.forEach(md -> messages.add(BinaryMessage.create(ByteString.fromArray(encoder.encode(0, md)))));
        String uri = serve(Source.from(messages)); // no END

        List<MarketData> received = new CopyOnWriteArrayList<>();
        ExecutionException e = assertThrows(ExecutionException.class, () -> WebSocketFeedClient
                .feed(KIT.system(), uri, WsFeeds.REGISTRY).runWith(Sink.foreach(received::add), KIT.system())
                .toCompletableFuture().get(5, TimeUnit.SECONDS));
        WsFeeds.assertSame(data, received);
        assertInstanceOf(WebSocketFeedClient.ConnectionLost.class, e.getCause());
        assertEquals(uri + ": the connection closed before the feed ended", e.getCause().getMessage());
        assertTrue(WebSocketFeedClient.connectionLost(e.getCause()), "worth reconnecting");
        assertFalse(WebSocketFeedClient.connectionLost(new MdRecordException(uri + ": record 1")), "bad data is not");
    }

    @Test
    void shouldReconnectALostConnectionAndGoOnInOrderWithNothingTwice() throws Exception {
        List<MarketData> data = WsFeeds.marketData(21, 600);
        CompletableFuture<Void> dropped = new CompletableFuture<>();
        // the second half waits for the drop, so that the connection is live when it is dropped
        Source<MarketData, NotUsed> feed = Source.from(data.subList(0, 300)).concat(Source.completionStageSource(
                dropped.thenApply(d -> Source.from(data.subList(300, data.size())))));
        WebSocketFeedVenue venue = venue(feedVenue(feed, new CopyOnWriteArrayList<>(), new CompletableFuture<>()),
                RECONNECT);
        venue.connect(new VenueContext(KIT.system(), WsFeeds.REGISTRY, 0, report -> { }));
        AtomicInteger seen = new AtomicInteger();

        List<MarketData> received = venue.marketData()
                .map(md -> {
                    if (seen.incrementAndGet() == 50) {
                        assertTrue(venue.bound().dropConnection(), "a live connection to drop");
                        dropped.complete(null);
                    }
                    return md;
                })
                .runWith(Sink.seq(), KIT.system()).toCompletableFuture().get(20, TimeUnit.SECONDS);
        venue.disconnect();

        List<Integer> positions = WsFeeds.positionsIn(data, received);
        for (int i = 1; i < positions.size(); i++) {
            assertTrue(positions.get(i) > positions.get(i - 1), "in order, nothing twice: " + positions);
        }
        assertEquals(data.size() - 1, positions.get(positions.size() - 1), "the feed went on to its end");
        assertEquals(1, venue.feedReconnects());
        assertEquals(1, venue.bound().drops());
        assertEquals(2, venue.bound().connections());
    }

    @Test
    void shouldFailTheFeedOnceReconnectingHasFailedMaxRestartsTimes() throws Exception {
        List<MarketData> data = WsFeeds.marketData(8, 2);
        Source<MarketData, NotUsed> feed = Source.from(data).concat(Source.never());
        WebSocketFeedVenue venue = venue(feedVenue(feed, new CopyOnWriteArrayList<>(), new CompletableFuture<>()),
                new WebSocketReconnect(Duration.ofMillis(10), Duration.ofMillis(20), 2, Duration.ofMinutes(1)));
        venue.connect(new VenueContext(KIT.system(), WsFeeds.REGISTRY, 0, report -> { }));
        AtomicInteger seen = new AtomicInteger();

        ExecutionException e = assertThrows(ExecutionException.class, () -> venue.marketData()
                .map(md -> {
                    if (seen.incrementAndGet() == data.size()) {
                        venue.bound().stop(); // the server goes away: every reconnect is refused
                    }
                    return md;
                })
                .runWith(Sink.ignore(), KIT.system()).toCompletableFuture().get(20, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().startsWith("WS1: market-data WebSocket lost more than 2 times within "
                + "PT1M; last: "), e.getCause().getMessage());
        assertEquals(2, venue.feedReconnects(), "two reconnects allowed, then the feed fails loudly");
        venue.disconnect();
    }

    @Test
    void shouldFailAtOnceWithoutReconnectingWhenTheVenuesFeedFailed() throws Exception {
        List<MarketData> data = WsFeeds.marketData(12, 5);
        Source<MarketData, NotUsed> feed = Source.from(data)
                .concat(Source.failed(new IllegalStateException("matching engine down")));
        WebSocketFeedVenue venue = venue(feedVenue(feed, new CopyOnWriteArrayList<>(), new CompletableFuture<>()),
                RECONNECT);
        venue.connect(new VenueContext(KIT.system(), WsFeeds.REGISTRY, 0, report -> { }));
        List<MarketData> received = new CopyOnWriteArrayList<>();

        ExecutionException e = assertThrows(ExecutionException.class, () -> venue.marketData()
                .runWith(Sink.foreach(received::add), KIT.system()).toCompletableFuture().get(20, TimeUnit.SECONDS));
        venue.disconnect();
        assertInstanceOf(WebSocketFeedClient.FeedFailed.class, e.getCause(), e.getCause().toString());
        assertTrue(e.getCause().getMessage().endsWith(": the venue's feed failed: matching engine down"),
                e.getCause().getMessage());
        // the hub passes a failure on ahead of what it still buffered: what arrived is the feed's start, in order
        WsFeeds.assertSame(data.subList(0, received.size()), received);
        assertEquals(0, venue.feedReconnects(), "a failed feed is not a lost connection");
    }

    @Test
    void shouldCountLossesInASlidingWindow() {
        WebSocketReconnect limit = new WebSocketReconnect(Duration.ofMillis(10), Duration.ofSeconds(1), 2,
                Duration.ofMinutes(1));
        ArrayDeque<Long> losses = new ArrayDeque<>();
        long s = 1_000_000_000L;
        assertTrue(limit.allowsAnother(losses, 0));
        assertTrue(limit.allowsAnother(losses, 10 * s));
        assertFalse(limit.allowsAnother(losses, 20 * s), "a third loss within a minute");
        ArrayDeque<Long> spread = new ArrayDeque<>();
        for (long t = 0; t < 600 * s; t += 31 * s) {
            assertTrue(limit.allowsAnother(spread, t), "two per minute at most, for ten minutes: at " + t / s + " s");
        }
    }

    private static WebSocketFeedVenue venue(VenueAdapter delegate, WebSocketReconnect reconnect) {
        return new WebSocketFeedVenue(delegate, reconnect, Duration.ZERO, 1);
    }

    /** Wraps a venue with {@code feed}, connects, reads the whole feed over the socket, and disconnects. */
    private static List<MarketData> overTheSocket(Source<MarketData, ?> feed, List<String> calls) throws Exception {
        WebSocketFeedVenue venue = venue(feedVenue(feed, calls, new CompletableFuture<>()), RECONNECT);
        venue.connect(new VenueContext(KIT.system(), WsFeeds.REGISTRY, 0, report -> { }));
        List<MarketData> received = venue.marketData().runWith(Sink.seq(), KIT.system())
                .toCompletableFuture().get(20, TimeUnit.SECONDS);
        venue.disconnect();
        assertEquals(0, venue.feedReconnects(), "one connection throughout (a lost one would be re-made)");
        return received;
    }

    private static Source<ByteString, NotUsed> chunks(ByteString frame, int size) {
        List<ByteString> parts = new ArrayList<>();
        for (int i = 0; i < frame.size(); i += size) {
            parts.add(frame.slice(i, Math.min(frame.size(), i + size)));
        }
        return Source.from(parts);
    }

    /** A WebSocket server on loopback that sends {@code messages} to its client, then closes. */
    private static String serve(Source<Message, NotUsed> messages) throws Exception {
        Function<org.apache.pekko.http.javadsl.model.HttpRequest, HttpResponse> handler = request -> request
                .getAttribute(AttributeKeys.webSocketUpgrade)
                .map(upgrade -> upgrade.handleMessagesWith(Flow.fromSinkAndSourceCoupled(Sink.ignore(), messages)))
                .orElse(HttpResponse.create().withStatus(StatusCodes.BAD_REQUEST));
        int port = Http.get(KIT.system()).newServerAt("127.0.0.1", 0).bindSync(handler::apply)
                .toCompletableFuture().get(5, TimeUnit.SECONDS).localAddress().getPort();
        return "ws://127.0.0.1:" + port + "/md";
    }

    /** A venue that only has a feed; records which of its methods were called, and completes {@code served}. */
    private static VenueAdapter feedVenue(Source<MarketData, ?> feed, List<String> calls,
                                          CompletableFuture<Void> served) {
        return (VenueAdapter) Proxy.newProxyInstance(VenueAdapter.class.getClassLoader(),
                new Class<?>[] {VenueAdapter.class}, (proxy, method, args) -> {
                    calls.add(method.getName());
                    return switch (method.getName()) {
                        case "name" -> "WS1";
                        case "marketData" -> {
                            served.complete(null);
                            yield feed.mapMaterializedValue(m -> NotUsed.getInstance());
                        }
                        default -> null;
                    };
                });
    }
}
