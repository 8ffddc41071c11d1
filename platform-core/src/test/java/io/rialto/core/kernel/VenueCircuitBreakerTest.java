package io.rialto.core.kernel;

import io.rialto.core.config.ConfigLoader;
import io.rialto.core.config.RialtoSettings;
import io.rialto.core.domain.ExecType;
import io.rialto.core.domain.ExecutionReport;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.NewOrder;
import io.rialto.core.domain.OrderType;
import io.rialto.core.domain.RejectReason;
import io.rialto.core.domain.Side;
import io.rialto.core.domain.TimeInForce;
import io.rialto.core.metrics.PlatformMetrics;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** A failing venue opens its circuit breaker; orders are then refused at once until a probe succeeds. */
class VenueCircuitBreakerTest {
    private static final ActorTestKit KIT = ActorTestKit.create("breaker", ConfigLoader.defaults());

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    /** Throws on submit until made healthy; then acknowledges. */
    private static final class FlakyVenue extends TestVenue {
        volatile boolean healthy;
        final AtomicInteger submits = new AtomicInteger();

        @Override
        public void submit(NewOrder order) {
            submits.incrementAndGet();
            if (!healthy) {
                throw new IllegalStateException("connection reset");
            }
            ctx.executions().accept(ExecutionReport.ack(order.clOrdId(), 0, order.side(), order.priceTicks(),
                    order.qtyLots(), 1));
        }
    }

    private final AtomicLong ids = new AtomicLong();

    private VenueSession.Submit submit(ActorRef<StrategyHost.Command> strategy) {
        return new VenueSession.Submit(new NewOrder(ids.incrementAndGet(), "s", "a", 0, Side.BUY, OrderType.LIMIT,
                TimeInForce.GTC, 100, 1, 0, System.nanoTime()), strategy);
    }

    @Test
    void shouldOpenAfterRepeatedFailuresAndCloseAfterASuccessfulProbe() {
        FlakyVenue venue = new FlakyVenue();
        TestProbe<RiskGate.Command> risk = KIT.createTestProbe();
        ActorRef<StrategyHost.Command> strategy = KIT.<StrategyHost.Command>createTestProbe().getRef();
        InstrumentRegistry registry = TestInstruments.registry();
        ActorRef<VenueSession.Command> session = KIT.spawn(VenueSession.create(venue, registry, risk.getRef(), null,
                new PlatformMetrics(), RialtoSettings.create(ConfigLoader.defaults()).venueSession().withBreaker(
                        // a reset long enough that the third order surely meets the breaker still open
                        new VenueSession.BreakerSettings(2, Duration.ofSeconds(5), Duration.ofSeconds(2))),
                new FeedWatch()));
        VenueSession.connect(venue, KIT.system(), registry, 0, session);

        for (int i = 0; i < 2; i++) {
            session.tell(submit(strategy));
            RiskGate.NotSent failed = risk.expectMessageClass(RiskGate.NotSent.class);
            assertEquals(RejectReason.VENUE_UNAVAILABLE, failed.reason());
        }
        session.tell(submit(strategy));
        assertEquals(RejectReason.VENUE_CIRCUIT_OPEN, risk.expectMessageClass(RiskGate.NotSent.class).reason());
        assertEquals(2, venue.submits.get(), "an open breaker does not call the venue");

        venue.healthy = true;
        risk.awaitAssert(Duration.ofSeconds(20), Duration.ofMillis(100), () -> {
            session.tell(submit(strategy));
            RiskGate.Command reply = risk.receiveMessage();
            RiskGate.FromVenue ack = assertInstanceOf(RiskGate.FromVenue.class, reply, "half-open lets a probe by");
            assertEquals(ExecType.NEW, ack.report().execType());
            return null;
        });
        session.tell(submit(strategy));
        assertEquals(ExecType.NEW, risk.expectMessageClass(RiskGate.FromVenue.class).report().execType(),
                "the acknowledged probe closed the breaker");
    }
}
