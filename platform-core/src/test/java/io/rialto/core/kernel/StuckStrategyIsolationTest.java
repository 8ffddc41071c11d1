package io.rialto.core.kernel;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.rialto.core.config.ConfigLoader;
import io.rialto.core.domain.BookSnapshot;
import io.rialto.core.domain.CancelOrder;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.MarketData;
import io.rialto.core.domain.MdBatch;
import io.rialto.core.domain.ModifyOrder;
import io.rialto.core.domain.NewOrder;
import io.rialto.core.domain.Side;
import io.rialto.core.metrics.PlatformMetrics;
import io.rialto.core.spi.BookView;
import io.rialto.core.spi.Strategy;
import io.rialto.core.spi.VenueAdapter;
import io.rialto.core.spi.VenueContext;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.javadsl.Source;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A strategy that blocks forever in its callback, on a strategy pool of a single thread: without the
 * watchdog's compensation it would hold the pool's only thread and starve every other strategy. With it, the
 * other strategy keeps getting book updates and the book keeps applying market data.
 */
class StuckStrategyIsolationTest {
    private static final CountDownLatch ENTERED = new CountDownLatch(1);
    private static final CountDownLatch RELEASE = new CountDownLatch(1);
    private static final AtomicLong BOOKS_SEEN = new AtomicLong();

    /** Blocks in its first onBook until the test ends. */
    static final class Stuck implements Strategy {
        @Override
        public void onBook(BookView book) {
            ENTERED.countDown();
            try {
                RELEASE.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static final class Counting implements Strategy {
        @Override
        public void onBook(BookView book) {
            BOOKS_SEEN.incrementAndGet();
        }
    }

    /** A feed of one depth update per element, as fast as the platform takes them, until stopped. */
    static final class TickingVenue implements VenueAdapter {
        private volatile boolean stopped;

        @Override
        public String name() {
            return TestInstruments.VENUE;
        }

        @Override
        public List<InstrumentRegistry.Listing> listings() {
            return List.of(TestInstruments.listing());
        }

        @Override
        public void connect(VenueContext ctx) {
        }

        @Override
        public Source<MarketData, NotUsed> marketData() {
            Source<MarketData, NotUsed> updates = Source.unfold(2L, seq -> stopped ? Optional.empty()
                    : Optional.of(Pair.create(seq + 1, (MarketData) new MdBatch.Builder(0, 1)
                    .depth(0, seq, Side.SELL, 10005, 1 + seq % 50).build())));
            return Source.<MarketData>single(new BookSnapshot(0, 1, new long[] {10000}, new long[] {10},
                    new long[] {10005}, new long[] {7}, 0)).concat(updates);
        }

        @Override
        public void submit(NewOrder order) {
            throw new IllegalStateException("these strategies do not trade");
        }

        @Override
        public void cancel(CancelOrder cancel) {
            throw new IllegalStateException("these strategies do not trade");
        }

        @Override
        public void modify(ModifyOrder modify) {
            throw new IllegalStateException("these strategies do not trade");
        }

        @Override
        public void stopMarketData() {
            stopped = true;
        }

        @Override
        public void disconnect() {
        }
    }

    @Test
    void shouldKeepOtherStrategiesAndTheBookGoingWhileOneStrategyIsStuckForever() throws Exception {
        Config config = ConfigFactory.parseString("""
                rialto.strategies = [
                  { id = stuck, kind = stuck, symbols = [ABC], account = A1 }
                  { id = counting, kind = counting, symbols = [ABC], account = A1 }
                ]
                rialto.dispatchers.strategy-pool.compensating-pool.pool-size = 1
                rialto.strategy-watchdog { stuck-after = 200ms, check-interval = 20ms }
                """).withFallback(ConfigLoader.defaults());
        PlatformMetrics metrics = new PlatformMetrics();
        Platform platform = Platform.start(config, metrics, null, new OneTickEndToEndTest.LedgerRisk(),
                List.of(new TickingVenue()), new StrategyCatalog(List.of(TestKinds.kind("stuck", Stuck::new),
                        TestKinds.kind("counting", Counting::new))));
        TestProbe<Object> probe = TestProbe.create(platform.system());
        try {
            assertTrue(ENTERED.await(10, TimeUnit.SECONDS), "the stuck strategy got its first book");
            long seenThen = BOOKS_SEEN.get();
            long eventsThen = metrics.mdEvents.sum();
            probe.awaitAssert(Duration.ofSeconds(20), () -> {
                assertTrue(BOOKS_SEEN.get() > seenThen + 100, "the other strategy keeps getting books");
                return null;
            });
            assertTrue(metrics.mdEvents.sum() > eventsThen, "the book keeps applying market data");
            assertEquals(1, platform.strategies().stuckStrategies(), "the watchdog found the stuck one");
            assertTrue(metrics.stuckStrategies.sum() >= 1);
        } finally {
            RELEASE.countDown();
        }
        probe.awaitAssert(Duration.ofSeconds(20), () -> {
            assertEquals(0, platform.strategies().stuckStrategies(), "released, it is no longer stuck");
            return null;
        });
        platform.shutdown();
    }

}
