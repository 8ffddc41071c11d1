package io.rialto.core.kernel;

import io.rialto.core.config.ConfigLoader;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.MarketData;
import io.rialto.core.domain.MdBatch;
import io.rialto.core.domain.Side;
import io.rialto.core.metrics.PlatformMetrics;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.stream.javadsl.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A feed that can produce as fast as a core allows, into books that cannot keep up: demand slows the feed
 * (it is never more than a few batches ahead of the books) and every event reaches its book.
 */
class IngestionBackpressureTest {
    private static final ActorTestKit KIT = ActorTestKit.create("ingestion", ConfigLoader.defaults());
    private static final int SYMBOLS = 8;
    private static final int BATCH = 256;
    private static final int BATCHES = 2_000;

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    @Test
    void shouldHoldAFasterFeedBackAndLoseNoEvent() throws Exception {
        List<InstrumentRegistry.Listing> listings = new ArrayList<>();
        for (int s = 0; s < SYMBOLS; s++) {
            listings.add(new InstrumentRegistry.Listing("V", "S" + s, new BigDecimal("0.01"), BigDecimal.ONE, 1,
                    1_000_000));
        }
        InstrumentRegistry registry = InstrumentRegistry.of(List.of("V"), listings);
        PlatformMetrics metrics = new PlatformMetrics();
        BookDirectory books = new BookDirectory(SYMBOLS);
        for (int s = 0; s < SYMBOLS; s++) {
            books.place(s, new BookDirectory.Host(books.newHostId(),
                    KIT.spawn(SymbolBook.create(registry, s, 5, metrics, null), "book-" + s), BookDirectory.Tier.WARM));
        }
        long[] seqs = new long[SYMBOLS];
        AtomicLong emitted = new AtomicLong();
        AtomicLong maxAhead = new AtomicLong();
        Source<MarketData, ?> feed = Source.range(1, BATCHES).map(n -> {
            MdBatch.Builder b = new MdBatch.Builder(0, BATCH);
            for (int i = 0; i < BATCH; i++) {
                int symbol = (n + i) % SYMBOLS;
                b.depth(symbol, ++seqs[symbol], Side.BUY, 1_000 + (i % 50), 1 + i);
            }
            long ahead = emitted.addAndGet(BATCH) - metrics.mdEvents.sum();
            maxAhead.accumulateAndGet(ahead, Math::max);
            return b.build();
        });
        new IngestRouter(registry, books, 0, KIT.system(), Duration.ofSeconds(30), metrics).run(feed, 4)
                .toCompletableFuture().get(60, TimeUnit.SECONDS);

        long applied = 0;
        TestProbe<SymbolBook.Stats> stats = KIT.createTestProbe();
        for (int s = 0; s < SYMBOLS; s++) {
            books.ref(s).tell(new SymbolBook.GetStats(s, stats.getRef()));
            SymbolBook.Stats one = stats.receiveMessage();
            assertEquals(0, one.gaps(), "in sequence, in order");
            applied += one.events();
        }
        assertEquals((long) BATCHES * BATCH, applied, "every event reached its book");
        // in flight at most: mapAsync's 4 batches plus the stream's internal buffer of 16, far below the feed's 512,000
        assertTrue(maxAhead.get() <= (4 + 16 + 2) * BATCH, "the feed ran " + maxAhead.get() + " events ahead");
    }
}
