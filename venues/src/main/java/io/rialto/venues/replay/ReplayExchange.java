package io.rialto.venues.replay;

import io.rialto.core.book.DepthBook;
import io.rialto.core.domain.BookSnapshot;
import io.rialto.core.domain.CancelOrder;
import io.rialto.core.domain.ExecutionReport;
import io.rialto.core.domain.Instrument;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.MarketData;
import io.rialto.core.domain.MdBatch;
import io.rialto.core.domain.ModifyOrder;
import io.rialto.core.domain.NewOrder;
import io.rialto.core.domain.RialtoMessage;
import io.rialto.core.domain.Side;
import io.rialto.core.kernel.StepExecutor;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The replay itself: one actor that reads a {@link ReplaySource}, applies each event to its {@link ReplayMarket}
 * (the venue's books and the platform's orders) and sends it on to the platform, in batches, on the feed of the
 * event's venue. Every feed is a backpressured source with one element in flight: while a venue's feed has two
 * elements waiting, reading stops until the stream acknowledges. Real time (or N times it) is kept against the
 * wall clock from the first event; at {@code max} the platform's pace sets the speed. Orders are matched
 * against the books as they stand when the order arrives. Reading files is blocking, so the actor runs on the
 * blocking-IO dispatcher.
 *
 * <p>A Tardis replay numbers events per instrument itself and keeps its books uncrossed: an update that crosses
 * the opposite side deletes the levels it crosses first (each deletion an event of its own, sent before it),
 * and a platform book that went stale is answered with a snapshot of the venue's book. A recording replays
 * exactly what was ingested, recorded resync snapshots included, and ignores snapshot requests.
 */
final class ReplayExchange extends AbstractBehavior<ReplayExchange.Command> {

    interface Command extends RialtoMessage {
    }

    /** A venue connected: its execution reports go to {@code executions}. Local only (carries a function). */
    record Connect(int venueIndex, Consumer<ExecutionReport> executions) implements Command {
    }

    record AttachFeed(int venueIndex, ActorRef<Object> feed) implements Command {
    }

    record FeedAck(int venueIndex) implements Command {
    }

    record Submit(int venueIndex, NewOrder order) implements Command {
    }

    record Cancel(int venueIndex, CancelOrder cancel) implements Command {
    }

    record Modify(int venueIndex, ModifyOrder modify) implements Command {
    }

    record RequestSnapshot(int instrumentId) implements Command {
    }

    enum StopFeed implements Command { INSTANCE }

    private enum Wake implements Command { INSTANCE }

    private enum Continue implements Command { INSTANCE }

    /** Step mode: the platform has nothing left to do ({@link StepExecutor#whenQuiet}). */
    private enum Quiet implements Command { INSTANCE }

    /** Completes a feed's source. */
    enum FeedEnd { INSTANCE }

    /** Events read before the actor lets other messages (orders, acks) in. */
    private static final int SLICE = 4096;

    private final ReplaySettings settings;
    private final ReplaySource source;
    private final BadRows badRows;
    private final TimerScheduler<Command> timers;
    private final CompletableFuture<Void> ended;
    private final ReplayMarket market;
    private final int[] venueOfSourceVenue;
    private final int[] instrumentOfSource;
    private final Instrument[] sourceInstruments;
    private final int[] venueOfInstrument;
    private final long[] seqs;
    private final boolean numbering;
    private final MdBatch.Builder[] builders;
    private final ArrayDeque<MarketData>[] ready;
    private final ActorRef<Object>[] feeds;
    private final boolean[] awaitingAck;
    private final boolean[] feedEnded;
    @SuppressWarnings("unchecked")
    private final Consumer<ExecutionReport>[] executions;
    private final ReplayEvent event = new ReplayEvent();
    private int attached;
    private int feedsEnded;
    private boolean started;
    private boolean pending;
    private boolean exhausted;
    private boolean continueQueued;
    private int messageVenue;
    private long firstEventNs = Long.MIN_VALUE;
    private long wallStartNs;
    private long events;
    private long uncrossed;
    private long startedNs;
    /** Step mode: orders, cancels, modifies and snapshot requests kept until the platform is quiet. */
    private final ArrayDeque<Command> stepInbox = new ArrayDeque<>();
    /** Step mode: what the step sends the platform, handed over at once ({@link #handOver}). */
    private final List<Runnable> outbox = new ArrayList<>();
    private boolean stepWaiting;
    private boolean draining;
    /** Step mode: the time of the events last handed over, read by the strategies ({@link #dataTimeNs()}). */
    private final AtomicLong dataTimeNs;

    static Behavior<Command> create(ReplaySettings settings, ReplaySource source, BadRows badRows,
                                    InstrumentRegistry registry, CompletableFuture<Void> ended, AtomicLong dataTimeNs) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new ReplayExchange(ctx, timers, settings, source,
                badRows, registry, ended, dataTimeNs)));
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // arrays of generic queues and refs, by venue index
    private ReplayExchange(ActorContext<Command> ctx, TimerScheduler<Command> timers, ReplaySettings settings,
                           ReplaySource source, BadRows badRows, InstrumentRegistry registry,
                           CompletableFuture<Void> ended, AtomicLong dataTimeNs) {
        super(ctx);
        this.dataTimeNs = dataTimeNs;
        this.settings = settings;
        this.source = source;
        this.badRows = badRows;
        this.timers = timers;
        this.ended = ended;
        int venues = registry.venues().size();
        this.venueOfSourceVenue = source.venues().stream().mapToInt(v -> registry.venues().indexOf(v)).toArray();
        List<InstrumentRegistry.Listing> listings = source.listings();
        this.instrumentOfSource = new int[listings.size()];
        this.sourceInstruments = new Instrument[listings.size()];
        boolean[] replayed = new boolean[registry.size()];
        for (int i = 0; i < listings.size(); i++) {
            Instrument instrument = registry.find(listings.get(i).venue(), listings.get(i).symbol());
            sourceInstruments[i] = instrument;
            instrumentOfSource[i] = instrument.id();
            replayed[instrument.id()] = true;
        }
        this.venueOfInstrument = registry.instruments().stream().mapToInt(Instrument::venueIndex).toArray();
        this.seqs = new long[registry.size()];
        this.numbering = !source.hasSequenceNumbers();
        this.builders = new MdBatch.Builder[venues];
        this.ready = new ArrayDeque[venues];
        this.feeds = new ActorRef[venues];
        this.awaitingAck = new boolean[venues];
        this.feedEnded = new boolean[venues];
        this.executions = new Consumer[venues];
        for (int v : venueOfSourceVenue) {
            builders[v] = new MdBatch.Builder(v, settings.batchSize());
            ready[v] = new ArrayDeque<>();
        }
        this.market = new ReplayMarket(registry, replayed, settings.makerFeePpm(), settings.takerFeePpm(),
                this::report);
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Connect.class, this::onConnect)
                .onMessage(AttachFeed.class, this::onAttachFeed)
                .onMessage(FeedAck.class, this::onFeedAck)
                .onMessage(Submit.class, this::onSubmit)
                .onMessage(Cancel.class, this::onCancel)
                .onMessage(Modify.class, this::onModify)
                .onMessage(RequestSnapshot.class, this::onRequestSnapshot)
                .onMessageEquals(StopFeed.INSTANCE, this::onStopFeed)
                .onMessageEquals(Wake.INSTANCE, this::pump)
                .onMessageEquals(Continue.INSTANCE, this::onContinue)
                .onMessageEquals(Quiet.INSTANCE, this::onQuiet)
                .onSignal(PostStop.class, signal -> closeSource())
                .build();
    }

    private Behavior<Command> onConnect(Connect msg) {
        executions[msg.venueIndex()] = msg.executions();
        return this;
    }

    private Behavior<Command> onAttachFeed(AttachFeed msg) {
        if (feeds[msg.venueIndex()] == null) {
            attached++;
        }
        feeds[msg.venueIndex()] = msg.feed();
        awaitingAck[msg.venueIndex()] = false; // a new stream (a reconnect) owes nothing to the old one
        if (!started && attached == venueOfSourceVenue.length) {
            started = true;
            startedNs = System.nanoTime();
            try {
                source.start(sourceInstruments);
            } catch (BadRows.Stop e) {
                exhausted = true;
            } catch (IOException e) {
                report(e);
            }
            if (settings.step()) {
                handOverAndWait(); // the first step waits until the platform has finished starting up
                return this;
            }
        }
        return pump();
    }

    private Behavior<Command> onFeedAck(FeedAck msg) {
        awaitingAck[msg.venueIndex()] = false;
        if (settings.step()) {
            return pump(); // if the platform was quiet before this acknowledgement came, the step goes on now
        }
        send(msg.venueIndex());
        return pump();
    }

    private Behavior<Command> onContinue() {
        continueQueued = false;
        return pump();
    }

    private Behavior<Command> onSubmit(Submit msg) {
        if (keptForStep(msg)) {
            return this;
        }
        messageVenue = msg.venueIndex();
        market.submit(msg.order());
        return answered();
    }

    private Behavior<Command> onCancel(Cancel msg) {
        if (keptForStep(msg)) {
            return this;
        }
        messageVenue = msg.venueIndex();
        market.cancel(msg.cancel());
        return answered();
    }

    private Behavior<Command> onModify(Modify msg) {
        if (keptForStep(msg)) {
            return this;
        }
        messageVenue = msg.venueIndex();
        market.modify(msg.modify());
        return answered();
    }

    private void report(int venueIndex, ExecutionReport report) {
        Consumer<ExecutionReport> to = executions[venueIndex >= 0 ? venueIndex : messageVenue];
        if (to != null) {
            if (settings.step()) {
                outbox.add(() -> to.accept(report));
            } else {
                to.accept(report);
            }
        }
    }

    /** A platform book went stale: a Tardis replay answers with the venue's book; a recording has the answer. */
    private Behavior<Command> onRequestSnapshot(RequestSnapshot msg) {
        if (keptForStep(msg)) {
            return this;
        }
        int id = msg.instrumentId();
        if (!numbering || id < 0 || id >= seqs.length || market.book(id) == null || exhausted) {
            return this;
        }
        int v = venueOfInstrument[id];
        DepthBook book = market.book(id);
        long[] bp = new long[book.levelCount(Side.BUY)];
        long[] bq = new long[bp.length];
        long[] ap = new long[book.levelCount(Side.SELL)];
        long[] aq = new long[ap.length];
        book.depth(Side.BUY, bp, bq, bp.length);
        book.depth(Side.SELL, ap, aq, ap.length);
        flush(v);
        ready[v].add(new BookSnapshot(id, seqs[id], bp, bq, ap, aq, 0L));
        events++;
        if (!settings.step()) {
            send(v);
        } else if (!draining && !stepWaiting) {
            return pump(); // outside a step: the snapshot goes out as a step of its own
        }
        return this;
    }

    private Behavior<Command> onStopFeed() {
        if (!exhausted) {
            exhausted = true;
            pending = false;
        }
        return pump();
    }

    /** Reads, applies and queues events until a feed is backed up, the next event is not due, or a slice is done. */
    private Behavior<Command> pump() {
        if (!started) {
            return this;
        }
        if (settings.step()) {
            return step();
        }
        for (int n = 0; !exhausted; n++) {
            if (!pending && !read()) {
                break;
            }
            if (settings.speed() > 0 && !due()) {
                flushAll();
                return this;
            }
            int v = venueOfInstrument[instrumentOfSource[event.instrument]];
            if (ready[v].size() >= 2) {
                return this; // that venue's stream is behind: wait for its acknowledgement
            }
            apply(v);
            pending = false;
            if (n == SLICE) {
                flushAll();
                if (!continueQueued) {
                    continueQueued = true;
                    getContext().getSelf().tell(Continue.INSTANCE);
                }
                return this;
            }
        }
        if (exhausted) {
            finish();
        }
        return this;
    }

    /**
     * Step mode: the platform's reaction comes back first (a message that arrived while the platform was busy
     * waits until it is quiet); then one element goes out; when none is left, the next step's events (every event
     * of the next timestamp) are read and applied. Whatever each of these sends the platform (execution reports,
     * the element) is handed over in one task on the platform's own thread ({@link #handOver}), and the exchange
     * waits for the platform to be quiet again. Everything the platform sees thus arrives while it is idle, in an
     * order fixed by the data and the strategies alone.
     */
    private Behavior<Command> step() {
        if (stepWaiting) {
            return this;
        }
        if (!stepInbox.isEmpty()) {
            draining = true;
            while (!stepInbox.isEmpty()) {
                Command kept = stepInbox.poll();
                if (kept instanceof Submit s) {
                    onSubmit(s);
                } else if (kept instanceof Cancel c) {
                    onCancel(c);
                } else if (kept instanceof Modify m) {
                    onModify(m);
                } else {
                    onRequestSnapshot((RequestSnapshot) kept);
                }
            }
            draining = false;
            handOverAndWait();
            return this;
        }
        if (sendOne()) {
            handOverAndWait();
            return this;
        }
        if (owesAcknowledgement()) {
            return this; // an element is still on its way through a feed: onFeedAck comes back here
        }
        if (!exhausted && (pending || read())) {
            long time = event.timeNs;
            dataTimeNs.set(time);
            do {
                apply(venueOfInstrument[instrumentOfSource[event.instrument]]);
                pending = false;
            } while (read() && event.timeNs == time);
            for (int v : venueOfSourceVenue) {
                flush(v);
            }
            sendOne();
            handOverAndWait();
            return this;
        }
        if (exhausted && feedsEnded < venueOfSourceVenue.length) {
            finish();
            handOver();
            if (feedsEnded == venueOfSourceVenue.length) {
                onEnded();
            }
        }
        return this;
    }

    /** Step mode: whether an element waits for its feed, or one handed over has not been acknowledged yet. */
    private boolean owesAcknowledgement() {
        for (int v : venueOfSourceVenue) {
            if ((awaitingAck[v] || !ready[v].isEmpty()) && !feedEnded[v]) {
                return true;
            }
        }
        return false;
    }

    /** Step mode: sends the first element waiting for a feed that owes no acknowledgement; false if none went. */
    private boolean sendOne() {
        for (int v : venueOfSourceVenue) {
            if (!ready[v].isEmpty() && feeds[v] != null && !awaitingAck[v] && !feedEnded[v]) {
                send(v);
                return true;
            }
        }
        return false;
    }

    /**
     * Step mode: runs what the step sends the platform as one task on the platform's single thread, so that the
     * platform starts on none of it before all of it is in its mailboxes.
     */
    private void handOver() {
        if (outbox.isEmpty()) {
            return;
        }
        Runnable[] sends = outbox.toArray(new Runnable[0]);
        outbox.clear();
        getContext().getSystem().executionContext().execute(() -> {
            for (Runnable send : sends) {
                send.run();
            }
        });
    }

    private void handOverAndWait() {
        handOver();
        stepWaiting = true;
        ActorRef<Command> self = getContext().getSelf();
        StepExecutor.whenQuiet(() -> self.tell(Quiet.INSTANCE));
    }

    private Behavior<Command> onQuiet() {
        stepWaiting = false;
        return pump();
    }

    /**
     * Step mode: keeps a message from the platform for when it is quiet; true if kept. Kept while the exchange waits
     * for quiet or for an element's acknowledgement; not while it handles the kept ones, nor outside a step (before
     * the data starts, after it ended: then it is answered at once, see {@link #answered}).
     */
    private boolean keptForStep(Command msg) {
        if (!settings.step() || draining || (!stepWaiting && !(started && owesAcknowledgement()))) {
            return false;
        }
        stepInbox.add(msg);
        return true;
    }

    /** After a message from the platform was answered: in step mode, outside a step, hands the answer over. */
    private Behavior<Command> answered() {
        if (settings.step() && !draining) {
            handOver();
        }
        return this;
    }

    private boolean read() {
        try {
            pending = source.next(event);
        } catch (BadRows.Stop e) {
            pending = false;
        } catch (IOException e) {
            report(e);
            pending = false;
        }
        if (!pending) {
            exhausted = true;
        }
        return pending;
    }

    private void report(IOException e) {
        try {
            badRows.report(source.description(), "cannot be read on: " + e.getMessage());
        } catch (BadRows.Stop ignored) {
            // stopping is what happens anyway
        }
        exhausted = true;
    }

    /** True when the pending event's time has come at the replay speed; else a wake-up is scheduled. */
    private boolean due() {
        long now = System.nanoTime();
        if (firstEventNs == Long.MIN_VALUE) {
            firstEventNs = event.timeNs;
            wallStartNs = now;
            return true;
        }
        long dueNs = wallStartNs + (long) ((event.timeNs - firstEventNs) / settings.speed());
        long wait = dueNs - now;
        if (wait <= 0) {
            return true;
        }
        timers.startSingleTimer(Wake.INSTANCE, Duration.ofNanos(Math.max(wait, 1_000_000)));
        return false;
    }

    private void apply(int v) {
        int id = instrumentOfSource[event.instrument];
        market.time(event.timeNs);
        events++;
        switch (event.kind) {
            case ReplayEvent.SNAPSHOT -> {
                long seq = numbering ? seqs[id] : event.seq;
                seqs[id] = seq;
                BookSnapshot snapshot = new BookSnapshot(id, seq, event.bidPrices, event.bidQtys, event.askPrices,
                        event.askQtys, 0L);
                market.snapshot(snapshot);
                flush(v);
                ready[v].add(snapshot);
            }
            case ReplayEvent.DEPTH -> {
                if (numbering && event.qtyLots > 0) {
                    uncross(v, id, event.side, event.priceTicks);
                }
                depth(v, id, event.side, event.priceTicks, event.qtyLots, event.seq);
            }
            default -> {
                Side aggressor = event.side != null ? event.side : inferAggressor(id, event.priceTicks);
                long seq = numbering ? ++seqs[id] : event.seq;
                seqs[id] = seq;
                market.trade(id, seq, aggressor, event.priceTicks, event.qtyLots);
                room(v).trade(id, seq, aggressor, event.priceTicks, event.qtyLots);
            }
        }
        if (!settings.step()) {
            send(v);
        }
    }

    private void depth(int v, int id, Side side, long price, long qty, long sourceSeq) {
        long seq = numbering ? ++seqs[id] : sourceSeq;
        seqs[id] = seq;
        market.depth(id, seq, side, price, qty);
        room(v).depth(id, seq, side, price, qty);
    }

    /** Deletes the opposite levels a new level at {@code price} would cross (they are stale in the data). */
    private void uncross(int v, int id, Side side, long price) {
        DepthBook book = market.book(id);
        while (true) {
            long opposite = side == Side.BUY ? book.bestAsk() : book.bestBid();
            if (opposite == DepthBook.NO_PRICE || (side == Side.BUY ? opposite > price : opposite < price)) {
                return;
            }
            uncrossed++;
            events++;
            depth(v, id, side.opposite(), opposite, 0, 0);
        }
    }

    /** A trade without an aggressor: a buy at or above the best ask, a sell at or below the best bid, else by mid. */
    private Side inferAggressor(int id, long price) {
        DepthBook book = market.book(id);
        long bid = book.bestBid();
        long ask = book.bestAsk();
        if (ask != DepthBook.NO_PRICE && price >= ask) {
            return Side.BUY;
        }
        if (bid != DepthBook.NO_PRICE && price <= bid) {
            return Side.SELL;
        }
        return bid == DepthBook.NO_PRICE || ask == DepthBook.NO_PRICE || 2 * price >= bid + ask ? Side.BUY : Side.SELL;
    }

    private MdBatch.Builder room(int v) {
        if (builders[v].isFull()) {
            ready[v].add(builders[v].build());
        }
        return builders[v];
    }

    private void flush(int v) {
        if (!builders[v].isEmpty()) {
            ready[v].add(builders[v].build());
        }
    }

    private void flushAll() {
        for (int v : venueOfSourceVenue) {
            flush(v);
            send(v);
        }
    }

    private void send(int v) {
        if (feeds[v] == null || awaitingAck[v] || feedEnded[v]) {
            return;
        }
        ActorRef<Object> feed = feeds[v];
        MarketData next = ready[v].poll();
        if (next != null) {
            awaitingAck[v] = true;
            if (settings.step()) {
                outbox.add(() -> feed.tell(next));
            } else {
                feed.tell(next);
            }
        } else if (exhausted && builders[v].isEmpty()) {
            feedEnded[v] = true;
            if (settings.step()) {
                outbox.add(() -> feed.tell(FeedEnd.INSTANCE));
            } else {
                feed.tell(FeedEnd.INSTANCE);
            }
            if (++feedsEnded == venueOfSourceVenue.length && !settings.step()) {
                onEnded(); // in step mode once the FeedEnds are handed over (step())
            }
        }
    }

    /** The data is exhausted (or the platform stopped the feeds): what is queued goes out, then the feeds end. */
    private void finish() {
        flushAll();
    }

    private void onEnded() {
        double seconds = (System.nanoTime() - startedNs) / 1e9;
        getContext().getLog().info("replay of {} ended: {} events in {} s ({} events/s), {} levels uncrossed, {} "
                        + "bad rows", source.description(), events, String.format("%.2f", seconds),
                String.format("%.0f", events / Math.max(seconds, 1e-9)), uncrossed, badRows.count());
        closeSource();
        ended.complete(null);
    }

    private Behavior<Command> closeSource() {
        try {
            source.close();
        } catch (IOException e) {
            getContext().getLog().warn("closing {}: {}", source.description(), e.getMessage());
        }
        return this;
    }
}
