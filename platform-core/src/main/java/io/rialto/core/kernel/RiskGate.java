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
import io.rialto.core.domain.TradingState;
import io.rialto.core.metrics.PlatformMetrics;
import io.rialto.core.spi.RiskCheck;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.dispatch.ControlMessage;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * Every order passes here before any venue sees it. Hosts the {@link RiskCheck} found through
 * ServiceLoader: new orders and modifies are checked and either forwarded to their venue's
 * {@link VenueSession} or refused back to the strategy with the reason; cancels always go through.
 * Execution reports come back through here so that positions move before the strategy hears of them.
 *
 * <p>Fails closed: when the engine throws, the order is rejected with {@code RISK_UNAVAILABLE}, the
 * failure is counted and logged, and the gate keeps serving (its positions are not lost to a restart).
 */
public final class RiskGate extends AbstractBehavior<RiskGate.Command> {

    public interface Command extends RialtoMessage {
    }

    public record Submit(NewOrder order, ActorRef<StrategyHost.Command> replyTo) implements Command {
    }

    public record Modify(ModifyOrder modify, ActorRef<StrategyHost.Command> replyTo) implements Command {
    }

    /** Cancels take the priority lane: reducing risk must never wait behind new orders. */
    public record Cancel(CancelOrder cancel, ActorRef<StrategyHost.Command> replyTo)
            implements Command, ControlMessage {
    }

    public record FromVenue(ExecutionReport report, ActorRef<StrategyHost.Command> strategy)
            implements Command, ControlMessage {
    }

    /** A checked order, modify or cancel could not be handed to its venue session (it was full). */
    public record NotSent(long clOrdId, int instrumentId, Side side, boolean isNewOrder, RejectReason reason,
                          ActorRef<StrategyHost.Command> strategy) implements Command, ControlMessage {
    }

    /**
     * The kill switch: halts the scope in the risk engine, then cancels every open order it covers on
     * every venue. Overtakes queued orders. Replies with the number of cancels sent.
     */
    public record KillSwitch(RiskScope scope, String target, String who, String reason,
                             ActorRef<KillSwitchDone> replyTo) implements Command, ControlMessage {
    }

    /** @param error {@code null} when the scope was halted and its orders cancelled */
    public record KillSwitchDone(RiskScope scope, String target, int cancelsSent, String error)
            implements RialtoMessage {
    }

    /** An operator sets a trading state (re-enabling after a kill switch, REDUCING, ...). */
    public record SetTradingState(RiskScope scope, String target, TradingState state, String who, String reason,
                                  ActorRef<Outcome> replyTo) implements Command, ControlMessage {
    }

    /** An operator changes a limit at run time ({@code path} relative to {@code rialto.risk}). */
    public record UpdateLimit(String path, String value, String who, ActorRef<Outcome> replyTo)
            implements Command, ControlMessage {
    }

    /** @param error {@code null} when applied, otherwise why not */
    public record Outcome(String error) implements RialtoMessage {
        public boolean ok() {
            return error == null;
        }
    }

    /** A venue's best bid and ask of an instrument changed (conflatable: ordinary lane). */
    public record MarketPrice(int instrumentId, long bidTicks, long askTicks) implements Command {
    }

    /** A trade printed on a venue (conflatable: ordinary lane). */
    /**
     * Reference prices gathered over one book-host message: best bid/ask changes ({@code quote*}, in order) and
     * trade prices ({@code trade*}, in order).
     */
    public record MarketPrices(int[] quoteIds, long[] bidTicks, long[] askTicks, int[] tradeIds,
                               long[] tradePriceTicks) implements Command {
    }

    public record MarketTradePrice(int instrumentId, long priceTicks) implements Command {
    }

    private record KillSwitchCancelled(KillSwitch request, int cancelsSent, Throwable failure) implements Command {
    }

    /** Midnight UTC: daily loss limits start again. */
    private enum DayRoll implements Command { INSTANCE }

    /** Sent once at start-up, before any order: the venue sessions, indexed by venue. */
    public record AttachVenues(List<ActorRef<VenueSession.Command>> venues) implements Command, ControlMessage {
    }

    public record GetStats(ActorRef<Stats> replyTo) implements Command {
    }

    /**
     * @param rejectsByReason new orders refused by the check, indexed by {@link RejectReason#ordinal()}
     * @param notSent         new orders accepted by the check that could not be handed to their venue
     */
    public record Stats(long checked, long accepted, long[] rejectsByReason, long notSent, long modifyRejects,
                        long reportsForwarded, long fillsApplied, long engineFailures,
                        List<RiskCheck.Position> positions)
            implements RialtoMessage {
        public long rejected() {
            long sum = 0;
            for (long r : rejectsByReason) {
                sum += r;
            }
            return sum;
        }
    }

    private final RiskCheck check;
    private final InstrumentRegistry registry;
    private final long checkTimeoutNs;
    private final LongSupplier clock;
    private final PlatformMetrics metrics;
    private List<ActorRef<VenueSession.Command>> venues = List.of();
    private long checked;
    private long accepted;
    private final long[] rejectsByReason = new long[RejectReason.values().length];
    private long notSent;
    private long modifyRejects;
    private long reportsForwarded;
    private long engineFailures;
    private long staleRejects;
    private long killSwitches;
    private long selfTradeCancels;

    /**
     * @param checkTimeout an order that reaches the gate later than this after its submission is rejected
     *                     with {@code RISK_UNAVAILABLE}: a stalled gate fails closed, it never sends stale orders
     */
    public static Behavior<Command> create(RiskCheck check, InstrumentRegistry registry, PlatformMetrics metrics,
                                           Duration checkTimeout) {
        return create(check, registry, metrics, checkTimeout, System::nanoTime);
    }

    /** With an injected nanosecond clock (the one strategies stamp {@code submitNs} with). */
    public static Behavior<Command> create(RiskCheck check, InstrumentRegistry registry, PlatformMetrics metrics,
                                           Duration checkTimeout, LongSupplier clock) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
            ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
            Duration untilMidnight = Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay(ZoneOffset.UTC));
            timers.startTimerAtFixedRate(DayRoll.INSTANCE, untilMidnight, Duration.ofDays(1));
            return new RiskGate(ctx, check, registry, metrics, checkTimeout, clock);
        }));
    }

    private RiskGate(ActorContext<Command> ctx, RiskCheck check, InstrumentRegistry registry,
                     PlatformMetrics metrics, Duration checkTimeout, LongSupplier clock) {
        super(ctx);
        this.clock = clock;
        this.check = check;
        this.registry = registry;
        this.metrics = metrics;
        this.checkTimeoutNs = checkTimeout.toNanos();
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Submit.class, this::onSubmit)
                .onMessage(Modify.class, this::onModify)
                .onMessage(Cancel.class, this::onCancel)
                .onMessage(FromVenue.class, this::onFromVenue)
                .onMessage(NotSent.class, this::onNotSent)
                .onMessage(AttachVenues.class, this::onAttachVenues)
                .onMessage(KillSwitch.class, this::onKillSwitch)
                .onMessage(KillSwitchCancelled.class, this::onKillSwitchCancelled)
                .onMessage(SetTradingState.class, this::onSetTradingState)
                .onMessage(UpdateLimit.class, this::onUpdateLimit)
                .onMessage(MarketPrice.class, this::onMarketPrice)
                .onMessage(MarketTradePrice.class, this::onMarketTradePrice)
                .onMessage(MarketPrices.class, this::onMarketPrices)
                .onMessageEquals(DayRoll.INSTANCE, this::onDayRoll)
                .onMessage(GetStats.class, this::onGetStats)
                .build();
    }

    private Behavior<Command> onAttachVenues(AttachVenues msg) {
        venues = List.copyOf(msg.venues());
        return this;
    }

    private Behavior<Command> onSubmit(Submit msg) {
        NewOrder order = msg.order();
        long start = System.nanoTime();
        RejectReason reason;
        if (clock.getAsLong() - order.submitNs() > checkTimeoutNs) {
            reason = RejectReason.RISK_UNAVAILABLE; // waited too long for the gate: fail closed, never send late
            staleRejects++;
        } else {
            try {
                reason = check.checkNew(order);
            } catch (RuntimeException e) { // fail closed: a check that cannot complete rejects
                reason = RejectReason.RISK_UNAVAILABLE;
                engineFailure("checkNew", e);
            }
        }
        PlatformMetrics.record(metrics.riskCheck, System.nanoTime() - start);
        checked++;
        if (reason == RejectReason.NONE) {
            accepted++;
            ActorRef<VenueSession.Command> venue = venueOf(order.instrumentId());
            for (int i = 0; i < check.selfTradeCancelCount(); i++) {
                // resting orders of the same account that this one would cross: cancelled first (priority lane)
                venue.tell(new VenueSession.CancelById(check.selfTradeCancel(i)));
                selfTradeCancels++;
            }
            venue.tell(new VenueSession.Submit(order, msg.replyTo()));
        } else {
            rejectsByReason[reason.ordinal()]++;
            msg.replyTo().tell(new StrategyHost.OrderEvent(ExecutionReport.rejected(order.clOrdId(),
                    order.instrumentId(), order.side(), reason, wallNanos())));
        }
        return this;
    }

    private Behavior<Command> onModify(Modify msg) {
        ModifyOrder modify = msg.modify();
        RejectReason reason;
        try {
            reason = check.checkModify(modify);
        } catch (RuntimeException e) {
            reason = RejectReason.RISK_UNAVAILABLE;
            engineFailure("checkModify", e);
        }
        if (reason == RejectReason.NONE) {
            venueOf(modify.instrumentId()).tell(new VenueSession.Modify(modify, msg.replyTo()));
        } else {
            modifyRejects++;
            msg.replyTo().tell(new StrategyHost.OrderEvent(ExecutionReport.cancelRejected(modify.clOrdId(),
                    modify.instrumentId(), Side.BUY, -1, reason, wallNanos())));
        }
        return this;
    }

    private Behavior<Command> onCancel(Cancel msg) {
        RejectReason reason;
        try {
            reason = check.checkCancel(msg.cancel());
        } catch (RuntimeException e) {
            reason = RejectReason.NONE; // a cancel only reduces risk: it is never refused for a failed check
            engineFailure("checkCancel", e);
        }
        if (reason == RejectReason.NONE) {
            venueOf(msg.cancel().instrumentId()).tell(new VenueSession.Cancel(msg.cancel(), msg.replyTo()));
        } else {
            msg.replyTo().tell(new StrategyHost.OrderEvent(ExecutionReport.cancelRejected(msg.cancel().clOrdId(),
                    msg.cancel().instrumentId(), Side.BUY, -1, reason, wallNanos())));
        }
        return this;
    }

    private Behavior<Command> onKillSwitch(KillSwitch msg) {
        String error = check.setTradingState(msg.scope(), msg.target(), TradingState.HALTED);
        if (error != null) {
            getContext().getLog().error("KILL SWITCH by {} on {} {} could not halt risk: {}", msg.who(), msg.scope(),
                    msg.target(), error);
        }
        getContext().getLog().warn("KILL SWITCH pulled by {} on {} {}: {}; cancelling every open order in scope",
                msg.who(), msg.scope(), msg.target() == null ? "" : msg.target(), msg.reason());
        List<CompletableFuture<Integer>> cancels = new java.util.ArrayList<>();
        for (ActorRef<VenueSession.Command> venue : venues) {
            cancels.add(AskPattern.<VenueSession.Command, Integer>ask(venue,
                    replyTo -> new VenueSession.CancelAll(msg.scope(), msg.target(), replyTo),
                    Duration.ofSeconds(10), getContext().getSystem().scheduler()).toCompletableFuture());
        }
        CompletableFuture<Integer> total = CompletableFuture.allOf(cancels.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> cancels.stream().mapToInt(CompletableFuture::join).sum());
        getContext().pipeToSelf(total, (sent, failure) -> new KillSwitchCancelled(msg, sent == null ? 0 : sent,
                failure));
        killSwitches++;
        return this;
    }

    private Behavior<Command> onKillSwitchCancelled(KillSwitchCancelled done) {
        KillSwitch msg = done.request();
        String error = done.failure() == null ? null : "cancelling failed: " + done.failure();
        getContext().getLog().warn("KILL SWITCH on {} {}: {} cancels sent{}", msg.scope(),
                msg.target() == null ? "" : msg.target(), done.cancelsSent(), error == null ? "" : "; " + error);
        msg.replyTo().tell(new KillSwitchDone(msg.scope(), msg.target(), done.cancelsSent(), error));
        return this;
    }

    private Behavior<Command> onSetTradingState(SetTradingState msg) {
        String error = check.setTradingState(msg.scope(), msg.target(), msg.state());
        getContext().getLog().warn("trading state of {} {} set to {} by {} ({}): {}", msg.scope(),
                msg.target() == null ? "" : msg.target(), msg.state(), msg.who(), msg.reason(),
                error == null ? "applied" : "refused: " + error);
        msg.replyTo().tell(new Outcome(error));
        return this;
    }

    private Behavior<Command> onUpdateLimit(UpdateLimit msg) {
        String error = check.updateLimit(msg.path(), msg.value());
        getContext().getLog().warn("risk limit {} = {} set by {}: {}", msg.path(), msg.value(), msg.who(),
                error == null ? "applied" : "refused: " + error);
        msg.replyTo().tell(new Outcome(error));
        return this;
    }

    private Behavior<Command> onDayRoll() {
        getContext().getLog().info("new trading day: daily loss limits reset");
        check.startDay();
        return this;
    }

    private Behavior<Command> onMarketPrice(MarketPrice msg) {
        check.onMarketPrice(msg.instrumentId(), msg.bidTicks(), msg.askTicks());
        return this;
    }

    private Behavior<Command> onMarketPrices(MarketPrices msg) {
        for (int i = 0; i < msg.quoteIds().length; i++) {
            check.onMarketPrice(msg.quoteIds()[i], msg.bidTicks()[i], msg.askTicks()[i]);
        }
        for (int i = 0; i < msg.tradeIds().length; i++) {
            check.onMarketTrade(msg.tradeIds()[i], msg.tradePriceTicks()[i]);
        }
        return this;
    }

    private Behavior<Command> onMarketTradePrice(MarketTradePrice msg) {
        check.onMarketTrade(msg.instrumentId(), msg.priceTicks());
        return this;
    }

    private Behavior<Command> onFromVenue(FromVenue msg) {
        ExecutionReport report = msg.report();
        try {
            check.onExecution(report);
        } catch (RuntimeException e) { // the report still reaches the strategy; the failure is counted
            engineFailure("onExecution", e);
        }
        if (report.execType() == ExecType.TRADE) {
            metrics.fills.increment();
        }
        reportsForwarded++;
        msg.strategy().tell(new StrategyHost.OrderEvent(report));
        return this;
    }

    private Behavior<Command> onNotSent(NotSent msg) {
        ExecutionReport report;
        if (msg.isNewOrder()) {
            notSent++;
            try {
                check.onNotSent(msg.clOrdId());
            } catch (RuntimeException e) {
                engineFailure("onNotSent", e);
            }
            report = ExecutionReport.rejected(msg.clOrdId(), msg.instrumentId(), msg.side(), msg.reason(), wallNanos());
        } else {
            report = ExecutionReport.cancelRejected(msg.clOrdId(), msg.instrumentId(), msg.side(), -1, msg.reason(),
                    wallNanos());
        }
        msg.strategy().tell(new StrategyHost.OrderEvent(report));
        return this;
    }

    private Behavior<Command> onGetStats(GetStats msg) {
        msg.replyTo().tell(new Stats(checked, accepted, rejectsByReason.clone(), notSent, modifyRejects,
                reportsForwarded, check.fillsApplied(), engineFailures, check.positions()));
        return this;
    }

    private void engineFailure(String call, RuntimeException e) {
        engineFailures++;
        getContext().getLog().error("risk engine failed in {} (failure #{})", call, engineFailures, e);
    }

    private ActorRef<VenueSession.Command> venueOf(int instrumentId) {
        return venues.get(registry.get(instrumentId).venueIndex());
    }

    static long wallNanos() {
        return System.currentTimeMillis() * 1_000_000L;
    }
}
