package io.rialto.core.kernel;

import io.rialto.core.domain.CancelOrder;
import io.rialto.core.domain.ExecType;
import io.rialto.core.domain.ExecutionReport;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.ModifyOrder;
import io.rialto.core.domain.NewOrder;
import io.rialto.core.domain.RejectReason;
import io.rialto.core.domain.RialtoMessage;
import io.rialto.core.domain.Side;
import io.rialto.core.metrics.PlatformMetrics;
import io.rialto.core.spi.VenueAdapter;
import io.rialto.core.spi.VenueContext;
import org.agrona.collections.Long2ObjectHashMap;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.dispatch.ControlMessage;

/**
 * Owns one venue connection through its {@link VenueAdapter}: sends checked orders, cancels and
 * modifies to it, and routes the adapter's execution reports back through the {@link RiskGate} to the
 * strategy that owns each order. Measures tick-to-trade when an order leaves for the venue and
 * order-to-acknowledgement when the venue accepts it.
 */
public final class VenueSession extends AbstractBehavior<VenueSession.Command> {

    public interface Command extends RialtoMessage {
    }

    public record Submit(NewOrder order, ActorRef<StrategyHost.Command> strategy) implements Command {
    }

    public record Modify(ModifyOrder modify, ActorRef<StrategyHost.Command> strategy) implements Command {
    }

    public record Cancel(CancelOrder cancel, ActorRef<StrategyHost.Command> strategy)
            implements Command, ControlMessage {
    }

    private record AdapterReport(ExecutionReport report) implements Command, ControlMessage {
    }

    public record GetStats(ActorRef<Stats> replyTo) implements Command {
    }

    /** Counts as the venue session saw them; {@code open} orders are live at the venue. */
    public record Stats(String venue, long ordersSent, long acks, long rejects, long fills, long filledOrders,
                        long canceled, long replaced, long cancelRejects, long open, long unknownReports,
                        long lateCancelRejects)
            implements RialtoMessage {
    }

    private static final class Tracked {
        final NewOrder order;
        final ActorRef<StrategyHost.Command> strategy;

        Tracked(NewOrder order, ActorRef<StrategyHost.Command> strategy) {
            this.order = order;
            this.strategy = strategy;
        }
    }

    private final VenueAdapter adapter;
    private final ActorRef<RiskGate.Command> riskGate;
    private final ActorRef<FillJournal.Command> journal;
    private final PlatformMetrics metrics;
    private final Long2ObjectHashMap<Tracked> orders = new Long2ObjectHashMap<>();
    private long ordersSent;
    private long acks;
    private long rejects;
    private long fills;
    private long filledOrders;
    private long canceled;
    private long replaced;
    private long cancelRejects;
    private long unknownReports;
    private long lateCancelRejects;

    /**
     * @param journal where fills are written, or {@code null} for none
     */
    public static Behavior<Command> create(VenueAdapter adapter, InstrumentRegistry registry, int venueIndex,
                                           ActorRef<RiskGate.Command> riskGate,
                                           ActorRef<FillJournal.Command> journal, PlatformMetrics metrics) {
        return Behaviors.setup(ctx -> new VenueSession(ctx, adapter, registry, venueIndex, riskGate, journal,
                metrics));
    }

    private VenueSession(ActorContext<Command> ctx, VenueAdapter adapter, InstrumentRegistry registry,
                         int venueIndex, ActorRef<RiskGate.Command> riskGate, ActorRef<FillJournal.Command> journal,
                         PlatformMetrics metrics) {
        super(ctx);
        this.adapter = adapter;
        this.riskGate = riskGate;
        this.journal = journal;
        this.metrics = metrics;
    }

    /**
     * Connects the adapter so that its execution reports come to {@code session}. Called by the
     * platform once, before the session receives any order and before the feed is materialized.
     */
    public static void connect(VenueAdapter adapter, ActorSystem<?> system, InstrumentRegistry registry,
                               int venueIndex, ActorRef<Command> session) {
        adapter.connect(new VenueContext(system, registry, venueIndex,
                report -> session.tell(new AdapterReport(report))));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Submit.class, this::onSubmit)
                .onMessage(Modify.class, this::onModify)
                .onMessage(Cancel.class, this::onCancel)
                .onMessage(AdapterReport.class, this::onAdapterReport)
                .onMessage(GetStats.class, this::onGetStats)
                .build();
    }

    private Behavior<Command> onSubmit(Submit msg) {
        NewOrder order = msg.order();
        if (orders.containsKey(order.clOrdId())) {
            riskGate.tell(new RiskGate.NotSent(order.clOrdId(), order.instrumentId(), order.side(), true,
                    RejectReason.DUPLICATE_ID, msg.strategy()));
            return this;
        }
        orders.put(order.clOrdId(), new Tracked(order, msg.strategy()));
        ordersSent++;
        if (order.originNs() != 0) {
            metrics.tickToTrade.recordValue(Math.max(0, System.nanoTime() - order.originNs()));
        }
        adapter.submit(order);
        return this;
    }

    private Behavior<Command> onModify(Modify msg) {
        Tracked tracked = orders.get(msg.modify().clOrdId());
        if (tracked == null) {
            riskGate.tell(new RiskGate.NotSent(msg.modify().clOrdId(), msg.modify().instrumentId(),
                    Side.BUY, false, RejectReason.UNKNOWN_ORDER, msg.strategy()));
            return this;
        }
        if (msg.modify().originNs() != 0) {
            metrics.tickToTrade.recordValue(Math.max(0, System.nanoTime() - msg.modify().originNs()));
        }
        adapter.modify(msg.modify());
        return this;
    }

    private Behavior<Command> onCancel(Cancel msg) {
        Tracked tracked = orders.get(msg.cancel().clOrdId());
        if (tracked == null) {
            riskGate.tell(new RiskGate.NotSent(msg.cancel().clOrdId(), msg.cancel().instrumentId(),
                    Side.BUY, false, RejectReason.UNKNOWN_ORDER, msg.strategy()));
            return this;
        }
        adapter.cancel(msg.cancel());
        return this;
    }

    private Behavior<Command> onAdapterReport(AdapterReport msg) {
        ExecutionReport report = msg.report();
        Tracked tracked = orders.get(report.clOrdId());
        if (tracked == null && report.execType() == ExecType.CANCEL_REJECTED) {
            lateCancelRejects++; // the cancel or modify crossed the order's last fill: it has ended already
            return this;
        }
        if (tracked == null) {
            unknownReports++;
            getContext().getLog().warn("{}: report for no order of ours: {}", adapter.name(), report);
            return this;
        }
        boolean done = false;
        switch (report.execType()) {
            case NEW -> {
                acks++;
                metrics.orderAck.recordValue(Math.max(0, System.nanoTime() - tracked.order.submitNs()));
            }
            case TRADE -> {
                fills++;
                if (journal != null) {
                    journal.tell(new FillJournal.Fill(report, tracked.order.strategyId(), tracked.order.account()));
                }
                if (report.leavesQtyLots() == 0) {
                    filledOrders++;
                    done = true;
                }
            }
            case CANCELED -> {
                canceled++;
                done = true;
            }
            case REJECTED -> {
                rejects++;
                done = true;
            }
            case REPLACED -> replaced++;
            case CANCEL_REJECTED -> cancelRejects++;
            default -> throw new IllegalStateException("unhandled exec type " + report.execType());
        }
        if (done) {
            orders.remove(report.clOrdId());
        }
        riskGate.tell(new RiskGate.FromVenue(report, tracked.strategy));
        return this;
    }

    private Behavior<Command> onGetStats(GetStats msg) {
        msg.replyTo().tell(new Stats(adapter.name(), ordersSent, acks, rejects, fills, filledOrders, canceled,
                replaced, cancelRejects, orders.size(), unknownReports, lateCancelRejects));
        return this;
    }
}
