package io.rialto.core.kernel;

import io.rialto.core.config.ConfigLoader;
import io.rialto.core.domain.MdBatch;
import io.rialto.core.domain.Side;
import io.rialto.core.metrics.PlatformMetrics;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Health mode REDUCED throttles the cold tier: book updates wait, trades do not. */
class ColdThrottleTest {
    private static final ActorTestKit KIT = ActorTestKit.create("cold-throttle", ConfigLoader.defaults());

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    @Test
    void shouldHoldBookUpdatesButNotTradesWhileThrottledAndPublishTheLatestWhenLifted() {
        BookDirectory books = new BookDirectory(1);
        SymbolBook.ColdThrottle throttle = SymbolBook.ColdThrottle.off(Duration.ofHours(1));
        throttle.on().set(true);
        SymbolBook.Hosting hosting = new SymbolBook.Hosting(TestInstruments.registry(), 5, new PlatformMetrics(),
                null, id -> { }, books, false, throttle);
        ActorRef<SymbolBook.Command> cold = KIT.spawn(SymbolBook.host(hosting, 0, BookDirectory.Tier.COLD,
                new int[] {0}));
        books.place(0, new BookDirectory.Host(0, cold, BookDirectory.Tier.COLD));
        TestProbe<StrategyHost.Command> strategy = KIT.createTestProbe();
        cold.tell(new SymbolBook.Subscribe(0, 7, strategy.getRef()));

        BookMessages.applyAndWait(cold, new MdBatch.Builder(0, 4).depth(0, 1, Side.BUY, 10_000, 5).depth(0, 2, Side.SELL, 10_005, 6)
                .trade(0, 3, Side.BUY, 10_005, 1).build());
        BookMessages.applyAndWait(cold, new MdBatch.Builder(0, 1).depth(0, 4, Side.SELL, 10_005, 4).build());
        StrategyHost.Trades trades = strategy.expectMessageClass(StrategyHost.Trades.class);
        assertEquals(1, trades.trades().length, "the trade went out at once");
        strategy.expectNoMessage(Duration.ofMillis(300)); // the book is held for the throttle interval (an hour)

        throttle.on().set(false);
        cold.tell(new SymbolBook.CheckThrottle());
        BookUpdate update = strategy.expectMessageClass(BookUpdate.class);
        assertEquals(3, update.version(), "the newest book, with the versions in between conflated");
        assertEquals(4, update.askQty(0, 0));
    }

}
