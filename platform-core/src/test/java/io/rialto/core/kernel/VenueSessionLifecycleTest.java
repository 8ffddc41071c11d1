package io.rialto.core.kernel;

import io.rialto.core.config.ConfigLoader;
import io.rialto.core.domain.CancelOrder;
import io.rialto.core.domain.ExecType;
import io.rialto.core.domain.ExecutionReport;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.NewOrder;
import io.rialto.core.domain.OrderStatus;
import io.rialto.core.domain.OrderType;
import io.rialto.core.domain.RejectReason;
import io.rialto.core.domain.RiskScope;
import io.rialto.core.domain.Side;
import io.rialto.core.domain.TimeInForce;
import io.rialto.core.metrics.PlatformMetrics;
import io.rialto.core.spi.VenueOrder;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The venue session's states: connected, a lost connection, backoff and reconnect, and reconciliation. */
class VenueSessionLifecycleTest {
    private static final ActorTestKit KIT = ActorTestKit.create("lifecycle", ConfigLoader.defaults());
    private static final VenueSessionSettings SETTINGS = new VenueSessionSettings(new VenueSession.BreakerSettings(5,
            Duration.ofSeconds(5), Duration.ofSeconds(5)), Duration.ofMillis(10), Duration.ofMillis(40), 2.0, 0.2,
            Duration.ofSeconds(30), Duration.ofMillis(100), 1024);

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    /** Acknowledges orders and keeps them open; drops the connection on demand; refuses reconnects a few times. */
    private static final class DroppingVenue extends TestVenue {
        final boolean queries;
        final boolean cancelsOnDisconnect;
        final AtomicInteger refuseReconnects = new AtomicInteger();
        final AtomicInteger reconnectAttempts = new AtomicInteger();
        final List<Long> cancels = new CopyOnWriteArrayList<>();
        final Map<Long, NewOrder> open = new ConcurrentHashMap<>();

        DroppingVenue(boolean queries, boolean cancelsOnDisconnect) {
            this.queries = queries;
            this.cancelsOnDisconnect = cancelsOnDisconnect;
        }

        void drop() {
            ctx.connectionLost().accept("test drop");
        }

        @Override
        public void submit(NewOrder order) {
            open.put(order.clOrdId(), order);
            ctx.executions().accept(ExecutionReport.ack(order.clOrdId(), 0, order.side(), order.priceTicks(),
                    order.qtyLots(), 1).withVenueIds(order.clOrdId() * 10, 0));
        }

        @Override
        public void cancel(CancelOrder cancel) {
            cancels.add(cancel.clOrdId());
            NewOrder order = open.remove(cancel.clOrdId());
            ctx.executions().accept(ExecutionReport.canceled(cancel.clOrdId(), 0, order.side(), order.qtyLots(), 2)
                    .withVenueIds(cancel.clOrdId() * 10 + 1, 0));
        }

        @Override
        public CompletionStage<Done> reconnect() {
            reconnectAttempts.incrementAndGet();
            return refuseReconnects.getAndDecrement() > 0
                    ? CompletableFuture.failedFuture(new IllegalStateException("still down"))
                    : CompletableFuture.completedFuture(Done.getInstance());
        }

        @Override
        public boolean cancelsOnDisconnect() {
            return cancelsOnDisconnect;
        }

        @Override
        public boolean supportsOrderQueries() {
            return queries;
        }

        @Override
        public CompletionStage<List<VenueOrder>> openOrders() {
            return CompletableFuture.completedFuture(open.values().stream().map(o -> new VenueOrder(o.clOrdId(), 0,
                    o.side(), OrderStatus.NEW, o.priceTicks(), o.qtyLots(), List.of(ExecutionReport.ack(o.clOrdId(),
                    0, o.side(), o.priceTicks(), o.qtyLots(), 1).withVenueIds(o.clOrdId() * 10, 0)))).toList());
        }

        @Override
        public CompletionStage<List<VenueOrder>> orderStatus(long[] clOrdIds) {
            return CompletableFuture.completedFuture(List.of());
        }
    }

    private final TestProbe<RiskGate.Command> risk = KIT.createTestProbe();
    private final ActorRef<StrategyHost.Command> strategy = KIT.<StrategyHost.Command>createTestProbe().getRef();
    private final FeedWatch feed = new FeedWatch();

    private ActorRef<VenueSession.Command> session(DroppingVenue venue) {
        InstrumentRegistry registry = TestInstruments.registry();
        ActorRef<VenueSession.Command> session = KIT.spawn(VenueSession.create(venue, registry, risk.getRef(), null,
                new PlatformMetrics(), SETTINGS, feed));
        VenueSession.connect(venue, KIT.system(), registry, 0, session);
        return session;
    }

    private VenueSession.Submit submit(long id) {
        return new VenueSession.Submit(new NewOrder(id, "s", "a", 0, Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
                100, 5, 0, System.nanoTime()), strategy);
    }

    private ExecutionReport nextReport() {
        return risk.expectMessageClass(RiskGate.FromVenue.class).report();
    }

    private VenueSession.Stats stats(ActorRef<VenueSession.Command> session) {
        TestProbe<VenueSession.Stats> probe = KIT.createTestProbe();
        session.tell(new VenueSession.GetStats(probe.getRef()));
        return probe.receiveMessage();
    }

    @Test
    void shouldRejectOrdersWhileDisconnectedReconnectWithBackoffAndReAcknowledgeWhatTheVenueKept() {
        DroppingVenue venue = new DroppingVenue(true, false);
        ActorRef<VenueSession.Command> session = session(venue);
        session.tell(submit(1));
        assertEquals(ExecType.NEW, nextReport().execType());

        // the venue stays down until the order sent meanwhile has been refused, however slow this machine is
        venue.refuseReconnects.set(Integer.MAX_VALUE);
        venue.drop();
        ExecutionReport lost = nextReport();
        assertEquals(ExecType.CONNECTION_LOST, lost.execType(), "the strategy learns its order is in doubt");
        session.tell(submit(2));
        RiskGate.NotSent refused = risk.expectMessageClass(RiskGate.NotSent.class);
        assertEquals(2, refused.clOrdId());
        assertEquals(RejectReason.VENUE_UNAVAILABLE, refused.reason(), "not connected: rejected, never dropped");

        venue.refuseReconnects.set(2);
        ExecutionReport reAck = nextReport(); // two more refused attempts, then one reconnects and reconciles
        assertEquals(ExecType.NEW, reAck.execType());
        assertEquals(1, reAck.clOrdId());
        VenueSession.Stats s = stats(session);
        assertEquals("connected", s.faults().state());
        assertEquals(1, s.faults().disconnects());
        assertEquals(1, s.faults().reconnects());
        assertTrue(s.faults().reconnectFailures() >= 2, "kept trying: " + s.faults());
        assertEquals(venue.reconnectAttempts.get() - 1, s.faults().reconnectFailures(),
                "every attempt but the last failed");
        assertEquals(1, s.faults().disconnectedRejects());
        assertEquals(1, s.faults().reAcks());
        assertEquals(1, s.open());

        session.tell(submit(3));
        assertEquals(ExecType.NEW, nextReport().execType(), "orders flow again");
    }

    @Test
    void shouldSendAKillSwitchCancelKeptWhileDisconnectedOnceTheOrderIsReconciled() {
        DroppingVenue venue = new DroppingVenue(true, false);
        ActorRef<VenueSession.Command> session = session(venue);
        session.tell(submit(1));
        nextReport();
        venue.refuseReconnects.set(1_000_000);
        venue.drop();
        assertEquals(ExecType.CONNECTION_LOST, nextReport().execType());
        TestProbe<Integer> kept = KIT.createTestProbe();
        session.tell(new VenueSession.CancelAll(RiskScope.GLOBAL, null, kept.getRef()));
        assertEquals(1, kept.receiveMessage(), "kept for when the venue is back");
        assertTrue(venue.cancels.isEmpty());
        venue.refuseReconnects.set(0);
        assertEquals(ExecType.NEW, nextReport().execType(), "re-acknowledged");
        assertEquals(ExecType.CANCELED, nextReport().execType(), "then cancelled");
        assertEquals(List.of(1L), venue.cancels);
    }

    @Test
    void shouldReportOrdersCancelledWhenTheVenueCancelsOnDisconnectButCannotBeAsked() {
        DroppingVenue venue = new DroppingVenue(false, true);
        ActorRef<VenueSession.Command> session = session(venue);
        session.tell(submit(1));
        nextReport();
        venue.drop();
        assertEquals(ExecType.CONNECTION_LOST, nextReport().execType());
        assertEquals(ExecType.CANCELED, nextReport().execType(), "on reconnect: the venue cancelled it");
        assertEquals(0, stats(session).open());
    }

    @Test
    void shouldCountAStaleFeedOnceAndSeeItRecover() {
        DroppingVenue venue = new DroppingVenue(true, false);
        ActorRef<VenueSession.Command> session = session(venue);
        feed.seen("first batch");
        risk.awaitAssert(Duration.ofSeconds(10), () -> {
            VenueSession.Stats s = stats(session);
            assertTrue(s.faults().feedStale(), "no market data for longer than feed-stale-after");
            assertEquals(1, s.faults().feedStalls());
            return null;
        });
        risk.awaitAssert(Duration.ofSeconds(10), () -> {
            feed.seen("data again"); // the feed is alive from now on
            VenueSession.Stats s = stats(session);
            assertFalse(s.faults().feedStale(), "recovered");
            assertTrue(s.faults().feedStaleMs() >= 100);
            return null;
        });
    }
}
