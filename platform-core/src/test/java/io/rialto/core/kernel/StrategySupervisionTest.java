package io.rialto.core.kernel;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.rialto.core.config.ConfigLoader;
import io.rialto.core.domain.OrderType;
import io.rialto.core.domain.Side;
import io.rialto.core.domain.TimeInForce;
import io.rialto.core.metrics.PlatformMetrics;
import io.rialto.core.spi.Strategy;
import io.rialto.core.spi.StrategyContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** A strategy that keeps failing is restarted with fresh state, then stopped; its neighbour never notices. */
class StrategySupervisionTest {
    private static final BlockingQueue<String> EVENTS = new LinkedBlockingQueue<>();

    /** Rests one bid on start, then throws on its first timer. */
    static final class Flaky implements Strategy {
        private StrategyContext ctx;
        private boolean failed;

        @Override
        public void onStart(StrategyContext ctx) {
            this.ctx = ctx;
            EVENTS.add("flaky:start open=" + ctx.openOrders().length);
            ctx.submit(ctx.instruments().get(0).id(), Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 9_000, 1);
            ctx.scheduleRepeating(Duration.ofMillis(5));
        }

        @Override
        public void onTimer(long timerId) {
            if (!failed) { // the state is fresh after a restart: this fails once per instance
                failed = true;
                throw new IllegalStateException("boom");
            }
        }

    }

    /** Counts its own timers. */
    static final class Steady implements Strategy {
        private int ticks;

        @Override
        public void onStart(StrategyContext ctx) {
            ctx.scheduleRepeating(Duration.ofMillis(5));
        }

        @Override
        public void onTimer(long timerId) {
            if (++ticks % 20 == 0) {
                EVENTS.add("steady:tick");
            }
        }
    }

    /** The next event with this prefix (others are skipped), within 10 s. */
    private String next(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<String> skipped = new java.util.ArrayList<>();
        while (true) {
            String event = EVENTS.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertNotNull(event, "waiting for " + prefix + "; skipped " + skipped.subList(
                    Math.max(0, skipped.size() - 10), skipped.size()));
            if (event.startsWith(prefix)) {
                return event;
            }
            skipped.add(event);
        }
    }

    @Test
    void shouldRestartWithFreshStateThenStopAndCancelWhileTheNeighbourTrades() throws Exception {
        Config config = ConfigFactory.parseString("""
                rialto.strategies = [
                  { id = flaky, kind = flaky, symbols = [ABC], account = A }
                  { id = steady, kind = steady, symbols = [ABC], account = B }
                ]
                rialto.supervision { max-failures = 3, window = 60s, min-backoff = 10ms, max-backoff = 40ms,
                                     on-restart = keep-orders }
                """).withFallback(ConfigLoader.defaults());
        Platform platform = Platform.start(config, new PlatformMetrics(), null, new AcceptingRisk() {
        }.asProvider(), List.of(ScriptedVenue.resting()), new StrategyCatalog(List.of(
                TestKinds.kind("flaky", Flaky::new), TestKinds.kind("steady", Steady::new))));
        try {
            assertEquals("flaky:start open=0", next("flaky:start"));
            assertEquals("flaky:start open=1", next("flaky:start"), "restarted, and its order was kept");
            assertEquals("flaky:start open=2", next("flaky:start"));
            StrategyHost.Stats flaky = awaitFlaky(platform, s -> s.stoppedByFailures() && s.canceled() == 3);
            assertEquals(3, flaky.failures());
            assertEquals(2, flaky.restarts());
            assertEquals(0, flaky.open(), "the stop cancelled every order it had kept");
            next("steady:tick");
            next("steady:tick"); // and its neighbour is still running
        } finally {
            Platform.Result result = platform.shutdown();
            assertEquals(0, result.reconciliation().dropped(), result.reconciliation().failed().toString());
        }
    }

    /** Polls the flaky strategy's counts (each poll an ask round trip) until they satisfy the condition. */
    private static StrategyHost.Stats awaitFlaky(Platform platform, Predicate<StrategyHost.Stats> condition)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        StrategyHost.Stats flaky = null;
        while (System.nanoTime() < deadline) {
            flaky = platform.strategyStats().toCompletableFuture().get(5, TimeUnit.SECONDS).stream()
                    .filter(s -> s.strategyId().equals("flaky")).findFirst().orElseThrow();
            if (condition.test(flaky)) {
                return flaky;
            }
        }
        throw new AssertionError("flaky never got there: " + flaky);
    }
}
