package io.rialto.core.kernel;

import com.typesafe.config.ConfigFactory;
import io.rialto.core.config.ConfigLoader;
import io.rialto.core.domain.CancelOrder;
import io.rialto.core.domain.ExecType;
import io.rialto.core.domain.NewOrder;
import io.rialto.core.domain.OrderType;
import io.rialto.core.domain.RejectReason;
import io.rialto.core.domain.Side;
import io.rialto.core.domain.TimeInForce;
import io.rialto.core.metrics.PlatformMetrics;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The order path under overload: a full mailbox becomes an explicit rejection, and control overtakes. */
class OrderPathOverflowTest {
    private static final int CAPACITY = 4;
    private static final ActorTestKit KIT = ActorTestKit.create("overflow", ConfigFactory.parseString(
            "rialto.mailboxes.risk.mailbox-capacity = " + CAPACITY).withFallback(ConfigLoader.defaults()));

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    /** A risk check that accepts everything, and holds its first check until released. */
    private static final class StalledRisk extends AcceptingRisk {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public RejectReason checkNew(NewOrder order) {
            entered.countDown();
            try {
                if (!release.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return RejectReason.NONE;
        }
    }

    private record Gate(ActorRef<RiskGate.Command> gate, StalledRisk risk, TestProbe<VenueSession.Command> venue,
                        ActorRef<DeadLetterRelay.Command> relay) {
    }

    /** One relay per actor system, as in the platform: each test stops its own. */
    @AfterEach
    void stopGates() {
        gates.forEach(g -> {
            g.risk().release.countDown();
            KIT.stop(g.relay());
            KIT.stop(g.gate());
        });
        gates.clear();
    }

    private final List<Gate> gates = new ArrayList<>();
    /** The gate's clock, which the orders' submitNs are read against. */
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    private Gate stalledGate(String name) throws InterruptedException {
        StalledRisk risk = new StalledRisk();
        // the gate blocks a thread of its own so that the relay and the test keep theirs
        ActorRef<RiskGate.Command> gate = KIT.spawn(RiskGate.create(risk, TestInstruments.registry(),
                new PlatformMetrics(), Duration.ofSeconds(1), clock::get), name, DispatcherSelector.blocking()
                .withMailboxFromConfig("rialto.mailboxes.risk"));
        ActorRef<DeadLetterRelay.Command> relay = KIT.spawn(DeadLetterRelay.create(gate), name + "-relay");
        DeadLetterRelay.awaitSubscribed(relay, KIT.system(), Duration.ofSeconds(10));
        TestProbe<VenueSession.Command> venue = KIT.createTestProbe();
        gate.tell(new RiskGate.AttachVenues(List.of(venue.getRef())));
        Gate g = new Gate(gate, risk, venue, relay);
        gates.add(g);
        return g;
    }

    private NewOrder order(long id) {
        return new NewOrder(id, "s1", "acc", 0, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 1, 0, clock.get());
    }

    @Test
    void shouldFailClosedWhenOrdersWaitedLongerThanTheCheckTimeoutBehindAStalledGate() throws InterruptedException {
        Gate g = stalledGate("risk-stalled");
        TestProbe<StrategyHost.Command> strategy = KIT.createTestProbe();
        g.gate().tell(new RiskGate.Submit(order(1), strategy.getRef()));
        assertTrue(g.risk().entered.await(10, TimeUnit.SECONDS));
        g.gate().tell(new RiskGate.Submit(order(2), strategy.getRef()));
        g.gate().tell(new RiskGate.Submit(order(3), strategy.getRef()));
        clock.addAndGet(Duration.ofMillis(1001).toNanos()); // the gate stalls past the check timeout
        g.risk().release.countDown();
        g.venue().expectMessageClass(VenueSession.Submit.class); // the order already inside the check goes on
        for (long id : new long[] {2, 3}) {
            StrategyHost.OrderEvent event = strategy.expectMessageClass(StrategyHost.OrderEvent.class);
            assertEquals(id, event.report().clOrdId());
            assertEquals(ExecType.REJECTED, event.report().execType());
            assertEquals(RejectReason.RISK_UNAVAILABLE, event.report().reason(), "stale orders are never sent");
        }
        g.venue().expectNoMessage(Duration.ofMillis(200));
    }

    @Test
    void shouldRejectOrdersThatDoNotFitAFullRiskMailboxAndLoseNone() throws InterruptedException {
        Gate g = stalledGate("risk-full");
        TestProbe<StrategyHost.Command> strategy = KIT.createTestProbe();
        g.gate().tell(new RiskGate.Submit(order(1), strategy.getRef()));
        assertTrue(g.risk().entered.await(10, TimeUnit.SECONDS));
        int extra = 10;
        for (int i = 2; i <= 1 + extra; i++) {
            g.gate().tell(new RiskGate.Submit(order(i), strategy.getRef()));
        }
        MailboxDepths.Depth risk = MailboxDepths.of(Adapter.toClassic(KIT.system())).byKind().get("risk");
        assertEquals(1.0, risk.maxSaturation(), "the gauges see the full ordinary lane");
        assertTrue(risk.maxQueued() >= CAPACITY, risk.toString());
        int overflow = extra - CAPACITY;
        List<Long> rejected = new ArrayList<>();
        for (int i = 0; i < overflow; i++) {
            StrategyHost.OrderEvent event = strategy.expectMessageClass(StrategyHost.OrderEvent.class);
            assertEquals(ExecType.REJECTED, event.report().execType());
            assertEquals(RejectReason.OVERLOADED, event.report().reason());
            rejected.add(event.report().clOrdId());
        }
        g.risk().release.countDown();
        List<Long> sent = new ArrayList<>();
        for (int i = 0; i < 1 + CAPACITY; i++) {
            sent.add(g.venue().expectMessageClass(VenueSession.Submit.class).order().clOrdId());
        }
        g.venue().expectNoMessage(Duration.ofMillis(200));
        strategy.expectNoMessage(Duration.ofMillis(200));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), sent, "the first order and those that fitted, in order");
        assertEquals(List.of(6L, 7L, 8L, 9L, 10L, 11L), rejected, "every other order rejected, none lost");
    }

    @Test
    void shouldLetACancelOvertakeQueuedNewOrders() throws InterruptedException {
        Gate g = stalledGate("risk-control");
        TestProbe<StrategyHost.Command> strategy = KIT.createTestProbe();
        g.gate().tell(new RiskGate.Submit(order(1), strategy.getRef()));
        assertTrue(g.risk().entered.await(10, TimeUnit.SECONDS));
        g.gate().tell(new RiskGate.Submit(order(2), strategy.getRef()));
        g.gate().tell(new RiskGate.Submit(order(3), strategy.getRef()));
        g.gate().tell(new RiskGate.Cancel(new CancelOrder(99, "s1", 0, 0), strategy.getRef()));
        g.risk().release.countDown();
        assertEquals(1, g.venue().expectMessageClass(VenueSession.Submit.class).order().clOrdId());
        VenueSession.Command next = g.venue().receiveMessage();
        assertInstanceOf(VenueSession.Cancel.class, next, "the cancel overtakes the queued orders");
        assertEquals(2, g.venue().expectMessageClass(VenueSession.Submit.class).order().clOrdId());
        assertEquals(3, g.venue().expectMessageClass(VenueSession.Submit.class).order().clOrdId());
    }
}
