package io.rialto.core.kernel;

import io.rialto.core.domain.CancelOrder;
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
import io.rialto.core.spi.VenueOrder;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.BehaviorBuilder;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.dispatch.ControlMessage;
import org.apache.pekko.pattern.CircuitBreaker;
import org.slf4j.Logger;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Owns one venue connection through its {@link VenueAdapter}: sends checked orders, cancels and modifies to
 * it, and routes the adapter's execution reports back through the {@link RiskGate} to the strategy that owns
 * each order. A state machine:
 *
 * <pre>
 *   connecting ──connected──▶ connected ──connection lost──▶ reconnecting ──reconnect succeeded──▶ connected
 *                                                               ▲     │ attempt failed: back off
 *                                                               └─────┘ (initial x multiplier^n, capped, jittered)
 * </pre>
 * While not connected, new orders are rejected {@code VENUE_UNAVAILABLE}, cancels are kept and sent once the
 * order is reconciled, and modifies are not sent (the reconciliation settles the order). On a lost connection
 * every live order becomes UNKNOWN (strategies see {@code CONNECTION_LOST}); after reconnecting, and every
 * {@code reconcile-interval} while connected, the session reconciles with the venue's order queries under the
 * rules of {@link SessionOrders}, which also keeps duplicate, stale and out-of-sequence reports from risk.
 *
 * <p>A Pekko {@link CircuitBreaker} guards the venue: an adapter call that throws, a rejection for
 * {@code VENUE_UNAVAILABLE}, or an order not acknowledged within the call timeout counts as a failure;
 * {@code max-failures} in a row open the breaker and new orders are rejected at once with
 * {@code VENUE_CIRCUIT_OPEN}; after the reset timeout one order may probe, and its acknowledgement closes it.
 * The kill switch's {@link CancelAll} cancels every open order of its scope. The session also watches the
 * venue's market-data feed ({@link FeedWatch}) and logs and counts a stale one.
 */
public final class VenueSession {

    public interface Command extends RialtoMessage {
    }

    public record Submit(NewOrder order, ActorRef<StrategyHost.Command> strategy) implements Command {
    }

    public record Modify(ModifyOrder modify, ActorRef<StrategyHost.Command> strategy)
            implements Command {
    }

    public record Cancel(CancelOrder cancel, ActorRef<StrategyHost.Command> strategy)
            implements Command, ControlMessage {
    }

    /** Cancel every open order in the scope (the kill switch); replies with the number of cancels sent. */
    public record CancelAll(RiskScope scope, String target, ActorRef<Integer> replyTo)
            implements Command, ControlMessage {
    }

    /** Cancel one order by id (self-trade prevention cancelling the resting side); never refused by risk. */
    public record CancelById(long clOrdId) implements Command, ControlMessage {
    }

    /** Circuit-breaker settings: {@code maxFailures} failures open it; {@code resetTimeout} later it half-opens. */
    public record BreakerSettings(int maxFailures, Duration callTimeout, Duration resetTimeout) {
    }

    public record GetStats(ActorRef<Stats> replyTo) implements Command {
    }

    /** Counts as the venue session saw them; {@code open} orders are live at the venue (or UNKNOWN). */
    public record Stats(String venue, long ordersSent, long acks, long rejects, long fills, long filledOrders,
                        long canceled, long replaced, long cancelRejects, long open, long unknownReports,
                        long lateCancelRejects, long circuitRejects, long venueFailures, Faults faults)
            implements RialtoMessage {
    }

    /**
     * What went wrong with the venue and what the session did about it.
     *
     * @param state                 connecting, connected or reconnecting, at the time of the reply
     * @param disconnectedRejects   new orders rejected {@code VENUE_UNAVAILABLE} while not connected
     * @param unknownOrders         live orders UNKNOWN now (lost to a disconnect, not reconciled yet)
     * @param recoveredReports      reports the live stream lost, recovered from the venue's history
     * @param duplicateReports      reports that came twice (same exec id), passed on once
     * @param staleReports          reports for orders that had ended here, not passed on
     * @param outOfSequenceReports  reports that showed a lost one (held back; recovered by reconciling)
     * @param reAcks                UNKNOWN orders the venue still had, re-acknowledged
     * @param forcedEnds            outcomes decided without the venue's report (never received, request lost)
     * @param orphans               orders open at the venue that this session does not know
     * @param unresolved            orders the venue could not account for (left as they were)
     * @param feedReconnects        times the feed lost its connection and reconnected ({@link VenueAdapter#feedReconnects})
     * @param feedStale             the feed is stale now
     * @param feedStaleMs           time the feed has spent stale, the current stale period included
     */
    public record Faults(String state, long disconnects, long reconnects, long reconnectFailures,
                         long disconnectedRejects, long unknownOrders, long reconciliations, long reconcileFailures,
                         long recoveredReports, long duplicateReports, long staleReports, long outOfSequenceReports,
                         long reAcks, long forcedEnds, long orphans, long unresolved, long feedStalls,
                         long feedReconnects, boolean feedStale, long feedStaleMs) implements RialtoMessage {
    }

    private record AdapterReport(ExecutionReport report) implements Command, ControlMessage {
    }

    private enum Connected implements Command, ControlMessage { INSTANCE }

    private record ConnectionLost(String reason) implements Command, ControlMessage {
    }

    private enum Reconnect implements Command { INSTANCE }

    private record Reconnected(int epoch, Throwable failure) implements Command, ControlMessage {
    }

    private enum Tick implements Command { INSTANCE }

    private enum ReconcileNow implements Command { INSTANCE }

    private record OpenOrdersAnswer(int epoch, long startNs, List<VenueOrder> orders, Throwable failure)
            implements Command, ControlMessage {
    }

    private record StatusAnswer(int epoch, long[] asked, List<VenueOrder> orders, Throwable failure)
            implements Command, ControlMessage {
    }

    private final ActorContext<Command> ctx;
    private final TimerScheduler<Command> timers;
    private final VenueAdapter adapter;
    private final InstrumentRegistry registry;
    private final ActorRef<RiskGate.Command> riskGate;
    private final ActorRef<FillJournal.Command> journal;
    private final PlatformMetrics metrics;
    private final VenueSessionSettings settings;
    private final FeedWatch feed;
    private final SessionOrders<ActorRef<StrategyHost.Command>> orders;
    private final ReconnectBackoff backoff;
    private final CircuitBreaker breaker;
    private final long callTimeoutNs;
    private final Logger log;
    private final String venue;

    private String state = "connecting";
    private int epoch;
    private boolean probeInFlight;
    private boolean reconcileInFlight;
    private boolean reconcileAgain;
    private long lastReconcileNs;

    private long ordersSent;
    private long circuitRejects;
    private long venueFailures;
    private long disconnects;
    private long reconnects;
    private long reconnectFailures;
    private long disconnectedRejects;
    private long reconciliations;
    private long reconcileFailures;

    /**
     * @param journal where fills are written, or {@code null} for none
     * @param feed    stamped by the venue's market-data stream
     */
    public static Behavior<Command> create(VenueAdapter adapter, InstrumentRegistry registry,
                                           ActorRef<RiskGate.Command> riskGate,
                                           ActorRef<FillJournal.Command> journal, PlatformMetrics metrics,
                                           VenueSessionSettings settings, FeedWatch feed) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new VenueSession(ctx, timers, adapter, registry,
                riskGate, journal, metrics, settings, feed).connecting()));
    }

    private VenueSession(ActorContext<Command> ctx, TimerScheduler<Command> timers, VenueAdapter adapter,
                         InstrumentRegistry registry, ActorRef<RiskGate.Command> riskGate,
                         ActorRef<FillJournal.Command> journal, PlatformMetrics metrics,
                         VenueSessionSettings settings, FeedWatch feed) {
        this.ctx = ctx;
        this.timers = timers;
        this.adapter = adapter;
        this.registry = registry;
        this.riskGate = riskGate;
        this.journal = journal;
        this.metrics = metrics;
        this.settings = settings;
        this.feed = feed;
        this.venue = adapter.name();
        this.log = ctx.getLog();
        BreakerSettings b = settings.breaker();
        this.callTimeoutNs = b.callTimeout().toNanos();
        this.orders = new SessionOrders<>(settings.endedOrderMemory(), adapter.supportsOrderQueries(), this::forward,
                RiskGate::wallNanos);
        this.backoff = new ReconnectBackoff(settings, venue.hashCode());
        this.breaker = CircuitBreaker.create(Adapter.toClassic(ctx.getSystem()).scheduler(), b.maxFailures(),
                b.callTimeout(), b.resetTimeout());
        breaker.addOnOpenListener(() -> log.warn("{}: circuit breaker OPEN: orders to it are rejected", venue));
        breaker.addOnHalfOpenListener(() -> log.info("{}: circuit breaker half-open: one order may probe", venue));
        breaker.addOnCloseListener(() -> log.info("{}: circuit breaker closed", venue));
        long tickNs = Math.min(Math.min(callTimeoutNs / 2, settings.feedStaleAfter().toNanos() / 4),
                settings.reconcileInterval().toNanos() / 2);
        timers.startTimerWithFixedDelay(Tick.INSTANCE, Duration.ofNanos(Math.max(tickNs, 10_000_000)));
    }

    /**
     * Connects the adapter so that its execution reports and a lost connection come to {@code session}. Called
     * by the platform once, before the session receives any order and before the feed is materialized.
     */
    public static void connect(VenueAdapter adapter, ActorSystem<?> system, InstrumentRegistry registry,
                               int venueIndex, ActorRef<Command> session) {
        adapter.connect(new VenueContext(system, registry, venueIndex,
                report -> session.tell(new AdapterReport(report)),
                reason -> session.tell(new ConnectionLost(reason))));
        session.tell(Connected.INSTANCE);
    }

    // ---- states ------------------------------------------------------------------------------------------

    private Behavior<Command> connecting() {
        state = "connecting";
        return common(disconnected(Behaviors.receive(Command.class))
                .onMessageEquals(Connected.INSTANCE, this::onConnected)
                .onMessage(ConnectionLost.class, this::onConnectionLost))
                .build();
    }

    private Behavior<Command> connected() {
        state = "connected";
        return common(Behaviors.receive(Command.class)
                .onMessage(Submit.class, this::onSubmit)
                .onMessage(Modify.class, this::onModify)
                .onMessage(Cancel.class, this::onCancel)
                .onMessage(CancelAll.class, this::onCancelAll)
                .onMessage(CancelById.class, this::onCancelById)
                .onMessage(ConnectionLost.class, this::onConnectionLost)
                .onMessageEquals(ReconcileNow.INSTANCE, this::onReconcileNow)
                .onMessage(OpenOrdersAnswer.class, this::onOpenOrdersAnswer)
                .onMessage(StatusAnswer.class, this::onStatusAnswer))
                .build();
    }

    private Behavior<Command> reconnecting() {
        state = "reconnecting";
        return common(disconnected(Behaviors.receive(Command.class))
                .onMessageEquals(Reconnect.INSTANCE, this::onReconnect)
                .onMessage(Reconnected.class, this::onReconnected))
                .build();
    }

    /** Order entry while not connected: new orders rejected, cancels kept, modifies not sent. */
    private BehaviorBuilder<Command> disconnected(BehaviorBuilder<Command> b) {
        return b.onMessage(Submit.class, this::rejectNotConnected)
                .onMessage(Modify.class, this::holdModify)
                .onMessage(Cancel.class, msg -> holdCancel(msg.cancel().clOrdId(), msg.cancel().instrumentId(),
                        msg.strategy()))
                .onMessage(CancelAll.class, this::holdCancelAll)
                .onMessage(CancelById.class, msg -> holdCancel(msg.clOrdId(), -1, null));
    }

    /**
     * What every state handles the same way, added after a state's own handlers (the first match wins):
     * reports, the timer, stats; lifecycle messages and answers a state does not expect are ignored.
     */
    private BehaviorBuilder<Command> common(BehaviorBuilder<Command> b) {
        return b.onMessage(AdapterReport.class, this::onAdapterReport)
                .onMessageEquals(Tick.INSTANCE, this::onTick)
                .onMessage(GetStats.class, this::onGetStats)
                .onMessage(ConnectionLost.class, msg -> Behaviors.same())
                .onMessage(Reconnected.class, msg -> Behaviors.same())
                .onMessageEquals(Reconnect.INSTANCE, Behaviors::same)
                .onMessageEquals(ReconcileNow.INSTANCE, Behaviors::same)
                .onMessage(OpenOrdersAnswer.class, msg -> Behaviors.same())
                .onMessage(StatusAnswer.class, msg -> Behaviors.same());
    }

    // ---- connection lifecycle ----------------------------------------------------------------------------

    private Behavior<Command> onConnected() {
        log.info("{}: connected", venue);
        return connected();
    }

    private Behavior<Command> onConnectionLost(ConnectionLost msg) {
        disconnects++;
        epoch++;
        reconcileInFlight = false;
        reconcileAgain = false;
        probeInFlight = false;
        int unknown = orders.connectionLost();
        log.warn("{}: connection lost ({}); {} live orders UNKNOWN until reconciled{}; reconnecting", venue,
                msg.reason(), unknown, adapter.cancelsOnDisconnect() ? " (the venue cancels them on disconnect)" : "");
        scheduleReconnect();
        return reconnecting();
    }

    private void scheduleReconnect() {
        timers.startSingleTimer(Reconnect.INSTANCE, Duration.ofNanos(backoff.nextDelayNs()));
    }

    private Behavior<Command> onReconnect() {
        int e = epoch;
        ctx.pipeToSelf(call(adapter::reconnect), (done, failure) -> new Reconnected(e, failure));
        return Behaviors.same();
    }

    private Behavior<Command> onReconnected(Reconnected msg) {
        if (msg.epoch() != epoch) {
            return Behaviors.same();
        }
        if (msg.failure() != null) {
            reconnectFailures++;
            if (Long.bitCount(reconnectFailures) == 1) {
                log.warn("{}: reconnect attempt {} failed: {}", venue, backoff.attempts(), msg.failure().toString());
            }
            scheduleReconnect();
            return Behaviors.same();
        }
        reconnects++;
        log.info("{}: reconnected after {} attempt(s); reconciling {} orders", venue, backoff.attempts(),
                orders.size());
        backoff.reset();
        if (!adapter.supportsOrderQueries()) {
            int n = adapter.cancelsOnDisconnect() ? orders.cancelUnknown() : 0;
            if (orders.unknownCount() > 0) {
                log.error("{}: {} orders stay UNKNOWN: the venue answers no order queries", venue,
                        orders.unknownCount());
            } else if (n > 0) {
                log.info("{}: {} orders reported cancelled (the venue cancels on disconnect)", venue, n);
            }
        }
        Behavior<Command> next = connected();
        startReconcile();
        return next;
    }

    // ---- orders ------------------------------------------------------------------------------------------

    private Behavior<Command> rejectNotConnected(Submit msg) {
        disconnectedRejects++;
        notSent(msg.order(), RejectReason.VENUE_UNAVAILABLE, msg.strategy());
        return Behaviors.same();
    }

    private void notSent(NewOrder order, RejectReason reason, ActorRef<StrategyHost.Command> strategy) {
        riskGate.tell(new RiskGate.NotSent(order.clOrdId(), order.instrumentId(), order.side(), true, reason,
                strategy));
    }

    private Behavior<Command> onSubmit(Submit msg) {
        NewOrder order = msg.order();
        if (orders.contains(order.clOrdId())) {
            notSent(order, RejectReason.DUPLICATE_ID, msg.strategy());
            return Behaviors.same();
        }
        boolean probe = false;
        if (breaker.isOpen() || (breaker.isHalfOpen() && probeInFlight)) {
            circuitRejects++;
            notSent(order, RejectReason.VENUE_CIRCUIT_OPEN, msg.strategy());
            return Behaviors.same();
        } else if (breaker.isHalfOpen()) {
            probe = true;
            probeInFlight = true;
        }
        long now = System.nanoTime();
        if (order.originNs() != 0) {
            PlatformMetrics.record(metrics.tickToTrade, now - order.originNs());
        }
        SessionOrders.SessionOrder<ActorRef<StrategyHost.Command>> tracked = orders.add(order, msg.strategy(), now);
        tracked.probe = probe;
        try {
            adapter.submit(order);
        } catch (RuntimeException e) {
            orders.remove(order.clOrdId());
            venueFailure(tracked, e.toString());
            notSent(order, RejectReason.VENUE_UNAVAILABLE, msg.strategy());
            return Behaviors.same();
        }
        ordersSent++;
        return Behaviors.same();
    }

    private void venueFailure(SessionOrders.SessionOrder<?> tracked, String what) {
        venueFailures++;
        if (tracked.probe) {
            probeInFlight = false;
        }
        breaker.fail();
        if (Long.bitCount(venueFailures) == 1) {
            log.warn("{}: venue failure #{}: {}", venue, venueFailures, what);
        }
    }

    private Behavior<Command> onModify(Modify msg) {
        var tracked = orders.get(msg.modify().clOrdId());
        if (tracked == null) {
            unknownOrder(msg.modify().clOrdId(), msg.modify().instrumentId(), msg.strategy());
            return Behaviors.same();
        }
        if (msg.modify().originNs() != 0) {
            PlatformMetrics.record(metrics.tickToTrade, System.nanoTime() - msg.modify().originNs());
        }
        tracked.state.replaceRequested();
        tracked.requestNs = System.nanoTime();
        adapter.modify(msg.modify());
        return Behaviors.same();
    }

    private void unknownOrder(long clOrdId, int instrumentId, ActorRef<StrategyHost.Command> strategy) {
        riskGate.tell(new RiskGate.NotSent(clOrdId, instrumentId, Side.BUY, false,
                RejectReason.UNKNOWN_ORDER, strategy));
    }

    private Behavior<Command> onCancel(Cancel msg) {
        var tracked = orders.get(msg.cancel().clOrdId());
        if (tracked == null) {
            unknownOrder(msg.cancel().clOrdId(), msg.cancel().instrumentId(), msg.strategy());
            return Behaviors.same();
        }
        sendCancel(tracked);
        return Behaviors.same();
    }

    /** The strategy's cancel: the order's mirror waits for the answer, which goes back to the strategy. */
    private void sendCancel(SessionOrders.SessionOrder<?> tracked) {
        tracked.state.cancelRequested();
        tracked.requestNs = System.nanoTime();
        cancelAtVenue(tracked.order);
    }

    /** The platform's cancel (kill switch, self-trade prevention, one kept while disconnected): repeated until done. */
    private void platformCancel(SessionOrders.SessionOrder<?> tracked) {
        tracked.cancelWanted = true;
        tracked.platformCancelNs = System.nanoTime();
        cancelAtVenue(tracked.order);
    }

    private void cancelAtVenue(NewOrder o) {
        adapter.cancel(new CancelOrder(o.clOrdId(), o.strategyId(), o.instrumentId(), System.nanoTime()));
    }

    private Behavior<Command> onCancelAll(CancelAll msg) {
        int[] sent = {0};
        orders.all().forEach((id, tracked) -> {
            if (covers(msg.scope(), msg.target(), tracked.order)) {
                platformCancel(tracked);
                sent[0]++;
            }
        });
        msg.replyTo().tell(sent[0]);
        return Behaviors.same();
    }

    private Behavior<Command> onCancelById(CancelById msg) {
        var tracked = orders.get(msg.clOrdId());
        if (tracked != null) {
            platformCancel(tracked);
        }
        return Behaviors.same();
    }

    /** Not connected: the modify is not sent; the order's reconciliation after reconnecting settles it. */
    private Behavior<Command> holdModify(Modify msg) {
        if (!orders.contains(msg.modify().clOrdId())) {
            unknownOrder(msg.modify().clOrdId(), msg.modify().instrumentId(), msg.strategy());
        }
        return Behaviors.same();
    }

    /** Not connected: the cancel is kept and sent once the order is reconciled (if it is still open then). */
    private Behavior<Command> holdCancel(long clOrdId, int instrumentId, ActorRef<StrategyHost.Command> strategy) {
        var tracked = orders.get(clOrdId);
        if (tracked != null) {
            tracked.cancelWanted = true;
        } else if (strategy != null) {
            unknownOrder(clOrdId, instrumentId, strategy);
        }
        return Behaviors.same();
    }

    private Behavior<Command> holdCancelAll(CancelAll msg) {
        int[] kept = {0};
        orders.all().forEach((id, tracked) -> {
            if (covers(msg.scope(), msg.target(), tracked.order)) {
                tracked.cancelWanted = true;
                kept[0]++;
            }
        });
        msg.replyTo().tell(kept[0]);
        return Behaviors.same();
    }

    private boolean covers(RiskScope scope, String target, NewOrder order) {
        return switch (scope) {
            case GLOBAL -> true;
            case ACCOUNT -> order.account().equals(target);
            case STRATEGY -> order.strategyId().equals(target);
            case VENUE -> venue.equals(target);
            case INSTRUMENT -> {
                String symbol = registry.get(order.instrumentId()).symbol();
                yield symbol.equals(target) || (venue + ":" + symbol).equals(target);
            }
        };
    }

    // ---- reports -----------------------------------------------------------------------------------------

    private Behavior<Command> onAdapterReport(AdapterReport msg) {
        ExecutionReport report = msg.report();
        switch (orders.onReport(report)) {
            case OUT_OF_SEQUENCE -> startReconcile();
            case UNKNOWN -> {
                if (Long.bitCount(orders.unknownReports) == 1) {
                    log.warn("{}: report for no order of ours (#{}): {}", venue, orders.unknownReports, report);
                }
            }
            default -> {
                // forwarded, or a duplicate / stale / late report, counted
            }
        }
        return Behaviors.same();
    }

    /** A report that passed {@link SessionOrders}: positions move first (risk), then the strategy hears of it. */
    private void forward(ExecutionReport report, SessionOrders.SessionOrder<ActorRef<StrategyHost.Command>> tracked,
                         boolean live) {
        switch (report.execType()) {
            case NEW -> {
                if (live) {
                    PlatformMetrics.record(metrics.orderAck, System.nanoTime() - tracked.order.submitNs());
                }
                if (live || report.execId() != 0) {
                    if (tracked.probe) {
                        probeInFlight = false;
                    }
                    breaker.succeed();
                }
                tracked.acked = true;
            }
            case TRADE -> {
                if (journal != null) {
                    journal.tell(new FillJournal.Fill(report, tracked.order.strategyId(), tracked.order.account()));
                }
            }
            case REJECTED -> {
                if (live && report.reason() == RejectReason.VENUE_UNAVAILABLE) {
                    venueFailure(tracked, "venue unavailable");
                } else {
                    tracked.acked = true;
                }
            }
            default -> {
                // nothing else to do here
            }
        }
        riskGate.tell(new RiskGate.FromVenue(report, tracked.owner));
    }

    // ---- reconciliation ----------------------------------------------------------------------------------

    private Behavior<Command> onTick() {
        long now = System.nanoTime();
        checkFeed(now);
        if (!state.equals("connected")) {
            return Behaviors.same();
        }
        boolean[] doubt = {false};
        orders.all().forEach((id, tracked) -> {
            if (!tracked.acked && now - tracked.sentNs > callTimeoutNs) {
                tracked.acked = true; // counted once
                venueFailure(tracked, "no acknowledgement of " + id + " within the call timeout");
                doubt[0] = true;
            }
            if (tracked.requestNs != 0 && now - tracked.requestNs > callTimeoutNs) {
                doubt[0] = true;
            }
        });
        if (doubt[0] || now - lastReconcileNs > settings.reconcileInterval().toNanos()) {
            startReconcile();
        }
        return Behaviors.same();
    }

    private Behavior<Command> onReconcileNow() {
        startReconcile();
        return Behaviors.same();
    }

    /** Asks the venue for its open orders, unless a reconciliation is under way (then once more after it). */
    private void startReconcile() {
        if (!adapter.supportsOrderQueries() || !state.equals("connected")) {
            return;
        }
        if (reconcileInFlight) {
            reconcileAgain = true;
            return;
        }
        reconcileInFlight = true;
        reconciliations++;
        long start = System.nanoTime();
        lastReconcileNs = start;
        int e = epoch;
        ctx.pipeToSelf(call(adapter::openOrders), (list, failure) -> new OpenOrdersAnswer(e, start, list, failure));
    }

    private Behavior<Command> onOpenOrdersAnswer(OpenOrdersAnswer msg) {
        if (msg.epoch() != epoch) {
            return Behaviors.same();
        }
        if (msg.failure() != null) {
            return reconcileFailed(msg.failure());
        }
        long[] ask = orders.reconcileOpen(msg.orders(), msg.startNs(), System.nanoTime(), callTimeoutNs,
                this::platformCancel);
        if (ask.length == 0) {
            return reconcileDone();
        }
        int e = epoch;
        ctx.pipeToSelf(call(() -> adapter.orderStatus(ask)), (list, failure) -> new StatusAnswer(e, ask, list,
                failure));
        return Behaviors.same();
    }

    private Behavior<Command> onStatusAnswer(StatusAnswer msg) {
        if (msg.epoch() != epoch) {
            return Behaviors.same();
        }
        if (msg.failure() != null) {
            return reconcileFailed(msg.failure());
        }
        orders.reconcileStatus(msg.asked(), msg.orders(), System.nanoTime(), callTimeoutNs, this::platformCancel);
        return reconcileDone();
    }

    private Behavior<Command> reconcileFailed(Throwable failure) {
        reconcileFailures++;
        if (Long.bitCount(reconcileFailures) == 1) {
            log.warn("{}: order query failed (#{}): {}", venue, reconcileFailures, failure.toString());
        }
        return reconcileDone();
    }

    private Behavior<Command> reconcileDone() {
        reconcileInFlight = false;
        if (reconcileAgain) {
            reconcileAgain = false;
            ctx.getSelf().tell(ReconcileNow.INSTANCE);
        }
        return Behaviors.same();
    }

    /** Calls the adapter; a call that throws or takes longer than the call timeout is a failed future. */
    private <T> CompletionStage<T> call(Supplier<CompletionStage<T>> adapterCall) {
        try {
            return adapterCall.get().toCompletableFuture().orTimeout(callTimeoutNs, TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    // ---- feed --------------------------------------------------------------------------------------------

    private void checkFeed(long now) {
        switch (feed.check(now, settings.feedStaleAfter().toNanos())) {
            case FeedWatch.WENT_STALE -> log.warn("{}: no market data for {} ms: feed stale (#{})", venue,
                    feed.silentNs(now) / 1_000_000, feed.stalls());
            case FeedWatch.RECOVERED -> log.info("{}: market data again after {} ms", venue,
                    feed.lastPeriodNs() / 1_000_000);
            default -> {
                // still alive, or still stale
            }
        }
    }

    private Behavior<Command> onGetStats(GetStats msg) {
        Faults faults = new Faults(state, disconnects, reconnects, reconnectFailures, disconnectedRejects,
                orders.unknownCount(), reconciliations, reconcileFailures, orders.recovered, orders.duplicates,
                orders.stale, orders.outOfSequence, orders.reAcks, orders.forcedEnds, orders.orphans,
                orders.unresolved, feed.stalls(), adapter.feedReconnects(), feed.stale(), feed.staleNs(System.nanoTime()) / 1_000_000);
        msg.replyTo().tell(new Stats(venue, ordersSent, orders.acks, orders.rejects, orders.fills,
                orders.filledOrders, orders.canceled, orders.replaced, orders.cancelRejects, orders.size(),
                orders.unknownReports, orders.lateCancelRejects, circuitRejects, venueFailures, faults));
        return Behaviors.same();
    }
}
