package io.rialto.venues.ws;

import com.typesafe.config.ConfigFactory;
import io.rialto.core.config.ConfigLoader;
import io.rialto.core.domain.MarketData;
import io.rialto.core.domain.MdBatch;
import io.rialto.core.domain.Side;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Backpressure across the socket: a feed that could produce without limit, served over the WebSocket to a client
 * that reads slowly, is held back by the client's pace: what the producer emitted never runs ahead of what the
 * client consumed by more than the buffers between them, and every element arrives once, in order.
 */
class WebSocketBackpressureTest {
    /** Events per frame: with about 5 bytes an event, a frame is about 1.3 KB. */
    private static final int EVENTS_PER_FRAME = 256;
    private static final int CONSUMED_PER_SECOND = 400;
    private static final int CONSUMED = 600;
    /**
     * Frames that may sit between producer and consumer: the server's send buffer and the client's receive buffer
     * (64 KiB asked, which Linux doubles: 256 KiB, about 200 frames) and Pekko's stage buffers on both sides.
     * Measured: about 380. Without backpressure the producer would have emitted many thousands more meanwhile.
     */
    private static final int MAX_LEAD = 1_000;

    private static final ActorTestKit KIT = ActorTestKit.create("ws-backpressure", ConfigFactory.parseString("""
            # fixed socket buffers: with the defaults, Linux autotunes the send buffer up to net.ipv4.tcp_wmem's
            # maximum (4 MB here: a lead of about 3,400 frames was measured), still a bound but a loose one
            pekko.http.server.socket-options { so-send-buffer-size = 64k, so-receive-buffer-size = 64k }
            pekko.http.client.socket-options { so-send-buffer-size = 64k, so-receive-buffer-size = 64k }
            """).withFallback(ConfigLoader.defaults()));

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    @Test
    void shouldHoldAFastProducerToTheSlowConsumersPaceWithNothingLostOrReordered() throws Exception {
        AtomicLong produced = new AtomicLong();
        Source<MarketData, ?> endless = Source.repeat(0)
                .map(ignored -> {
                    long frame = produced.getAndIncrement();
                    return frame(frame);
                });
        WebSocketFeedServer server = new WebSocketFeedServer(KIT.system(), "WS1", () -> endless, WsFeeds.REGISTRY, 0);
        String uri = server.uri().toCompletableFuture().get(5, TimeUnit.SECONDS);

        AtomicLong consumed = new AtomicLong();
        AtomicLong maxLead = new AtomicLong();
        AtomicLong outOfOrder = new AtomicLong();
        WebSocketFeedClient.feed(KIT.system(), uri, WsFeeds.REGISTRY)
                .throttle(CONSUMED_PER_SECOND, Duration.ofSeconds(1))
                .take(CONSUMED)
                .runWith(Sink.foreach(md -> {
                    long n = consumed.getAndIncrement();
                    MdBatch b = (MdBatch) md;
                    for (int i = 0; i < b.size(); i++) {
                        if (b.seqs()[i] != n * EVENTS_PER_FRAME + i + 1) {
                            outOfOrder.incrementAndGet();
                        }
                    }
                    maxLead.accumulateAndGet(produced.get() - n - 1, Math::max);
                }), KIT.system())
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        server.stop();

        assertEquals(CONSUMED, consumed.get());
        assertEquals(0, outOfOrder.get(), "every event once, in order");
        assertTrue(maxLead.get() > 0, "the producer is faster than the consumer");
        assertTrue(maxLead.get() <= MAX_LEAD, "the producer ran " + maxLead.get() + " frames ahead of the consumer");
        assertTrue(produced.get() <= CONSUMED + MAX_LEAD, "produced " + produced.get());
    }

    /** Frame {@code n}: events n*256+1 ... n*256+256 of instrument 0, in sequence. */
    private static MdBatch frame(long n) {
        MdBatch.Builder b = new MdBatch.Builder(0, EVENTS_PER_FRAME);
        for (int i = 0; i < EVENTS_PER_FRAME; i++) {
            b.depth(0, n * EVENTS_PER_FRAME + i + 1, i % 2 == 0 ? Side.BUY : Side.SELL, 2000 + i % 9, 1 + i % 50);
        }
        return b.build();
    }
}
