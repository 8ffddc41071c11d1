package io.rialto.core.serialization;

import io.rialto.core.config.ConfigLoader;
import io.rialto.core.domain.BookSnapshot;
import io.rialto.core.domain.CancelOrder;
import io.rialto.core.domain.DepthUpdate;
import io.rialto.core.domain.ExecutionReport;
import io.rialto.core.domain.Instrument;
import io.rialto.core.domain.Liquidity;
import io.rialto.core.domain.MarketTrade;
import io.rialto.core.domain.MdBatch;
import io.rialto.core.domain.ModifyOrder;
import io.rialto.core.domain.NewOrder;
import io.rialto.core.domain.OrderStatus;
import io.rialto.core.domain.OrderType;
import io.rialto.core.domain.RejectReason;
import io.rialto.core.domain.RialtoMessage;
import io.rialto.core.domain.RiskScope;
import io.rialto.core.domain.Side;
import io.rialto.core.domain.TimeInForce;
import io.rialto.core.domain.TradingState;
import io.rialto.core.kernel.BookDirectory;
import io.rialto.core.kernel.BookUpdate;
import io.rialto.core.kernel.TierDirector;
import io.rialto.core.kernel.DeadLetterRelay;
import io.rialto.core.kernel.FillJournal;
import io.rialto.core.kernel.OpenOrder;
import io.rialto.core.kernel.RiskGate;
import io.rialto.core.kernel.StrategyHost;
import io.rialto.core.kernel.SymbolBook;
import io.rialto.core.kernel.VenueSession;
import io.rialto.core.spi.RiskCheck;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every message type round-trips through Pekko's configured serialization, which is Kryo. */
class KryoSerializationTest {
    private static final ActorTestKit KIT = ActorTestKit.create("serialization", ConfigLoader.defaults());

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    private static List<RialtoMessage> samples() {
        ActorRef<StrategyHost.Command> strategy = KIT.<StrategyHost.Command>createTestProbe().getRef();
        ActorRef<SymbolBook.Command> bookHost = KIT.<SymbolBook.Command>createTestProbe().getRef();
        ActorRef<VenueSession.Command> venue = KIT.<VenueSession.Command>createTestProbe().getRef();
        NewOrder order = new NewOrder(42, "mm-1", "ACC-1", 3, Side.SELL, OrderType.LIMIT, TimeInForce.GTX, 10_001, 5,
                111, 222);
        CancelOrder cancel = new CancelOrder(42, "mm-1", 3, 333);
        ModifyOrder modify = new ModifyOrder(42, "mm-1", 3, 10_002, 4, 0, 444);
        ExecutionReport fill = ExecutionReport.fill(42, 3, Side.SELL, 10_001, 2, 3, -2000, Liquidity.MAKER, 555);
        MdBatch batch = new MdBatch.Builder(1, 4).depth(3, 7, Side.BUY, 10_000, 12).trade(3, 8, Side.SELL, 10_000, 2)
                .build().stamped(999);
        BookSnapshot snapshot = new BookSnapshot(3, 6, new long[] {10_000, 9_999}, new long[] {5, 6},
                new long[] {10_001}, new long[] {7}, 123);
        MarketTrade trade = batch.trade(1);
        BookUpdate book = new BookUpdate(0, "SYM0000", new int[] {3}, 1, new int[] {1}, new long[] {10_000},
                new long[] {5}, new int[] {1}, new long[] {10_001}, new long[] {7}, 9, 10, 11);
        RiskCheck.Position position = new RiskCheck.Position("mm-1", "ACC-1", 3, -2, -20_002, 15, -4000, 3);
        VenueSession.Faults faults = new VenueSession.Faults("reconnecting", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
                13, 14, 15, 16, 17, true, 18);
        long[] rejects = new long[RejectReason.values().length];
        rejects[RejectReason.POSITION_LIMIT.ordinal()] = 2;
        return List.of(
                new Instrument(3, 0, 1, "SIM2", "SYM0000", new BigDecimal("0.01"), BigDecimal.ONE, 1, 1000),
                order, cancel, modify, fill, ExecutionReport.rejected(43, 3, Side.BUY, RejectReason.THROTTLED, 1),
                new DepthUpdate(3, 7, Side.BUY, 10_000, 12, 999), trade, snapshot, batch,
                new SymbolBook.Fence(4, 1),
                new SymbolBook.Subscribe(4, 7, strategy), new SymbolBook.Unsubscribe(4, 7),
                new SymbolBook.Consumed(4, 7),
                new SymbolBook.GetTop(4, 5, KIT.<BookUpdate>createTestProbe().getRef()),
                new SymbolBook.GetStats(4, KIT.<SymbolBook.Stats>createTestProbe().getRef()),
                new SymbolBook.Stats(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), book,
                new SymbolBook.CollectRates(KIT.<SymbolBook.Rates>createTestProbe().getRef()),
                new SymbolBook.Rates(2, new int[] {4, 5}, new long[] {10, 20}, 123),
                new SymbolBook.HandOver(4, new BookDirectory.Host(3, bookHost, BookDirectory.Tier.COLD),
                        KIT.<SymbolBook.MoveDone>createTestProbe().getRef()),
                new SymbolBook.MoveDone(4, new BookDirectory.Host(1, bookHost, BookDirectory.Tier.WARM),
                        new BookDirectory.Host(3, bookHost, BookDirectory.Tier.COLD)),
                new SymbolBook.Retire(),
                new SymbolBook.Report(new int[] {4, 5}, 5, KIT.<SymbolBook.HostReport>createTestProbe().getRef()),
                new SymbolBook.HostReport(List.of(new SymbolBook.Stats(4, 1, 2, 3, 4, 5, 6, 7, 8, 9)), List.of(book)),
                new TierDirector.Pause(), new TierDirector.ColdThrottleChanged(), new SymbolBook.CheckThrottle(),
                new TierDirector.MoveSymbol(4, BookDirectory.Tier.HOT),
                new TierDirector.GetTiers(KIT.<TierDirector.Tiers>createTestProbe().getRef()),
                new TierDirector.Tiers(1, 2, 3, 4, 5),
                new StrategyHost.Trades(new MarketTrade[] {trade, trade}), new StrategyHost.OrderEvent(fill),
                new StrategyHost.Stop(KIT.<StrategyHost.Stopped>createTestProbe().getRef()),
                new StrategyHost.Stopped("mm-1", new StrategyHost.Stats("mm-1", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, true)),
                new StrategyHost.GetStats(KIT.<StrategyHost.Stats>createTestProbe().getRef()),
                new StrategyHost.GetOpenOrders(KIT.<StrategyHost.OpenOrders>createTestProbe().getRef()),
                new StrategyHost.OpenOrders("mm-1", List.of(new OpenOrder(42, "mm-1", "ACC-1", 3, Side.SELL,
                        OrderType.LIMIT, TimeInForce.GTC, 10_001, 5, 3, 2, OrderStatus.PARTIALLY_FILLED))),
                new OpenOrder(43, "mm-1", "ACC-1", 3, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 10_000, 5, 5, 0,
                        OrderStatus.NEW),
                new StrategyHost.Stats("mm-1", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, false),
                new RiskGate.Submit(order, strategy), new RiskGate.Modify(modify, strategy),
                new RiskGate.Cancel(cancel, strategy), new RiskGate.FromVenue(fill, strategy),
                new RiskGate.NotSent(42, 3, Side.SELL, true, RejectReason.OVERLOADED, strategy),
                new RiskGate.AttachVenues(List.of(venue)),
                new RiskGate.GetStats(KIT.<RiskGate.Stats>createTestProbe().getRef()),
                new RiskGate.KillSwitch(RiskScope.ACCOUNT, "ACC-1", "ops", "runaway",
                        KIT.<RiskGate.KillSwitchDone>createTestProbe().getRef()),
                new RiskGate.KillSwitchDone(RiskScope.GLOBAL, null, 12, null),
                new RiskGate.SetTradingState(RiskScope.STRATEGY, "mm-1", TradingState.REDUCING, "ops", "inventory",
                        KIT.<RiskGate.Outcome>createTestProbe().getRef()),
                new RiskGate.UpdateLimit("max-position", "200", "ops",
                        KIT.<RiskGate.Outcome>createTestProbe().getRef()),
                new RiskGate.Outcome("unknown key"), new RiskGate.MarketPrice(3, 10_000, 10_001),
                new RiskGate.MarketTradePrice(3, 10_000),
                new RiskGate.MarketPrices(new int[] {3}, new long[] {10_000}, new long[] {10_001}, new int[] {3, 4},
                        new long[] {10_000, 20_000}),
                new RiskGate.Stats(1, 2, rejects, 3, 4, 5, 6, 7, List.of(position, position)),
                new VenueSession.Submit(order, strategy), new VenueSession.Modify(modify, strategy),
                new VenueSession.Cancel(cancel, strategy),
                new VenueSession.CancelAll(RiskScope.VENUE, "SIM1", KIT.<Integer>createTestProbe().getRef()),
                new VenueSession.CancelById(42),
                new VenueSession.GetStats(KIT.<VenueSession.Stats>createTestProbe().getRef()),
                new VenueSession.Stats("SIM1", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, faults), faults,
                new DeadLetterRelay.GetStats(KIT.<DeadLetterRelay.Stats>createTestProbe().getRef()),
                new DeadLetterRelay.Stats(1, 2, 3, 4),
                new FillJournal.Fill(fill, "mm-1", "ACC-1"),
                new FillJournal.Flush(KIT.<Long>createTestProbe().getRef()));
    }

    @Test
    void shouldRoundTripEveryMessageThroughKryo() {
        Serialization serialization = SerializationExtension.get(Adapter.toClassic(KIT.system()));
        for (RialtoMessage message : samples()) {
            Serializer serializer = serialization.findSerializerFor(message);
            assertInstanceOf(KryoSerializer.class, serializer, message.getClass() + " is bound to Kryo");
            byte[] bytes = serialization.serialize(message).get();
            Object back = serialization.deserialize(bytes, serializer.identifier(),
                    Serializers.manifestFor(serializer, message)).get();
            assertTrue(deepEquals(message, back), message.getClass().getName() + ": " + message + " became " + back);
        }
    }

    @Test
    void shouldHaveASampleForEveryRegisteredMessageType() {
        Set<Class<?>> sampled = new HashSet<>();
        samples().forEach(m -> sampled.add(m.getClass()));
        for (Class<?> c : new CoreRegistrations().classes()) {
            if (RialtoMessage.class.isAssignableFrom(c) && !c.isInterface()) {
                assertTrue(sampled.contains(c), "no round-trip sample for " + c.getName());
            }
        }
    }

    @Test
    void shouldHaveJavaSerializationSwitchedOff() {
        assertFalse(KIT.system().settings().config().getBoolean("pekko.actor.allow-java-serialization"));
    }

    /** Records compared component by component, arrays by content. */
    private static boolean deepEquals(Object a, Object b) {
        if (a == null || b == null || a.getClass() != b.getClass()) {
            return Objects.equals(a, b);
        }
        if (a.getClass().isRecord()) {
            for (RecordComponent c : a.getClass().getRecordComponents()) {
                try {
                    if (!deepEquals(c.getAccessor().invoke(a), c.getAccessor().invoke(b))) {
                        return false;
                    }
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
            return true;
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (la.size() != lb.size()) {
                return false;
            }
            for (int i = 0; i < la.size(); i++) {
                if (!deepEquals(la.get(i), lb.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.deepEquals(a, b);
    }

    @Test
    void shouldCompareArraysByContent() {
        assertEquals(true, deepEquals(new long[] {1, 2}, new long[] {1, 2}));
        assertEquals(false, deepEquals(new long[] {1, 2}, new long[] {1, 3}));
    }
}
