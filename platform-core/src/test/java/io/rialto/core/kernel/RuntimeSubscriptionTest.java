package io.rialto.core.kernel;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.rialto.core.config.ConfigLoader;
import io.rialto.core.domain.BookSnapshot;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.MdBatch;
import io.rialto.core.domain.Side;
import io.rialto.core.metrics.PlatformMetrics;
import io.rialto.core.spi.BookView;
import io.rialto.core.spi.Strategy;
import io.rialto.core.spi.StrategyContext;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A strategy declared on one symbol subscribes to a second at run time, gets its books, then unsubscribes from the
 * first and gets no more of its books; an unknown symbol is refused.
 */
class RuntimeSubscriptionTest {
    private static final ConcurrentLinkedQueue<String> EVENTS = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger ONE_AFTER_UNSUBSCRIBE = new AtomicInteger();

    static final class Switcher implements Strategy {
        private StrategyContext ctx;
        private boolean unsubscribed;

        @Override
        public void onStart(StrategyContext ctx) {
            this.ctx = ctx;
            try {
                ctx.subscribe("NOPE");
            } catch (IllegalArgumentException e) {
                EVENTS.add("refused " + e.getMessage());
            }
        }

        @Override
        public void onBook(BookView book) {
            if (unsubscribed && book.symbol().equals("ONE")) {
                ONE_AFTER_UNSUBSCRIBE.incrementAndGet();
            }
            if (book.symbol().equals("ONE") && !ctx.subscriptions().contains("TWO")) {
                ctx.subscribe("TWO");
                EVENTS.add("subscribed " + ctx.subscriptions() + " trading " + ctx.instruments().size());
            } else if (book.symbol().equals("TWO") && !unsubscribed) {
                ctx.unsubscribe("ONE");
                unsubscribed = true;
                EVENTS.add("unsubscribed " + ctx.subscriptions() + " trading " + ctx.instruments().size());
            }
        }
    }


    /** Two symbols, ONE and TWO (instruments 0 and 1), each updated in turn. */
    private static TickingFeedVenue twoSymbolVenue() {
        return new TickingFeedVenue("V", List.of(listing("ONE"), listing("TWO")),
                List.of(snapshot(0, 10000), snapshot(1, 20000)),
                seq -> new MdBatch.Builder(0, 2).depth(0, seq, Side.SELL, 10005, 1 + seq % 50)
                        .depth(1, seq, Side.SELL, 20005, 1 + seq % 50).build());
    }

    private static InstrumentRegistry.Listing listing(String symbol) {
        return new InstrumentRegistry.Listing("V", symbol, new BigDecimal("0.01"), BigDecimal.ONE, 1, 1_000_000);
    }

    private static BookSnapshot snapshot(int instrument, long bid) {
        return new BookSnapshot(instrument, 1, new long[] {bid}, new long[] {10}, new long[] {bid + 5},
                new long[] {7}, 0);
    }

    @Test
    void shouldSubscribeAndUnsubscribeAtRunTime() {
        Config config = ConfigFactory.parseString("""
                rialto.strategies = [{ id = switcher, kind = switcher, symbols = [ONE], account = A1 }]
                """).withFallback(ConfigLoader.defaults());
        PlatformMetrics metrics = new PlatformMetrics();
        Platform platform = Platform.start(config, metrics, null, new OneTickEndToEndTest.LedgerRisk(),
                List.of(twoSymbolVenue()), new StrategyCatalog(List.of(TestKinds.kind("switcher",
                        Switcher::new))));
        try {
            TestProbe<Object> probe = TestProbe.create(platform.system());
            probe.awaitAssert(Duration.ofSeconds(20), () -> {
                assertEquals(3, EVENTS.size(), EVENTS.toString());
                return null;
            });
            assertEquals(List.of("refused switcher: unknown symbol NOPE", "subscribed [ONE, TWO] trading 2",
                    "unsubscribed [TWO] trading 2"), List.copyOf(EVENTS), "unsubscribed listings stay tradable");
            long eventsThen = metrics.mdEvents.sum();
            probe.awaitAssert(Duration.ofSeconds(20), () -> {
                assertTrue(metrics.mdEvents.sum() > eventsThen + 1_000, "the feed goes on");
                return null;
            });
            assertEquals(0, ONE_AFTER_UNSUBSCRIBE.get(), "no book of ONE after unsubscribing");
        } finally {
            platform.shutdown();
        }
    }
}
