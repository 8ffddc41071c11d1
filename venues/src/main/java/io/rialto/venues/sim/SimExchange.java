package io.rialto.venues.sim;

import io.rialto.core.domain.CancelOrder;
import io.rialto.core.domain.ExecutionReport;
import io.rialto.core.domain.Instrument;
import io.rialto.core.domain.MarketData;
import io.rialto.core.domain.MdBatch;
import io.rialto.core.domain.ModifyOrder;
import io.rialto.core.domain.NewOrder;
import io.rialto.core.domain.RejectReason;
import io.rialto.core.domain.RialtoMessage;
import io.rialto.core.spi.VenueOrder;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.pattern.StatusReply;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The simulated venue itself: one actor owning its {@link SimMarket}. Matches the platform's orders
 * as they arrive, and on every tick lets the participants act at the configured rate. Market data
 * goes to the platform through a backpressured source: one element in flight, the next only after
 * the stream acknowledges. While the platform is slower than the rate, the participants wait: the
 * feed is slowed, never buffered without bound.
 *
 * <p>The platform's order-entry session: every execution report is recorded in the venue's
 * {@link OrderHistory} (which answers the reconciliation queries) and delivered through the {@link ReportLink}.
 * The faults of {@link SimFaults}: random rejects here; dropped, duplicated and delayed reports in the link; a
 * dropped session (orders and cancels sent meanwhile are lost, nothing is delivered, the open orders are
 * cancelled if the venue cancels on disconnect; reconnecting is refused until the outage is over); lost
 * market-data batches; and feed stalls (the venue keeps trading, the market data it publishes meanwhile is lost).
 */
final class SimExchange extends AbstractBehavior<SimExchange.Command> {

    interface Command extends RialtoMessage {
    }

    record Submit(NewOrder order) implements Command {
    }

    record Cancel(CancelOrder cancel) implements Command {
    }

    record Modify(ModifyOrder modify) implements Command {
    }

    /** The ingestion stream materialized: market data goes to {@code feed}. */
    record AttachFeed(ActorRef<Object> feed) implements Command {
    }

    record RequestSnapshot(int instrumentId) implements Command {
    }

    /** The platform reconnects its order-entry session; refused while the venue is still down. */
    record Reconnect(ActorRef<StatusReply<Done>> replyTo) implements Command {
    }

    /** The platform's open orders, with their report histories. */
    record QueryOpen(ActorRef<StatusReply<List<VenueOrder>>> replyTo) implements Command {
    }

    /** The given orders, open or ended, with their report histories; absent ones were never received. */
    record QueryStatus(long[] clOrdIds, ActorRef<StatusReply<List<VenueOrder>>> replyTo) implements Command {
    }

    /** Runs {@code query} on the exchange, on its thread, and replies with the result (tests). */
    record Inspect<T>(Function<SimExchange, T> query, ActorRef<T> replyTo) implements Command {
    }

    enum FeedAck implements Command { INSTANCE }

    enum Tick implements Command { INSTANCE }

    enum StopFeed implements Command { INSTANCE }

    enum ReleaseReports implements Command { INSTANCE }

    enum DropSession implements Command { INSTANCE }

    enum StallFeed implements Command { INSTANCE }

    enum ResumeFeed implements Command { INSTANCE }

    /** Completes the market-data source. */
    enum FeedEnd { INSTANCE }

    private final TimerScheduler<Command> timers;
    private final OrderHistory history = new OrderHistory();
    private final ReportLink link;
    private final Consumer<String> connectionLost;
    private final SplittableRandom rejectRandom;
    private final SplittableRandom mdRandom;
    private final SplittableRandom timingRandom;
    private final SimMarket market;
    private final double eventsPerNs;
    private final long maxBudget;
    private SimFaults faults;
    private ActorRef<Object> feed;
    private boolean awaitingAck;
    private boolean stopping;
    private boolean paused;
    private boolean stalled;
    private long downUntilNs;
    private double budget;
    private long lastTickNs;

    long randomRejects;
    long lostRequests;
    long disconnects;
    long lostBatches;
    long lostEvents;
    long stalls;

    static Behavior<Command> create(SimSettings settings, SimFaults faults, List<Instrument> instruments,
                                    int registrySize, int venueIndex, double eventsPerSecond,
                                    Consumer<ExecutionReport> executions, Consumer<String> connectionLost) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new SimExchange(ctx, timers, settings, faults,
                instruments, registrySize, venueIndex, eventsPerSecond, executions, connectionLost)));
    }

    private SimExchange(ActorContext<Command> ctx, TimerScheduler<Command> timers, SimSettings settings,
                        SimFaults faults, List<Instrument> instruments, int registrySize, int venueIndex,
                        double eventsPerSecond, Consumer<ExecutionReport> executions,
                        Consumer<String> connectionLost) {
        super(ctx);
        this.timers = timers;
        this.faults = faults;
        this.connectionLost = connectionLost;
        long seed = (settings.seed() * 0x9E3779B97F4A7C15L) ^ (0x5DEECE66DL + venueIndex);
        SplittableRandom random = new SplittableRandom(seed);
        this.rejectRandom = random.split();
        this.mdRandom = random.split();
        this.timingRandom = random.split();
        this.link = new ReportLink(faults, random.split(), executions);
        this.market = new SimMarket(settings, instruments, registrySize, venueIndex, this::onMarketReport,
                () -> System.currentTimeMillis() * 1_000_000L);
        this.eventsPerNs = eventsPerSecond / 1e9;
        // at most 100 ms of flow is owed; beyond that a slow consumer slows the feed
        this.maxBudget = Math.max(settings.batchSize(), (long) (eventsPerSecond / 10));
        if (eventsPerSecond > 0) {
            timers.startTimerAtFixedRate(Tick.INSTANCE, settings.tickInterval());
        }
        scheduleFault(DropSession.INSTANCE, faults.disconnectInterval());
        scheduleFault(StallFeed.INSTANCE, faults.staleInterval());
    }

    /** After an exponentially distributed time of the given mean (never for 0). */
    private void scheduleFault(Command fault, Duration mean) {
        if (!mean.isZero()) {
            double delayNs = -Math.log(1 - timingRandom.nextDouble()) * mean.toNanos();
            timers.startSingleTimer(fault, fault, Duration.ofNanos(Math.max(1_000_000, (long) delayNs)));
        }
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Submit.class, this::onSubmit)
                .onMessage(Cancel.class, this::onCancel)
                .onMessage(Modify.class, this::onModify)
                .onMessage(AttachFeed.class, this::onAttachFeed)
                .onMessage(RequestSnapshot.class, this::onRequestSnapshot)
                .onMessage(Reconnect.class, this::onReconnect)
                .onMessage(QueryOpen.class, this::onQueryOpen)
                .onMessage(QueryStatus.class, this::onQueryStatus)
                .onMessage(Inspect.class, this::onInspect)
                .onMessageEquals(FeedAck.INSTANCE, this::onFeedAck)
                .onMessageEquals(Tick.INSTANCE, this::onTick)
                .onMessageEquals(StopFeed.INSTANCE, this::onStopFeed)
                .onMessageEquals(ReleaseReports.INSTANCE, this::onReleaseReports)
                .onMessageEquals(DropSession.INSTANCE, this::onDropSession)
                .onMessageEquals(StallFeed.INSTANCE, this::onStallFeed)
                .onMessageEquals(ResumeFeed.INSTANCE, this::onResumeFeed)
                .build();
    }

    /** Every report the market produces: into the history (which gives it its exec id), then down the link. */
    private void onMarketReport(ExecutionReport report) {
        if (link.send(history.record(report))) {
            timers.startSingleTimer(ReleaseReports.INSTANCE, faults.reportDelay());
        }
    }

    private Behavior<Command> onSubmit(Submit msg) {
        if (!link.isUp()) {
            lostRequests++; // sent on a session the venue has dropped: it never arrives
            return this;
        }
        if (faults.rejectRate() > 0 && rejectRandom.nextDouble() < faults.rejectRate()) {
            randomRejects++;
            NewOrder o = msg.order();
            onMarketReport(ExecutionReport.rejected(o.clOrdId(), o.instrumentId(), o.side(),
                    RejectReason.VENUE_REJECTED, System.currentTimeMillis() * 1_000_000L));
            return this;
        }
        market.submit(msg.order());
        return send();
    }

    private Behavior<Command> onCancel(Cancel msg) {
        if (!link.isUp()) {
            lostRequests++;
            return this;
        }
        market.cancel(msg.cancel());
        return send();
    }

    private Behavior<Command> onModify(Modify msg) {
        if (!link.isUp()) {
            lostRequests++;
            return this;
        }
        market.modify(msg.modify());
        return send();
    }

    private Behavior<Command> onReconnect(Reconnect msg) {
        if (link.isUp()) {
            msg.replyTo().tell(StatusReply.ack());
        } else if (System.nanoTime() - downUntilNs < 0) {
            msg.replyTo().tell(StatusReply.error("venue " + getContext().getSelf().path().name() + " is down"));
        } else {
            link.up();
            scheduleFault(DropSession.INSTANCE, faults.disconnectInterval());
            msg.replyTo().tell(StatusReply.ack());
        }
        return this;
    }

    private Behavior<Command> onQueryOpen(QueryOpen msg) {
        msg.replyTo().tell(link.isUp() ? StatusReply.success(history.open())
                : StatusReply.error("order-entry session is down"));
        return this;
    }

    private Behavior<Command> onQueryStatus(QueryStatus msg) {
        msg.replyTo().tell(link.isUp() ? StatusReply.success(history.status(msg.clOrdIds()))
                : StatusReply.error("order-entry session is down"));
        return this;
    }

    @SuppressWarnings("unchecked") // the reply type is the query's
    private Behavior<Command> onInspect(Inspect<?> msg) {
        Inspect<Object> inspect = (Inspect<Object>) msg;
        inspect.replyTo().tell(inspect.query().apply(this));
        return send();
    }

    private Behavior<Command> onReleaseReports() {
        link.release();
        return this;
    }

    private Behavior<Command> onDropSession() {
        if (!link.isUp() || faults.disconnectInterval().isZero()) {
            return this; // already down, or the fault was switched off since it was scheduled
        }
        disconnects++;
        link.down();
        downUntilNs = System.nanoTime() + faults.disconnectDuration().toNanos();
        if (faults.cancelOnDisconnect()) {
            market.cancelAllPlatformOrders(); // recorded in the history; the dropped session hears nothing
        }
        connectionLost.accept("simulated disconnect #" + disconnects + " for " + faults.disconnectDuration());
        return send();
    }

    private Behavior<Command> onStallFeed() {
        if (!stopping && !faults.staleInterval().isZero()) {
            stalled = true;
            stalls++;
            timers.startSingleTimer(ResumeFeed.INSTANCE, faults.staleDuration());
        }
        return send();
    }

    private Behavior<Command> onResumeFeed() {
        stalled = false;
        scheduleFault(StallFeed.INSTANCE, faults.staleInterval());
        return send();
    }

    private Behavior<Command> onAttachFeed(AttachFeed msg) {
        feed = msg.feed();
        market.openFeed(System.nanoTime());
        lastTickNs = System.nanoTime();
        return send();
    }

    private Behavior<Command> onRequestSnapshot(RequestSnapshot msg) {
        market.requestSnapshot(msg.instrumentId());
        return send();
    }

    private Behavior<Command> onFeedAck() {
        awaitingAck = false;
        return send();
    }

    private Behavior<Command> onTick() {
        long now = System.nanoTime();
        budget = Math.min(maxBudget, budget + (now - lastTickNs) * eventsPerNs);
        lastTickNs = now;
        if (feed == null || stopping || paused) {
            return this;
        }
        // generate only while the stream keeps up: a backlog of more than two batches waits
        if (budget >= 1 && market.ready().size() < 2) {
            long produced = market.generate((long) budget);
            budget -= produced;
            market.flush();
        }
        return send();
    }

    private Behavior<Command> onStopFeed() {
        stopping = true;
        stalled = false;
        market.closeFeed();
        return send();
    }

    /**
     * Sends the next ready element if the stream has acknowledged the previous one. A batch lost to a gap or a
     * stall is skipped; during a stall a snapshot waits for the feed to come back.
     */
    private Behavior<Command> send() {
        if (feed == null || awaitingAck) {
            return this;
        }
        MarketData next;
        while ((next = market.ready().poll()) != null) {
            if (next instanceof MdBatch batch && !stopping && (stalled || faults.mdGapRate() > 0
                    && mdRandom.nextDouble() < faults.mdGapRate())) {
                lostBatches++;
                lostEvents += batch.size();
                continue;
            }
            if (stalled) {
                market.ready().addFirst(next);
                return this;
            }
            awaitingAck = true;
            feed.tell(next);
            return this;
        }
        if (stopping) {
            feed.tell(FeedEnd.INSTANCE);
            feed = null;
        }
        return this;
    }

    // ---- for tests (through Inspect) ---------------------------------------------------------------------

    SimMarket market() {
        return market;
    }

    ReportLink link() {
        return link;
    }

    /** Changes the faults in force from now on; a stall in progress ends. */
    void faults(SimFaults newFaults) {
        this.faults = newFaults;
        link.faults(newFaults);
        stalled = false;
    }

    /** Stops or restarts the participants (the platform's orders are still matched). */
    void pause(boolean pause) {
        this.paused = pause;
    }

    boolean stalled() {
        return stalled;
    }
}
