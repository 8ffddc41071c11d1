package io.rialto.core.kernel;

import io.rialto.core.config.ConfigLoader;
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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Self-trade prevention that cancels the resting side: the resting orders are cancelled before the new one goes. */
class RiskGateSelfTradeTest {
    private static final ActorTestKit KIT = ActorTestKit.create("self-trade", ConfigLoader.defaults());

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    @Test
    void shouldCancelTheRestingOrdersOfTheSameAccountBeforeSendingTheNewOne() {
        AcceptingRisk risk = new AcceptingRisk() {
            @Override
            public RejectReason checkNew(NewOrder order) {
                return RejectReason.NONE;
            }

            @Override
            public int selfTradeCancelCount() {
                return 2;
            }

            @Override
            public long selfTradeCancel(int i) {
                return 70 + i;
            }
        };
        ActorRef<RiskGate.Command> gate = KIT.spawn(RiskGate.create(risk, TestInstruments.registry(),
                new PlatformMetrics(), Duration.ofSeconds(5)));
        TestProbe<VenueSession.Command> venue = KIT.createTestProbe();
        gate.tell(new RiskGate.AttachVenues(List.of(venue.getRef())));
        TestProbe<StrategyHost.Command> strategy = KIT.createTestProbe();
        gate.tell(new RiskGate.Submit(new NewOrder(9, "s", "A", 0, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 1,
                0, System.nanoTime()), strategy.getRef()));
        assertEquals(70, venue.expectMessageClass(VenueSession.CancelById.class).clOrdId());
        assertEquals(71, venue.expectMessageClass(VenueSession.CancelById.class).clOrdId());
        assertEquals(9, venue.expectMessageClass(VenueSession.Submit.class).order().clOrdId());
    }
}
