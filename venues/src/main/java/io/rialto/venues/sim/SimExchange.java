package io.rialto.venues.sim;

import io.rialto.core.domain.CancelOrder;
import io.rialto.core.domain.ExecutionReport;
import io.rialto.core.domain.Instrument;
import io.rialto.core.domain.MarketData;
import io.rialto.core.domain.ModifyOrder;
import io.rialto.core.domain.NewOrder;
import io.rialto.core.domain.RialtoMessage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

import java.util.List;
import java.util.function.Consumer;

/**
 * The simulated venue itself: one actor owning its {@link SimMarket}. Matches the platform's orders
 * as they arrive, and on every tick lets the participants act at the configured rate. Market data
 * goes to the platform through a backpressured source: one element in flight, the next only after
 * the stream acknowledges. While the platform is slower than the rate, the participants wait: the
 * feed is slowed, never buffered without bound.
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

    enum FeedAck implements Command { INSTANCE }

    enum Tick implements Command { INSTANCE }

    enum StopFeed implements Command { INSTANCE }

    /** Completes the market-data source. */
    enum FeedEnd { INSTANCE }

    private final SimMarket market;
    private final double eventsPerNs;
    private final long maxBudget;
    private ActorRef<Object> feed;
    private boolean awaitingAck;
    private boolean stopping;
    private double budget;
    private long lastTickNs;

    static Behavior<Command> create(SimSettings settings, List<Instrument> instruments, int registrySize,
                                    int venueIndex, double eventsPerSecond, Consumer<ExecutionReport> executions) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new SimExchange(ctx, timers, settings,
                instruments, registrySize, venueIndex, eventsPerSecond, executions)));
    }

    private SimExchange(ActorContext<Command> ctx, TimerScheduler<Command> timers, SimSettings settings,
                        List<Instrument> instruments, int registrySize, int venueIndex, double eventsPerSecond,
                        Consumer<ExecutionReport> executions) {
        super(ctx);
        this.market = new SimMarket(settings, instruments, registrySize, venueIndex, executions,
                () -> System.currentTimeMillis() * 1_000_000L);
        this.eventsPerNs = eventsPerSecond / 1e9;
        // at most 100 ms of flow is owed; beyond that a slow consumer slows the feed
        this.maxBudget = Math.max(settings.batchSize(), (long) (eventsPerSecond / 10));
        if (eventsPerSecond > 0) {
            timers.startTimerAtFixedRate(Tick.INSTANCE, settings.tickInterval());
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
                .onMessageEquals(FeedAck.INSTANCE, this::onFeedAck)
                .onMessageEquals(Tick.INSTANCE, this::onTick)
                .onMessageEquals(StopFeed.INSTANCE, this::onStopFeed)
                .build();
    }

    private Behavior<Command> onSubmit(Submit msg) {
        market.submit(msg.order());
        return send();
    }

    private Behavior<Command> onCancel(Cancel msg) {
        market.cancel(msg.cancel());
        return send();
    }

    private Behavior<Command> onModify(Modify msg) {
        market.modify(msg.modify());
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
        if (feed == null || stopping) {
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
        market.closeFeed();
        return send();
    }

    /** Sends the next ready element if the stream has acknowledged the previous one. */
    private Behavior<Command> send() {
        if (feed == null || awaitingAck) {
            return this;
        }
        MarketData next = market.ready().poll();
        if (next != null) {
            awaitingAck = true;
            feed.tell(next);
        } else if (stopping) {
            feed.tell(FeedEnd.INSTANCE);
            feed = null;
        }
        return this;
    }
}
