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
import io.rialto.core.spi.StrategyContext;
import io.rialto.core.spi.VenueAdapter;
import io.rialto.core.spi.VenueContext;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.javadsl.Source;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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

    /** Two symbols, ONE and TWO, each updated in turn for as long as the platform takes them. */
    static final class TwoSymbolVenue implements VenueAdapter {
        private volatile boolean stopped;

        @Override
        public String name() {
            return "V";
        }

        @Override
        public List<InstrumentRegistry.Listing> listings() {
            return List.of(listing("ONE"), listing("TWO"));
        }

        private static InstrumentRegistry.Listing listing(String symbol) {
            return new InstrumentRegistry.Listing("V", symbol, new BigDecimal("0.01"), BigDecimal.ONE, 1, 1_000_000);
        }

        @Override
        public void connect(VenueContext ctx) {
        }

        @Override
        public Source<MarketData, NotUsed> marketData() {
            // instrument ids follow symbol order: ONE is 0, TWO is 1
            Source<MarketData, NotUsed> updates = Source.unfold(2L, seq -> stopped ? Optional.empty()
                    : Optional.of(Pair.create(seq + 1, (MarketData) new MdBatch.Builder(0, 2)
                    .depth(0, seq, Side.SELL, 10005, 1 + seq % 50).depth(1, seq, Side.SELL, 20005, 1 + seq % 50)
                    .build())));
            return Source.<MarketData>from(List.of(snapshot(0, 10000), snapshot(1, 20000))).concat(updates);
        }

        private static BookSnapshot snapshot(int instrument, long bid) {
            return new BookSnapshot(instrument, 1, new long[] {bid}, new long[] {10}, new long[] {bid + 5},
                    new long[] {7}, 0);
        }

        @Override
        public void submit(NewOrder order) {
            throw new IllegalStateException("no trading here");
        }

        @Override
        public void cancel(CancelOrder cancel) {
            throw new IllegalStateException("no trading here");
        }

        @Override
        public void modify(ModifyOrder modify) {
            throw new IllegalStateException("no trading here");
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
    void shouldSubscribeAndUnsubscribeAtRunTime() {
        Config config = ConfigFactory.parseString("""
                rialto.strategies = [{ id = switcher, kind = switcher, symbols = [ONE], account = A1 }]
                """).withFallback(ConfigLoader.defaults());
        PlatformMetrics metrics = new PlatformMetrics();
        Platform platform = Platform.start(config, metrics, null, new OneTickEndToEndTest.LedgerRisk(),
                List.of(new TwoSymbolVenue()), new StrategyCatalog(List.of(TestKinds.kind("switcher",
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
