package io.rialto.core.kernel;

import io.rialto.core.domain.CancelOrder;
import io.rialto.core.domain.ExecType;
import io.rialto.core.domain.ExecutionReport;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.ModifyOrder;
import io.rialto.core.domain.NewOrder;
import io.rialto.core.domain.RejectReason;
import io.rialto.core.domain.RialtoMessage;
import io.rialto.core.domain.RiskScope;
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
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.dispatch.ControlMessage;
import org.apache.pekko.pattern.CircuitBreaker;

import java.time.Duration;

/**
 * Owns one venue connection through its {@link VenueAdapter}: sends checked orders, cancels and
 * modifies to it, and routes the adapter's execution reports back through the {@link RiskGate} to the
 * strategy that owns each order. Measures tick-to-trade when an order leaves for the venue and
 * order-to-acknowledgement when the venue accepts it.
 *
 * <p>A Pekko {@link CircuitBreaker} guards the venue: an adapter call that throws, a rejection for
 * {@code VENUE_UNAVAILABLE}, or an order not acknowledged within the call timeout counts as a failure;
 * {@code max-failures} in a row open the breaker and new orders are rejected at once with
 * {@code VENUE_CIRCUIT_OPEN}; after the reset timeout one order may probe, and its acknowledgement closes it.
 * The kill switch's {@link CancelAll} cancels every open order of its scope.
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

    /** Cancel every open order in the scope (the kill switch); replies with the number of cancels sent. */
    public record CancelAll(RiskScope scope, String target, ActorRef<Integer> replyTo)
            implements Command, ControlMessage {
    }

    /** Cancel one order by id (self-trade prevention cancelling the resting side); never refused by risk. */
    public record CancelById(long clOrdId) implements Command, ControlMessage {
    }

    private enum SweepAcks implements Command { INSTANCE }

    /** Circuit-breaker settings: {@code maxFailures} failures open it; {@code resetTimeout} later it half-opens. */
    public record BreakerSettings(int maxFailures, Duration callTimeout, Duration resetTimeout) {
    }

    public record GetStats(ActorRef<Stats> replyTo) implements Command {
    }

    /** Counts as the venue session saw them; {@code open} orders are live at the venue. */
    public record Stats(String venue, long ordersSent, long acks, long rejects, long fills, long filledOrders,
                        long canceled, long replaced, long cancelRejects, long open, long unknownReports,
                        long lateCancelRejects, long circuitRejects, long venueFailures)
            implements RialtoMessage {
    }

    private static final class Tracked {
        final NewOrder order;
        final ActorRef<StrategyHost.Command> strategy;
        final long sentNs;
        boolean acked;
        boolean probe;

        Tracked(NewOrder order, ActorRef<StrategyHost.Command> strategy, long sentNs) {
            this.order = order;
            this.strategy = strategy;
            this.sentNs = sentNs;
        }
    }

    private final VenueAdapter adapter;
    private final InstrumentRegistry registry;
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
    private long circuitRejects;
    private long venueFailures;
    private final CircuitBreaker breaker;
    private final long callTimeoutNs;
    private boolean probeInFlight;

    /**
     * @param journal where fills are written, or {@code null} for none
     */
    public static Behavior<Command> create(VenueAdapter adapter, InstrumentRegistry registry,
                                           ActorRef<RiskGate.Command> riskGate,
                                           ActorRef<FillJournal.Command> journal, PlatformMetrics metrics,
                                           BreakerSettings breaker) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
            timers.startTimerWithFixedDelay(SweepAcks.INSTANCE, breaker.callTimeout().dividedBy(2));
            return new VenueSession(ctx, adapter, registry, riskGate, journal, metrics, breaker);
        }));
    }

    private VenueSession(ActorContext<Command> ctx, VenueAdapter adapter, InstrumentRegistry registry,
                         ActorRef<RiskGate.Command> riskGate,
                         ActorRef<FillJournal.Command> journal, PlatformMetrics metrics, BreakerSettings settings) {
        super(ctx);
        this.adapter = adapter;
        this.registry = registry;
        this.riskGate = riskGate;
        this.journal = journal;
        this.metrics = metrics;
        this.callTimeoutNs = settings.callTimeout().toNanos();
        this.breaker = CircuitBreaker.create(Adapter.toClassic(ctx.getSystem()).scheduler(), settings.maxFailures(),
                settings.callTimeout(), settings.resetTimeout());
        String venue = adapter.name();
        org.slf4j.Logger log = ctx.getLog();
        breaker.addOnOpenListener(() -> log.warn("{}: circuit breaker OPEN: orders to it are rejected", venue));
        breaker.addOnHalfOpenListener(() -> log.info("{}: circuit breaker half-open: one order may probe", venue));
        breaker.addOnCloseListener(() -> log.info("{}: circuit breaker closed", venue));
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
                .onMessage(CancelAll.class, this::onCancelAll)
                .onMessage(CancelById.class, this::onCancelById)
                .onMessageEquals(SweepAcks.INSTANCE, this::onSweepAcks)
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
        boolean probe = false;
        if (breaker.isOpen() || (breaker.isHalfOpen() && probeInFlight)) {
            circuitRejects++;
            riskGate.tell(new RiskGate.NotSent(order.clOrdId(), order.instrumentId(), order.side(), true,
                    RejectReason.VENUE_CIRCUIT_OPEN, msg.strategy()));
            return this;
        } else if (breaker.isHalfOpen()) {
            probe = true;
            probeInFlight = true;
        }
        long now = System.nanoTime();
        if (order.originNs() != 0) {
            PlatformMetrics.record(metrics.tickToTrade, now - order.originNs());
        }
        Tracked tracked = new Tracked(order, msg.strategy(), now);
        tracked.probe = probe;
        orders.put(order.clOrdId(), tracked);
        try {
            adapter.submit(order);
        } catch (RuntimeException e) {
            orders.remove(order.clOrdId());
            venueFailure(tracked, e.toString());
            riskGate.tell(new RiskGate.NotSent(order.clOrdId(), order.instrumentId(), order.side(), true,
                    RejectReason.VENUE_UNAVAILABLE, msg.strategy()));
            return this;
        }
        ordersSent++;
        return this;
    }

    private void venueFailure(Tracked tracked, String what) {
        venueFailures++;
        if (tracked.probe) {
            probeInFlight = false;
        }
        breaker.fail();
        if (Long.bitCount(venueFailures) == 1) {
            getContext().getLog().warn("{}: venue failure #{}: {}", adapter.name(), venueFailures, what);
        }
    }

    /** An order the venue has not acknowledged within the call timeout counts as a venue failure, once. */
    private Behavior<Command> onSweepAcks() {
        long now = System.nanoTime();
        orders.forEach((id, tracked) -> {
            if (!tracked.acked && now - tracked.sentNs > callTimeoutNs) {
                tracked.acked = true; // counted once
                venueFailure(tracked, "no acknowledgement of " + id + " within the call timeout");
            }
        });
        return this;
    }

    private Behavior<Command> onCancelAll(CancelAll msg) {
        int[] sent = {0};
        orders.forEach((id, tracked) -> {
            if (covers(msg.scope(), msg.target(), tracked.order)) {
                adapter.cancel(new CancelOrder(id, tracked.order.strategyId(), tracked.order.instrumentId(),
                        System.nanoTime()));
                sent[0]++;
            }
        });
        msg.replyTo().tell(sent[0]);
        return this;
    }

    private Behavior<Command> onCancelById(CancelById msg) {
        Tracked tracked = orders.get(msg.clOrdId());
        if (tracked != null) {
            adapter.cancel(new CancelOrder(msg.clOrdId(), tracked.order.strategyId(), tracked.order.instrumentId(),
                    System.nanoTime()));
        }
        return this;
    }

    private boolean covers(RiskScope scope, String target, NewOrder order) {
        return switch (scope) {
            case GLOBAL -> true;
            case ACCOUNT -> order.account().equals(target);
            case STRATEGY -> order.strategyId().equals(target);
            case VENUE -> adapter.name().equals(target);
            case INSTRUMENT -> {
                String symbol = registry.get(order.instrumentId()).symbol();
                yield symbol.equals(target) || (adapter.name() + ":" + symbol).equals(target);
            }
        };
    }

    private Behavior<Command> onModify(Modify msg) {
        Tracked tracked = orders.get(msg.modify().clOrdId());
        if (tracked == null) {
            riskGate.tell(new RiskGate.NotSent(msg.modify().clOrdId(), msg.modify().instrumentId(),
                    Side.BUY, false, RejectReason.UNKNOWN_ORDER, msg.strategy()));
            return this;
        }
        if (msg.modify().originNs() != 0) {
            PlatformMetrics.record(metrics.tickToTrade, System.nanoTime() - msg.modify().originNs());
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
                PlatformMetrics.record(metrics.orderAck, System.nanoTime() - tracked.order.submitNs());
                tracked.acked = true;
                if (tracked.probe) {
                    probeInFlight = false;
                }
                breaker.succeed();
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
                if (report.reason() == RejectReason.VENUE_UNAVAILABLE) {
                    venueFailure(tracked, "venue unavailable");
                } else {
                    tracked.acked = true;
                }
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
                replaced, cancelRejects, orders.size(), unknownReports, lateCancelRejects, circuitRejects,
                venueFailures));
        return this;
    }
}
