package io.rialto.core.kernel;

import io.rialto.core.domain.BookSnapshot;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.MdBatch;
import io.rialto.core.domain.RialtoMessage;
import io.rialto.core.metrics.PlatformMetrics;
import org.agrona.collections.Int2ObjectHashMap;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.dispatch.ControlMessage;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

/**
 * The actor that owns symbol books ({@link SymbolState}): the only writer of their state. A hot or warm
 * host owns one symbol, on a pinned or a fork-join dispatcher; the cold host owns every cold symbol on one
 * thread and applies, per message, a whole batch's worth of them. Ingestion routes market data to it
 * (acknowledging through {@link BatchAck}, which is what backpressures the feed), strategies subscribe and
 * consume book updates through it.
 *
 * <p><b>Tier moves.</b> The {@link TierDirector} sends {@link HandOver} (a control message, it overtakes
 * queued traffic). The host gives the symbol's state object to the new host in a {@link TakeOver}, points the
 * {@link BookDirectory} at it, and from then on forwards whatever still arrives for the symbol, in arrival
 * order. The new host applies forwarded messages at once, but holds back what each venue feed sends it
 * directly until that feed's {@link Fence} comes through the old host: the fence travels behind everything
 * the feed sent there, so nothing is applied out of order, twice, or not at all.
 */
public final class SymbolBook extends AbstractBehavior<SymbolBook.Command> {

    public interface Command extends RialtoMessage {
    }

    /**
     * Apply the events {@code order[from..to)} of a batch, grouped by symbol, every symbol hosted by the
     * recipient when the router sent it. {@code feed} is the venue index of the feed that sent it. Local only:
     * ingestion runs on the node of the books it feeds.
     */
    public record Apply(MdBatch batch, int[] order, int from, int to, int feed, BatchAck ack) implements Command {
    }

    /** A full book of one instrument (local only, like {@link Apply}). */
    public record ApplySnapshot(BookSnapshot snapshot, int feed, BatchAck ack) implements Command {
    }

    /** Sent by a feed to a symbol's previous host: everything that feed sent there before is ahead of it. */
    public record Fence(int symbolIndex, int feed) implements Command {
    }

    /** Subscribe a strategy; a control message, as with thousands of strategies they come in floods. */
    public record Subscribe(int symbolIndex, int strategyIndex, ActorRef<StrategyHost.Command> subscriber)
            implements Command, ControlMessage {
    }

    public record Unsubscribe(int symbolIndex, int strategyIndex) implements Command, ControlMessage {
    }

    /** The subscriber finished with its last {@link BookUpdate}; it may get the next one (bounded by credit). */
    public record Consumed(int symbolIndex, int strategyIndex) implements Command, ControlMessage {
    }

    /** Replies with the current book, {@code levels} deep per venue. */
    public record GetTop(int symbolIndex, int levels, ActorRef<BookUpdate> replyTo) implements Command {
    }

    public record GetStats(int symbolIndex, ActorRef<Stats> replyTo) implements Command {
    }

    public record Stats(int symbolIndex, long events, long gaps, long crossed, long ignored, long published,
                        long conflated, long tradesPublished, long resyncs, long moves) implements RialtoMessage {
    }

    /** Counts and book of those of {@code symbols} this host owns (a host's share of a shutdown report). */
    public record Report(int[] symbols, int levels, ActorRef<HostReport> replyTo) implements Command {
    }

    public record HostReport(List<Stats> stats, List<BookUpdate> books) implements RialtoMessage {
    }

    /** The events applied so far of every symbol this host owns, for the director's rates. */
    public record CollectRates(ActorRef<Rates> replyTo) implements Command {
    }

    public record Rates(int hostId, int[] symbols, long[] events, long atNs) implements RialtoMessage {
    }

    /** Give {@code symbolIndex} to {@code to}; {@code director} hears when the move is complete. */
    public record HandOver(int symbolIndex, BookDirectory.Host to, ActorRef<MoveDone> director)
            implements Command, ControlMessage {
    }

    /** The move of a symbol is complete: every feed has fenced its previous host. */
    public record MoveDone(int symbolIndex, BookDirectory.Host from, BookDirectory.Host to) implements RialtoMessage {
    }

    /** Stop: the director retires a host that owns nothing any more, once no sender can still know it. */
    public record Retire() implements Command {
    }

    /** Look at the cold throttle now (it changed). */
    public record CheckThrottle() implements Command {
    }

    /** The state itself, handed over in this JVM (local only). */
    record TakeOver(SymbolState state, BookDirectory.Host from, ActorRef<MoveDone> director)
            implements Command, ControlMessage {
    }

    /**
     * A message that reached the symbol's previous host, passed on in the order it arrived there. It travels
     * in the priority lane: that keeps the old host's forwards in order among themselves, lets a mass move
     * (thousands of symbols going cold at once) never overflow the new host's bounded lane, and is bounded by
     * the protocol (the feeds' batches in flight and one fence per feed and moving symbol).
     */
    record Forwarded(Command message) implements Command, ControlMessage {
    }

    /** What every host of one platform shares. */
    public record Hosting(InstrumentRegistry registry, int levels, PlatformMetrics metrics,
                          ActorRef<RiskGate.Command> riskGate, IntConsumer resync, BookDirectory directory,
                          boolean cpuAffinity, ColdThrottle coldThrottle) {
    }

    /**
     * The REDUCED health mode's brake on the cold tier: while on, the cold host publishes each symbol's book at
     * most once per {@code interval} (the newest version; the ones between are conflated as usual). Trades are
     * never held back.
     */
    public record ColdThrottle(AtomicBoolean on, Duration interval) {
        public static ColdThrottle off(Duration interval) {
            return new ColdThrottle(new AtomicBoolean(), interval);
        }
    }

    private enum FlushHeld implements Command { INSTANCE }

    private final Hosting hosting;
    private final int hostId;
    private final BookDirectory.Tier tier;
    private final Int2ObjectHashMap<SymbolState> hosted = new Int2ObjectHashMap<>();
    private final Int2ObjectHashMap<BookDirectory.Host> forwardTo = new Int2ObjectHashMap<>();
    private final AutoCloseable affinity;
    private long misrouted;
    /** Reference prices for risk, gathered over one message and sent once (null without a risk gate). */
    private final RiskPrices prices;
    private final TimerScheduler<Command> timers;
    /** Whether this host holds book updates back (the cold host while the throttle is on). */
    private boolean throttled;

    /** One symbol on its own, outside any directory (tests, tools). */
    public static Behavior<Command> create(InstrumentRegistry registry, int symbolIndex, int levels,
                                           PlatformMetrics metrics, ActorRef<RiskGate.Command> riskGate) {
        return create(registry, symbolIndex, levels, metrics, riskGate, instrumentId -> { });
    }

    /**
     * @param resync asks the venue of an instrument for a snapshot (its book went stale); must not block
     */
    public static Behavior<Command> create(InstrumentRegistry registry, int symbolIndex, int levels,
                                           PlatformMetrics metrics, ActorRef<RiskGate.Command> riskGate,
                                           IntConsumer resync) {
        return host(new Hosting(registry, levels, metrics, riskGate, resync, null, false,
                ColdThrottle.off(Duration.ofMillis(100))), -1,
                BookDirectory.Tier.WARM, new int[] {symbolIndex});
    }

    /** A host owning {@code symbols} from the start (empty for a host that will take symbols over). */
    public static Behavior<Command> host(Hosting hosting, int hostId, BookDirectory.Tier tier, int[] symbols) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new SymbolBook(ctx, timers, hosting, hostId, tier,
                symbols)));
    }

    private SymbolBook(ActorContext<Command> ctx, TimerScheduler<Command> timers, Hosting hosting, int hostId,
                       BookDirectory.Tier tier, int[] symbols) {
        super(ctx);
        this.timers = timers;
        this.prices = hosting.riskGate() == null ? null : new RiskPrices();
        this.hosting = hosting;
        this.hostId = hostId;
        this.tier = tier;
        for (int s : symbols) {
            hosted.put(s, newState(s));
        }
        // setup runs on this actor's own thread: on the pinned tier, the thread is this symbol's for good
        this.affinity = tier == BookDirectory.Tier.HOT && hosting.cpuAffinity()
                ? CpuAffinity.bindCurrentThread(ctx.getSelf().path().name()) : null;
    }

    private SymbolState newState(int symbol) {
        return new SymbolState(hosting.registry(), symbol, hosting.levels(), hosting.metrics(), hosting.resync());
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Apply.class, apply -> onApply(apply, false))
                .onMessage(ApplySnapshot.class, snapshot -> onApplySnapshot(snapshot, false))
                .onMessage(Forwarded.class, this::onForwarded)
                .onMessage(Fence.class, this::onFence)
                .onMessage(Subscribe.class, this::onMessageHere)
                .onMessage(Unsubscribe.class, this::onMessageHere)
                .onMessage(Consumed.class, this::onMessageHere)
                .onMessage(GetTop.class, this::onMessageHere)
                .onMessage(GetStats.class, this::onMessageHere)
                .onMessage(CollectRates.class, this::onCollectRates)
                .onMessage(Report.class, this::onReport)
                .onMessage(HandOver.class, this::onHandOver)
                .onMessage(TakeOver.class, this::onTakeOver)
                .onMessage(Retire.class, retire -> Behaviors.stopped())
                .onMessageEquals(FlushHeld.INSTANCE, this::onFlushHeld)
                .onMessage(CheckThrottle.class, check -> {
                    checkThrottle();
                    return this;
                })
                .onSignal(PostStop.class, stop -> onStop())
                .build();
    }

    private Behavior<Command> onForwarded(Forwarded forwarded) {
        Command message = forwarded.message();
        if (message instanceof Apply apply) {
            return onApply(apply, true);
        }
        if (message instanceof ApplySnapshot snapshot) {
            return onApplySnapshot(snapshot, true);
        }
        if (message instanceof Fence fence) {
            return onFence(fence);
        }
        return onMessageHere(message);
    }

    /**
     * Applies each symbol's run of the batch slice. A run for a symbol that has left goes on to its new host;
     * a run sent straight here by a feed whose fence is still due waits for it.
     */
    private Behavior<Command> onApply(Apply apply, boolean forwarded) {
        boolean hold = checkThrottle();
        MdBatch b = apply.batch();
        long now = System.nanoTime();
        int appliedHere = 0;
        int[] order = apply.order();
        InstrumentRegistry registry = hosting.registry();
        int k = apply.from();
        while (k < apply.to()) {
            int symbol = registry.symbolOf(b.instrumentIds()[order[k]]);
            int end = k + 1;
            while (end < apply.to() && registry.symbolOf(b.instrumentIds()[order[end]]) == symbol) {
                end++;
            }
            SymbolState state = hosted.get(symbol);
            if (state == null) {
                elsewhere(symbol, run(apply, k, end), end - k, apply.ack());
            } else if (!forwarded && state.mustHold(apply.feed())) {
                state.hold(apply.feed(), run(apply, k, end));
            } else {
                state.apply(b, order, k, end, hold, prices, now);
                apply.ack().applied(end - k);
                appliedHere += end - k;
            }
            k = end;
        }
        applied(b, appliedHere, now);
        flushPrices();
        return this;
    }

    /** The part {@code [from, to)} of an Apply, as a message of its own (only for a run that goes elsewhere). */
    private static Apply run(Apply apply, int from, int to) {
        return from == apply.from() && to == apply.to()
                ? apply : new Apply(apply.batch(), apply.order(), from, to, apply.feed(), apply.ack());
    }

    private Behavior<Command> onApplySnapshot(ApplySnapshot msg, boolean forwarded) {
        int symbol = hosting.registry().symbolOf(msg.snapshot().instrumentId());
        SymbolState state = hosted.get(symbol);
        if (state == null) {
            elsewhere(symbol, msg, 1, msg.ack());
        } else if (!forwarded && state.mustHold(msg.feed())) {
            state.hold(msg.feed(), msg);
        } else {
            state.applySnapshot(msg.snapshot(), prices);
            msg.ack().applied(1);
        }
        flushPrices();
        return this;
    }

    /**
     * Follows the cold throttle: on the cold host, starts holding book updates back (flushing them on a timer)
     * when it turns on, and publishes what it held when it turns off. Returns whether to hold.
     */
    private boolean checkThrottle() {
        if (tier != BookDirectory.Tier.COLD) {
            return false;
        }
        boolean on = hosting.coldThrottle().on().get();
        if (on != throttled) {
            throttled = on;
            if (on) {
                timers.startTimerAtFixedRate(FlushHeld.INSTANCE, hosting.coldThrottle().interval());
                getContext().getLog().info("cold tier throttled: book updates at most every {}",
                        hosting.coldThrottle().interval());
            } else {
                timers.cancel(FlushHeld.INSTANCE);
                hosted.values().forEach(SymbolState::publishHeldBook);
                getContext().getLog().info("cold tier no longer throttled");
            }
        }
        return on;
    }

    private Behavior<Command> onFlushHeld() {
        hosted.values().forEach(SymbolState::publishHeldBook);
        checkThrottle();
        return this;
    }

    /** Platform-wide counts of one host message: the events and one ingest → book latency. */
    private void applied(MdBatch b, int events, long now) {
        if (events > 0) {
            hosting.metrics().mdEvents.add(events);
            if (b.ingestNs() != 0) {
                PlatformMetrics.record(hosting.metrics().ingestToBook, now - b.ingestNs());
            }
        }
    }

    private void flushPrices() {
        if (prices != null) {
            prices.flushTo(hosting.riskGate());
        }
    }

    /** Market data for a symbol not here: on to where it went, or (never expected) counted and logged. */
    private void elsewhere(int symbol, Command message, int events, BatchAck ack) {
        BookDirectory.Host to = forwardTo.get(symbol);
        if (to != null) {
            to.ref().tell(new Forwarded(message));
            return;
        }
        misrouted += events;
        getContext().getLog().error("{} market-data events for symbol {} reached a host that never owned it"
                + " ({} so far); acknowledged so the feed goes on", events, symbol, misrouted);
        ack.applied(events);
    }

    private Behavior<Command> onFence(Fence fence) {
        SymbolState state = hosted.get(fence.symbolIndex());
        if (state == null) {
            BookDirectory.Host to = forwardTo.get(fence.symbolIndex());
            if (to != null) {
                to.ref().tell(new Forwarded(fence));
            }
            return this;
        }
        ArrayDeque<Command> released = state.fenceArrived(fence.feed());
        if (released != null) {
            for (Command held : released) {
                if (held instanceof Apply apply) {
                    long now = System.nanoTime();
                    state.apply(apply.batch(), apply.order(), apply.from(), apply.to(), throttled, prices, now);
                    applied(apply.batch(), apply.to() - apply.from(), now);
                    apply.ack().applied(apply.to() - apply.from());
                } else if (held instanceof ApplySnapshot snapshot) {
                    state.applySnapshot(snapshot.snapshot(), prices);
                    snapshot.ack().applied(1);
                }
            }
            flushPrices();
        }
        if (!state.moving() && pendingMoves.containsKey(fence.symbolIndex())) {
            completeMove(fence.symbolIndex());
        }
        return this;
    }

    /** Strategy and query messages: served if the symbol is here, passed on if it moved. */
    private Behavior<Command> onMessageHere(Command message) {
        int symbol = symbolOf(message);
        SymbolState state = hosted.get(symbol);
        if (state == null) {
            BookDirectory.Host to = forwardTo.get(symbol);
            if (to != null) {
                to.ref().tell(new Forwarded(message));
            } else {
                getContext().getLog().warn("{} for symbol {} reached a host that never owned it", message, symbol);
            }
            return this;
        }
        if (message instanceof Consumed m) {
            state.consumed(m.strategyIndex());
        } else if (message instanceof Subscribe m) {
            state.subscribe(m.strategyIndex(), m.subscriber());
        } else if (message instanceof Unsubscribe m) {
            state.unsubscribe(m.strategyIndex());
        } else if (message instanceof GetTop m) {
            m.replyTo().tell(state.top(m.levels(), System.nanoTime()));
        } else if (message instanceof GetStats m) {
            m.replyTo().tell(state.stats());
        }
        return this;
    }

    private static int symbolOf(Command message) {
        if (message instanceof Consumed m) {
            return m.symbolIndex();
        } else if (message instanceof Subscribe m) {
            return m.symbolIndex();
        } else if (message instanceof Unsubscribe m) {
            return m.symbolIndex();
        } else if (message instanceof GetTop m) {
            return m.symbolIndex();
        } else if (message instanceof GetStats m) {
            return m.symbolIndex();
        }
        throw new IllegalStateException("not a symbol message: " + message);
    }

    private Behavior<Command> onReport(Report msg) {
        List<Stats> stats = new ArrayList<>();
        List<BookUpdate> books = new ArrayList<>();
        long now = System.nanoTime();
        for (int symbol : msg.symbols()) {
            SymbolState state = hosted.get(symbol);
            if (state != null) {
                stats.add(state.stats());
                books.add(state.top(msg.levels(), now));
            }
        }
        msg.replyTo().tell(new HostReport(stats, books));
        return this;
    }

    private Behavior<Command> onCollectRates(CollectRates msg) {
        int[] symbols = new int[hosted.size()];
        long[] events = new long[symbols.length];
        int[] i = {0};
        hosted.forEach((symbol, state) -> {
            symbols[i[0]] = symbol;
            events[i[0]++] = state.events();
        });
        msg.replyTo().tell(new Rates(hostId, symbols, events, System.nanoTime()));
        return this;
    }

    private Behavior<Command> onHandOver(HandOver msg) {
        SymbolState state = hosted.remove(msg.symbolIndex());
        if (state == null) {
            getContext().getLog().warn("hand-over of symbol {}, which is not here; ignored", msg.symbolIndex());
            return this;
        }
        forwardTo.put(msg.symbolIndex(), msg.to());
        BookDirectory.Host self = new BookDirectory.Host(hostId, getContext().getSelf(), tier);
        msg.to().ref().tell(new TakeOver(state, self, msg.director()));
        hosting.directory().move(msg.symbolIndex(), msg.to());
        return this;
    }

    /** A move under way into this host: completes when the state's last awaited fence arrives. */
    private record PendingMove(int symbol, BookDirectory.Host from, ActorRef<MoveDone> director) {
    }

    private final Int2ObjectHashMap<PendingMove> pendingMoves = new Int2ObjectHashMap<>();

    private Behavior<Command> onTakeOver(TakeOver msg) {
        SymbolState state = msg.state();
        forwardTo.remove(state.symbolIndex);
        hosted.put(state.symbolIndex, state);
        state.expectFences();
        pendingMoves.put(state.symbolIndex, new PendingMove(state.symbolIndex, msg.from(), msg.director()));
        hosting.metrics().tierMoves.increment();
        return this;
    }

    private void completeMove(int symbol) {
        PendingMove move = pendingMoves.remove(symbol);
        move.director().tell(new MoveDone(symbol, move.from(),
                new BookDirectory.Host(hostId, getContext().getSelf(), tier)));
    }

    private Behavior<Command> onStop() {
        if (affinity != null) {
            try {
                affinity.close();
            } catch (Exception e) {
                getContext().getLog().warn("releasing the CPU of {} failed", getContext().getSelf().path().name(), e);
            }
        }
        return this;
    }
}
