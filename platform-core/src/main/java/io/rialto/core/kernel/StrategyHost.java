package io.rialto.core.kernel;

import io.rialto.core.domain.CancelOrder;
import io.rialto.core.domain.ClOrdIds;
import io.rialto.core.domain.ExecType;
import io.rialto.core.domain.ExecutionReport;
import io.rialto.core.domain.Instrument;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.MarketTrade;
import io.rialto.core.domain.ModifyOrder;
import io.rialto.core.domain.NewOrder;
import io.rialto.core.domain.OrderState;
import io.rialto.core.domain.OrderStatus;
import io.rialto.core.domain.OrderType;
import io.rialto.core.domain.RejectReason;
import io.rialto.core.domain.RialtoMessage;
import io.rialto.core.domain.Side;
import io.rialto.core.domain.TimeInForce;
import io.rialto.core.metrics.PlatformMetrics;
import io.rialto.core.position.PositionLedger;
import io.rialto.core.spi.OrderUpdate;
import io.rialto.core.spi.Strategy;
import io.rialto.core.spi.StrategyContext;
import io.rialto.core.spi.StrategyParams;
import org.agrona.collections.Int2IntHashMap;
import org.agrona.collections.IntHashSet;
import org.agrona.collections.Long2ObjectHashMap;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.dispatch.ControlMessage;
import org.slf4j.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Hosts one {@link Strategy} instance: delivers book updates, trades and order events to it, one at a
 * time, and implements its {@link StrategyContext}. Keeps the strategy's orders ({@link OrderState}
 * per order) and its own positions, which survive a failure of the strategy code.
 *
 * <p>Supervision: a callback that throws is counted and logged, the instance gets no more callbacks, and
 * after a backoff that doubles with each failure a fresh instance starts (state reset; the open orders
 * cancelled or kept, per {@link RestartPolicy.Settings}). After {@code max-failures} failures within the
 * window the strategy is stopped and its open orders cancelled. Other strategies never notice: the host
 * itself never fails with its strategy, so its orders and positions survive.
 */
public final class StrategyHost extends AbstractBehavior<StrategyHost.Command> {

    public interface Command extends RialtoMessage {
    }

    /** The trades of one applied slice of a symbol's market data, in order; shared by every subscriber. */
    public record Trades(MarketTrade[] trades) implements Command {
    }

    /** An execution report or a rejection for one of this strategy's orders. Never dropped. */
    public record OrderEvent(ExecutionReport report) implements Command, ControlMessage {
    }

    /** Stop the strategy, cancel its orders, and reply once none is live (or at once if none is). */
    public record Stop(ActorRef<Stopped> replyTo) implements Command, ControlMessage {
    }

    public record Stopped(String strategyId, Stats stats) implements RialtoMessage {
    }

    public record GetStats(ActorRef<Stats> replyTo) implements Command {
    }

    /** Replies with this strategy's live orders. */
    public record GetOpenOrders(ActorRef<OpenOrders> replyTo) implements Command {
    }

    public record OpenOrders(String strategyId, java.util.List<OpenOrder> orders) implements RialtoMessage {
    }

    /**
     * Order counts as this strategy saw them. Every submitted order is exactly one of rejected,
     * filled, cancelled or still open; {@code rejectedLocally} of the rejected never left the host
     * (shutting down, unknown instrument); {@code unmatchedReports} counts reports that fit no order;
     * {@code lateCancelRejects} counts cancels and modifies that arrived after their order had ended.
     */
    public record Stats(String strategyId, long submitted, long rejectedLocally, long rejected, long filled,
                        long canceled, long open, long fills, long unmatchedReports, long lateCancelRejects,
                        long failures, long restarts, boolean stoppedByFailures)
            implements RialtoMessage {
    }

    private record TimerFired(long timerId) implements Command {
    }

    private enum Restart implements Command { INSTANCE }

    private final StrategySpec spec;
    private final InstrumentRegistry registry;
    private final ActorRef<RiskGate.Command> riskGate;
    private final BookDirectory books;
    private final PlatformMetrics metrics;
    /** Stamps and latencies: the wall clock. */
    private final LongSupplier clock;
    /** What the strategy's {@code nanoTime()} reads: the wall clock, or a stepped replay's data time. */
    private final LongSupplier strategyClock;
    private final RestartPolicy restartPolicy;
    private final RestartPolicy.Settings supervision;
    private final TimerScheduler<Command> timers;
    private final StrategyWatchdog watchdog;
    /** Stamped around every call into the strategy, for the watchdog. */
    private final StrategyWatchdog.Clock callbackClock;
    private final Context context = new Context();
    private final Long2ObjectHashMap<OrderState> orders = new Long2ObjectHashMap<>();
    /** Positions by the instrument's slot in {@link #instruments}, not by registry id: a strategy trades few. */
    private final PositionLedger ledger;
    private final Int2IntHashMap slotByInstrument = new Int2IntHashMap(-1);
    /** Symbols whose books and trades this strategy gets now: its declared ones, plus and minus run-time changes. */
    private final IntHashSet subscribed = new IntHashSet();
    /** bid + ask of the last two-sided book seen per instrument slot (twice the mid, exact); 0 before one. */
    private long[] markX2;
    private final List<Instrument> instruments = new ArrayList<>();
    private final Map<String, Long> counters = new HashMap<>();

    private Strategy strategy;
    private long sequence;
    private long originNs;
    private long timerSeq;
    private boolean running;
    private ActorRef<Stopped> stopReplyTo;

    private long submitted;
    private long rejectedLocally;
    private long rejected;
    private long filled;
    private long canceled;
    private long fills;
    private long unmatched;
    private long lateCancelRejects;
    private long failures;
    private boolean stoppedByFailures;
    private long restarts;
    /** Waiting for a restart after a failure: no callbacks meanwhile. */
    private boolean suspended;
    /** Stopping, or restarting with cancel-on-restart: open orders are cancelled as they become cancellable. */
    private boolean cancelling;

    public static Behavior<Command> create(StrategySpec spec, InstrumentRegistry registry,
                                           ActorRef<RiskGate.Command> riskGate,
                                           BookDirectory books, PlatformMetrics metrics,
                                           LongSupplier clock, LongSupplier strategyClock,
                                           RestartPolicy.Settings supervision, StrategyWatchdog watchdog) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
                new StrategyHost(ctx, timers, spec, registry, riskGate, books, metrics, clock, strategyClock,
                        supervision, watchdog)));
    }

    private StrategyHost(ActorContext<Command> ctx, TimerScheduler<Command> timers, StrategySpec spec,
                         InstrumentRegistry registry, ActorRef<RiskGate.Command> riskGate,
                         BookDirectory books, PlatformMetrics metrics, LongSupplier clock,
                         LongSupplier strategyClock, RestartPolicy.Settings supervision,
                         StrategyWatchdog watchdog) {
        super(ctx);
        this.watchdog = watchdog;
        this.callbackClock = watchdog.register(spec.id());
        this.timers = timers;
        this.spec = spec;
        this.registry = registry;
        this.riskGate = riskGate;
        this.books = books;
        this.metrics = metrics;
        this.clock = clock;
        this.strategyClock = strategyClock;
        this.supervision = supervision;
        this.restartPolicy = new RestartPolicy(supervision);
        for (int symbol : spec.symbols()) {
            subscribed.add(symbol);
            addInstrumentsOf(symbol);
        }
        this.ledger = new PositionLedger(instruments.size());
        this.markX2 = new long[instruments.size()];
        this.strategy = spec.factory().create(spec.params());
        this.running = true;
        safely(() -> strategy.onStart(context));
        for (int symbol : subscribed) {
            books.ref(symbol).tell(new SymbolBook.Subscribe(symbol, spec.index(), ctx.getSelf()));
        }
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(BookUpdate.class, this::onBook)
                .onMessage(Trades.class, this::onTrades)
                .onMessage(OrderEvent.class, this::onOrderEvent)
                .onMessage(TimerFired.class, this::onTimerFired)
                .onMessageEquals(Restart.INSTANCE, this::onRestart)
                .onMessage(Stop.class, this::onStopRequest)
                .onMessage(GetStats.class, this::onGetStats)
                .onMessage(GetOpenOrders.class, this::onGetOpenOrders)
                .build();
    }

    private Behavior<Command> onBook(BookUpdate update) {
        if (!subscribed.contains(update.symbolIndex())) {
            return this; // sent before an unsubscribe reached the book, which no longer counts on our credit
        }
        for (int v = 0; v < update.venueCount(); v++) {
            if (update.bidLevels(v) > 0 && update.askLevels(v) > 0) {
                int slot = slotByInstrument.get(update.instrumentId(v));
                if (slot >= 0) {
                    markX2[slot] = update.bidPrice(v, 0) + update.askPrice(v, 0);
                }
            }
        }
        if (live()) {
            PlatformMetrics.record(metrics.bookToStrategy, clock.getAsLong() - update.publishNs());
            originNs = update.ingestNs();
            long decisionStart = clock.getAsLong();
            safely(() -> strategy.onBook(update));
            PlatformMetrics.record(metrics.strategyDecision, clock.getAsLong() - decisionStart);
            originNs = 0;
        }
        books.ref(update.symbolIndex()).tell(new SymbolBook.Consumed(update.symbolIndex(), spec.index()));
        return this;
    }

    /** Makes every listing of {@code symbol} tradable (once; positions never shrink away). */
    private void addInstrumentsOf(int symbol) {
        for (int id : registry.instrumentsOfSymbol(symbol)) {
            if (slotByInstrument.get(id) < 0) {
                slotByInstrument.put(id, instruments.size());
                instruments.add(registry.get(id));
            }
        }
    }

    private Behavior<Command> onTrades(Trades trades) {
        if (!subscribed.contains(registry.symbolOf(trades.trades()[0].instrumentId()))) {
            return this; // one slice's trades are of one symbol, and it was unsubscribed meanwhile
        }
        for (MarketTrade trade : trades.trades()) {
            if (live()) {
                safely(() -> strategy.onTrade(trade));
            }
        }
        return this;
    }

    private Behavior<Command> onOrderEvent(OrderEvent event) {
        ExecutionReport report = event.report();
        OrderState state = orders.get(report.clOrdId());
        if (state == null && report.execType() == ExecType.CANCEL_REJECTED) {
            lateCancelRejects++; // the cancel or modify crossed the order's fill or cancel: nothing to do
            return this;
        }
        if (state == null || !state.apply(report)) {
            unmatched++;
            getContext().getLog().warn("{}: report fits no live order: {}", spec.id(), report);
            return this;
        }
        if (report.execType() == ExecType.TRADE) {
            fills++;
            ledger.onFill(slotByInstrument.get(report.instrumentId()), report.side(), report.lastPxTicks(), report.lastQtyLots(),
                    report.feeE6());
        }
        OrderStatus status = state.status();
        if (status.isTerminal()) {
            orders.remove(report.clOrdId());
            switch (status) {
                case FILLED -> filled++;
                case CANCELED -> canceled++;
                default -> {
                    rejected++;
                    metrics.ordersRejected.increment();
                }
            }
        } else if (cancelling) {
            cancelForStop(state); // it became cancellable after the stop began (acknowledged, modify done)
        }
        if (live()) {
            OrderUpdate update = new OrderUpdate(report.clOrdId(), report.instrumentId(), state.order().side(),
                    report.execType(), status, state.priceTicks(), report.lastPxTicks(), report.lastQtyLots(),
                    state.leavesQtyLots(), state.cumQtyLots(), report.reason());
            safely(() -> strategy.onOrderUpdate(update));
        }
        return replyIfStopped();
    }

    private Behavior<Command> onTimerFired(TimerFired timer) {
        if (live()) {
            safely(() -> strategy.onTimer(timer.timerId()));
        }
        return this;
    }

    private Behavior<Command> onStopRequest(Stop stop) {
        stopReplyTo = stop.replyTo();
        if (running) {
            if (!suspended) {
                safely(() -> strategy.onStop());
            }
            stopStrategy();
        }
        return replyIfStopped();
    }

    /** Callbacks go to the strategy only while it runs and is not waiting for a restart. */
    private boolean live() {
        return running && !suspended;
    }

    private void stopStrategy() {
        running = false;
        suspended = false;
        cancelling = true;
        timers.cancelAll();
        for (int symbol : subscribed) {
            books.ref(symbol).tell(new SymbolBook.Unsubscribe(symbol, spec.index()));
        }
        subscribed.clear();
        orders.forEach((id, state) -> cancelForStop(state));
    }

    private void cancelForStop(OrderState state) {
        if (state.cancelRequested()) {
            riskGate.tell(new RiskGate.Cancel(new CancelOrder(state.order().clOrdId(), spec.id(),
                    state.order().instrumentId(), clock.getAsLong()), getContext().getSelf()));
        }
    }

    /** Once stopping and no order is live: reply with the final counts and stop this actor. */
    private Behavior<Command> replyIfStopped() {
        if (stopReplyTo != null && orders.isEmpty()) {
            stopReplyTo.tell(new Stopped(spec.id(), stats()));
            stopReplyTo = null;
            watchdog.unregister(callbackClock);
            return Behaviors.stopped();
        }
        return this;
    }

    private Behavior<Command> onGetOpenOrders(GetOpenOrders msg) {
        List<OpenOrder> open = new ArrayList<>(orders.size());
        orders.forEach((id, state) -> {
            NewOrder o = state.order();
            open.add(new OpenOrder(id, spec.id(), o.account(), o.instrumentId(), o.side(), o.type(), o.tif(),
                    state.priceTicks(), o.qtyLots(), state.leavesQtyLots(), state.cumQtyLots(), state.status()));
        });
        open.sort(java.util.Comparator.comparingLong(OpenOrder::clOrdId));
        msg.replyTo().tell(new OpenOrders(spec.id(), open));
        return this;
    }

    private Behavior<Command> onGetStats(GetStats msg) {
        msg.replyTo().tell(stats());
        return this;
    }

    private Stats stats() {
        return new Stats(spec.id(), submitted, rejectedLocally, rejected, filled, canceled, orders.size(), fills,
                unmatched, lateCancelRejects, failures, restarts, stoppedByFailures);
    }

    private void safely(Runnable callback) {
        callbackClock.enter();
        try {
            callback.run();
        } catch (RuntimeException | LinkageError e) {
            callbackClock.exit();
            failures++;
            getContext().getLog().error("strategy {} failed (failure {})", spec.id(), failures, e);
            if (!running || suspended) {
                return;
            }
            long backoffNs = restartPolicy.onFailure(clock.getAsLong());
            if (backoffNs == RestartPolicy.STOP) {
                stoppedByFailures = true;
                getContext().getLog().error("strategy {} stopped after {} failures within {}; cancelling its orders",
                        spec.id(), supervision.maxFailures(), supervision.window());
                stopStrategy();
            } else {
                suspend(backoffNs);
            }
        }
        callbackClock.exit();
    }

    /** The instance failed: no more callbacks to it; a fresh one starts after the backoff. */
    private void suspend(long backoffNs) {
        suspended = true;
        timers.cancelAll();
        if (supervision.cancelOrdersOnRestart()) {
            cancelling = true;
            orders.forEach((id, state) -> cancelForStop(state));
        }
        getContext().getLog().warn("strategy {} restarts in {} ms with fresh state ({} its open orders)", spec.id(),
                backoffNs / 1_000_000, supervision.cancelOrdersOnRestart() ? "cancelling" : "keeping");
        timers.startSingleTimer(Restart.INSTANCE, Duration.ofNanos(backoffNs));
    }

    private Behavior<Command> onRestart() {
        if (!running || !suspended) {
            return this;
        }
        suspended = false;
        cancelling = false;
        restarts++;
        strategy = spec.factory().create(spec.params());
        safely(() -> strategy.onStart(context));
        return this;
    }

    private void rejectLocally(NewOrder order, RejectReason reason) {
        rejectedLocally++;
        getContext().getSelf().tell(new OrderEvent(ExecutionReport.rejected(order.clOrdId(), order.instrumentId(),
                order.side(), reason, System.currentTimeMillis() * 1_000_000L)));
    }

    /** The strategy's view of the platform; valid on the host's thread only. */
    private final class Context implements StrategyContext {

        @Override
        public String strategyId() {
            return spec.id();
        }

        @Override
        public String account() {
            return spec.account();
        }

        @Override
        public void subscribe(String symbol) {
            int s = symbolIndexOf(symbol);
            if (running && subscribed.add(s)) {
                addInstrumentsOf(s);
                ledger.ensureCapacity(instruments.size());
                if (markX2.length < instruments.size()) {
                    markX2 = java.util.Arrays.copyOf(markX2, instruments.size());
                }
                books.ref(s).tell(new SymbolBook.Subscribe(s, spec.index(), getContext().getSelf()));
            }
        }

        @Override
        public void unsubscribe(String symbol) {
            int s = symbolIndexOf(symbol);
            if (subscribed.remove(s)) {
                books.ref(s).tell(new SymbolBook.Unsubscribe(s, spec.index()));
            }
        }

        @Override
        public java.util.Set<String> subscriptions() {
            java.util.Set<String> out = new java.util.TreeSet<>();
            for (int s : subscribed) {
                out.add(registry.symbols().get(s));
            }
            return out;
        }

        private int symbolIndexOf(String symbol) {
            int s = registry.symbolIndex(symbol);
            if (s < 0) {
                throw new IllegalArgumentException(spec.id() + ": unknown symbol " + symbol);
            }
            return s;
        }

        @Override
        public List<Instrument> instruments() {
            return java.util.Collections.unmodifiableList(instruments);
        }

        @Override
        public Instrument instrument(int instrumentId) {
            return registry.get(instrumentId);
        }

        @Override
        public StrategyParams params() {
            return spec.params();
        }

        @Override
        public long submit(int instrumentId, Side side, OrderType type, TimeInForce tif, long priceTicks,
                           long qtyLots) {
            long clOrdId = ClOrdIds.of(spec.index(), ++sequence);
            NewOrder order = new NewOrder(clOrdId, spec.id(), spec.account(), instrumentId, side, type,
                    type == OrderType.MARKET ? TimeInForce.IOC : tif, priceTicks, qtyLots, originNs,
                    clock.getAsLong());
            orders.put(clOrdId, new OrderState(order));
            submitted++;
            metrics.ordersSubmitted.increment();
            if (!running) {
                rejectLocally(order, RejectReason.SHUTTING_DOWN);
            } else if (slotByInstrument.get(instrumentId) < 0) {
                rejectLocally(order, RejectReason.UNKNOWN_INSTRUMENT);
            } else {
                riskGate.tell(new RiskGate.Submit(order, getContext().getSelf()));
            }
            return clOrdId;
        }

        @Override
        public boolean cancel(long clOrdId) {
            OrderState state = orders.get(clOrdId);
            if (state == null || !state.cancelRequested()) {
                return false;
            }
            riskGate.tell(new RiskGate.Cancel(new CancelOrder(clOrdId, spec.id(), state.order().instrumentId(),
                    clock.getAsLong()), getContext().getSelf()));
            return true;
        }

        @Override
        public boolean modify(long clOrdId, long newPriceTicks, long newQtyLots) {
            OrderState state = orders.get(clOrdId);
            if (!running || state == null || !state.replaceRequested()) {
                return false;
            }
            riskGate.tell(new RiskGate.Modify(new ModifyOrder(clOrdId, spec.id(), state.order().instrumentId(),
                    newPriceTicks, newQtyLots, originNs, clock.getAsLong()), getContext().getSelf()));
            return true;
        }

        @Override
        public long[] openOrders() {
            long[] ids = new long[orders.size()];
            int[] k = {0};
            orders.forEach((id, state) -> ids[k[0]++] = id);
            return ids;
        }

        @Override
        public long leavesQty(long clOrdId) {
            OrderState state = orders.get(clOrdId);
            return state == null ? 0 : state.leavesQtyLots();
        }

        @Override
        public long position(int instrumentId) {
            int slot = slotByInstrument.get(instrumentId);
            return slot < 0 ? 0 : ledger.qty(slot);
        }

        @Override
        public long realizedPnlTickLots(int instrumentId) {
            int slot = slotByInstrument.get(instrumentId);
            return slot < 0 ? 0 : ledger.realized(slot);
        }

        @Override
        public double unrealizedPnlTickLots(int instrumentId) {
            int slot = slotByInstrument.get(instrumentId);
            if (slot < 0 || markX2[slot] == 0) {
                return Double.NaN;
            }
            return ledger.qty(slot) * (markX2[slot] / 2.0) - ledger.cost(slot);
        }

        @Override
        public long scheduleRepeating(Duration interval) {
            long id = ++timerSeq;
            timers.startTimerAtFixedRate(id, new TimerFired(id), interval);
            return id;
        }

        @Override
        public void cancelTimer(long timerId) {
            timers.cancel(timerId);
        }

        @Override
        public long nanoTime() {
            return strategyClock.getAsLong();
        }

        @Override
        public Logger log() {
            return getContext().getLog();
        }

        @Override
        public void count(String counter, long delta) {
            counters.merge(counter, delta, Long::sum);
        }
    }
}
