package io.rialto.core.kernel;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.rialto.core.config.ConfigLoader;
import io.rialto.core.domain.BookSnapshot;
import io.rialto.core.domain.MdBatch;
import io.rialto.core.domain.Side;
import io.rialto.core.metrics.PlatformMetrics;
import io.rialto.core.spi.BookView;
import io.rialto.core.spi.Strategy;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
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
                List.of(new TickingFeedVenue(TestInstruments.VENUE,
                        List.of(TestInstruments.listing()), List.of(new BookSnapshot(0, 1, new long[] {10000},
                        new long[] {10}, new long[] {10005}, new long[] {7}, 0)),
                        seq -> new MdBatch.Builder(0, 1).depth(0, seq, Side.SELL, 10005, 1 + seq % 50).build())), new StrategyCatalog(List.of(TestKinds.kind("stuck", Stuck::new),
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
            // at least: on a loaded machine the other strategy may be caught mid-callback past stuck-after too
            assertTrue(platform.strategies().stuckStrategies() >= 1, "the watchdog found the stuck one");
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
