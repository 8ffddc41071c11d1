package io.rialto.core.kernel;

import io.rialto.core.config.ConfigLoader;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.MdBatch;
import io.rialto.core.domain.Side;
import io.rialto.core.metrics.PlatformMetrics;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** A host gathers the reference prices of one message into one message to risk: quotes and trades, in order. */
class BookHostRiskPricesTest {
    private static final ActorTestKit KIT = ActorTestKit.create("risk-prices", ConfigLoader.defaults());

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    @Test
    void shouldSendOneMessageWithEveryBestPriceChangeAndTradeOfABatch() {
        InstrumentRegistry registry = InstrumentRegistry.of(List.of("V"), List.of(
                new InstrumentRegistry.Listing("V", "A", new BigDecimal("0.01"), BigDecimal.ONE, 1, 1_000),
                new InstrumentRegistry.Listing("V", "B", new BigDecimal("0.01"), BigDecimal.ONE, 1, 1_000)));
        TestProbe<RiskGate.Command> risk = KIT.createTestProbe();
        BookDirectory books = new BookDirectory(2);
        SymbolBook.Hosting hosting = new SymbolBook.Hosting(registry, 5, new PlatformMetrics(), risk.getRef(),
                id -> { }, books, false, SymbolBook.ColdThrottle.off(Duration.ofMillis(100)));
        ActorRef<SymbolBook.Command> cold = KIT.spawn(SymbolBook.host(hosting, 0, BookDirectory.Tier.COLD,
                new int[] {0, 1}));
        MdBatch batch = new MdBatch.Builder(0, 8).depth(0, 1, Side.BUY, 100, 5).depth(1, 1, Side.SELL, 205, 2)
                .depth(0, 2, Side.SELL, 102, 3).trade(1, 2, Side.BUY, 205, 1).depth(0, 3, Side.BUY, 99, 1).build();
        int[] order = {0, 2, 4, 1, 3}; // grouped by symbol, as the router sends it
        BatchAck ack = new BatchAck(5);
        cold.tell(new SymbolBook.Apply(batch, order, 0, 5, 0, ack));
        ack.done().orTimeout(5, TimeUnit.SECONDS).join();

        RiskGate.MarketPrices prices = risk.expectMessageClass(RiskGate.MarketPrices.class);
        assertArrayEquals(new int[] {0, 1}, prices.quoteIds(), "A's and B's best prices, once each");
        assertArrayEquals(new long[] {100, Long.MIN_VALUE}, prices.bidTicks());
        assertArrayEquals(new long[] {102, 205}, prices.askTicks());
        assertArrayEquals(new int[] {1}, prices.tradeIds());
        assertArrayEquals(new long[] {205}, prices.tradePriceTicks());
        risk.expectNoMessage(Duration.ofMillis(100));
    }
}
