package io.rialto.core.kernel;

import io.rialto.core.book.DepthBook;
import io.rialto.core.domain.BookSnapshot;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.MarketTrade;
import io.rialto.core.domain.MdBatch;
import io.rialto.core.domain.RialtoMessage;
import io.rialto.core.domain.Side;
import io.rialto.core.metrics.PlatformMetrics;
import org.agrona.collections.Int2IntHashMap;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Owns the books of one symbol: a {@link DepthBook} per venue listing it. The only writer of that
 * state. Applies market data that ingestion routes to it (acknowledging each batch, which is what
 * backpressures the feed) and publishes to the strategies subscribed to the symbol:
 * <ul>
 *   <li>book updates are conflated per subscriber by credit: a subscriber holds at most one
 *       unconsumed {@link BookUpdate}; while it does, newer versions replace each other here and the
 *       versions it never sees are counted as conflated;</li>
 *   <li>trades are sent to every subscriber as they happen, never conflated.</li>
 * </ul>
 * A sequence gap or a crossed book makes that venue's book stale (not served, its updates ignored) and
 * asks the venue for a snapshot (a resync), counted and logged once per stale period; the snapshot makes
 * it whole again.
 */
public final class SymbolBook extends AbstractBehavior<SymbolBook.Command> {

    public interface Command extends RialtoMessage {
    }

    /** Apply the events {@code order[from..to)} of a batch, all of this symbol. */
    public record Apply(MdBatch batch, int[] order, int from, int to, ActorRef<Applied> replyTo) implements Command {
    }

    public record ApplySnapshot(BookSnapshot snapshot, ActorRef<Applied> replyTo) implements Command {
    }

    public record Applied(int symbolIndex, int events) implements RialtoMessage {
    }

    public record Subscribe(int strategyIndex, ActorRef<StrategyHost.Command> subscriber) implements Command {
    }

    public record Unsubscribe(int strategyIndex) implements Command {
    }

    /** The subscriber finished with its last {@link BookUpdate}; it may get the next one. */
    public record Consumed(int strategyIndex) implements Command {
    }

    /** Replies with the current book, {@code levels} deep per venue. */
    public record GetTop(int levels, ActorRef<BookUpdate> replyTo) implements Command {
    }

    public record GetStats(ActorRef<Stats> replyTo) implements Command {
    }

    public record Stats(int symbolIndex, long events, long gaps, long crossed, long ignored, long published,
                        long conflated, long tradesPublished, long resyncs) implements RialtoMessage {
    }

    private final int symbolIndex;
    private final String symbol;
    private final int[] instrumentIds;
    private final DepthBook[] books;
    private final int levels;
    private final PlatformMetrics metrics;

    private ActorRef<StrategyHost.Command>[] subscribers;
    private int[] subscriberStrategy;
    private boolean[] inFlight;
    private long[] lastSentVersion;
    private int subscriberCount;
    private final Int2IntHashMap slotByStrategy = new Int2IntHashMap(-1);

    private long version;
    private long lastIngestNs;
    private long events;
    private long gaps;
    private long crossed;
    private long ignored;
    private long published;
    private long conflated;
    private long tradesPublished;
    private final boolean[] reportedBad;
    private final IntConsumer resync;
    private long resyncs;
    private final ActorRef<RiskGate.Command> riskGate;
    /** Best prices last sent to risk, per venue slot. */
    private final long[] sentBid;
    private final long[] sentAsk;

    /**
     * @param riskGate where best-price changes and trades go (the risk engine's reference prices), or
     *                 {@code null} for none
     */
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
        return Behaviors.setup(ctx -> new SymbolBook(ctx, registry, symbolIndex, levels, metrics, riskGate, resync));
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // the subscriber array: refs by slot, no list of boxes
    private SymbolBook(ActorContext<Command> ctx, InstrumentRegistry registry, int symbolIndex, int levels,
                       PlatformMetrics metrics, ActorRef<RiskGate.Command> riskGate, IntConsumer resync) {
        super(ctx);
        this.resync = resync;
        this.riskGate = riskGate;
        this.symbolIndex = symbolIndex;
        this.symbol = registry.symbols().get(symbolIndex);
        this.instrumentIds = registry.instrumentsOfSymbol(symbolIndex);
        this.levels = levels;
        this.metrics = metrics;
        this.books = new DepthBook[instrumentIds.length];
        for (int i = 0; i < books.length; i++) {
            books[i] = new DepthBook(64);
        }
        this.reportedBad = new boolean[instrumentIds.length];
        this.sentBid = new long[instrumentIds.length];
        this.sentAsk = new long[instrumentIds.length];
        java.util.Arrays.fill(sentBid, DepthBook.NO_PRICE);
        java.util.Arrays.fill(sentAsk, DepthBook.NO_PRICE);
        this.subscribers = new ActorRef[8];
        this.subscriberStrategy = new int[8];
        this.inFlight = new boolean[8];
        this.lastSentVersion = new long[8];
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Apply.class, this::onApply)
                .onMessage(ApplySnapshot.class, this::onApplySnapshot)
                .onMessage(Subscribe.class, this::onSubscribe)
                .onMessage(Unsubscribe.class, this::onUnsubscribe)
                .onMessage(Consumed.class, this::onConsumed)
                .onMessage(GetTop.class, this::onGetTop)
                .onMessage(GetStats.class, this::onGetStats)
                .build();
    }

    private Behavior<Command> onApply(Apply apply) {
        MdBatch b = apply.batch();
        long versionBefore = version;
        for (int k = apply.from(); k < apply.to(); k++) {
            int i = apply.order()[k];
            int slot = slotOf(b.instrumentIds()[i]);
            DepthBook book = books[slot];
            int result;
            if (b.kinds()[i] == MdBatch.DEPTH) {
                result = book.apply(b.seqs()[i], Side.ofOrdinal(b.sides()[i]), b.pricesTicks()[i], b.qtysLots()[i]);
                if (result == DepthBook.APPLIED) {
                    version++;
                }
            } else {
                result = book.advance(b.seqs()[i]);
                publishTrade(b.trade(i));
            }
            if (result != DepthBook.APPLIED) {
                onBadEvent(slot, result, b.seqs()[i]);
            }
        }
        int n = apply.to() - apply.from();
        events += n;
        metrics.mdEvents.add(n);
        long now = System.nanoTime();
        if (b.ingestNs() != 0) {
            PlatformMetrics.record(metrics.ingestToBook, now - b.ingestNs());
        }
        lastIngestNs = b.ingestNs();
        if (version != versionBefore) {
            publishBook(now);
            publishPricesToRisk();
        }
        apply.replyTo().tell(new Applied(symbolIndex, n));
        return this;
    }

    private Behavior<Command> onApplySnapshot(ApplySnapshot msg) {
        BookSnapshot s = msg.snapshot();
        int slot = slotOf(s.instrumentId());
        books[slot].applySnapshot(s);
        reportedBad[slot] = false;
        events++;
        metrics.mdEvents.increment();
        version++;
        lastIngestNs = s.ingestNs();
        publishBook(System.nanoTime());
        publishPricesToRisk();
        msg.replyTo().tell(new Applied(symbolIndex, 1));
        return this;
    }

    private int slotOf(int instrumentId) {
        for (int i = 0; i < instrumentIds.length; i++) {
            if (instrumentIds[i] == instrumentId) {
                return i;
            }
        }
        throw new IllegalArgumentException("instrument " + instrumentId + " is not a listing of " + symbol);
    }

    private void onBadEvent(int slot, int result, long seq) {
        switch (result) {
            case DepthBook.GAP -> gaps++;
            case DepthBook.CROSSED -> crossed++;
            default -> ignored++;
        }
        if (!reportedBad[slot] && result != DepthBook.IGNORED) {
            reportedBad[slot] = true; // once per stale period: one resync request, one log line
            resyncs++;
            getContext().getLog().warn("{} on venue slot {}: {} at seq {} (last good {}); stale, snapshot requested",
                    symbol, slot, result == DepthBook.GAP ? "sequence gap" : "crossed book", seq,
                    books[slot].lastSeq());
            resync.accept(instrumentIds[slot]);
        }
    }

    /** Tells risk the venues whose best bid or ask changed since the last time. */
    private void publishPricesToRisk() {
        if (riskGate == null) {
            return;
        }
        for (int v = 0; v < books.length; v++) {
            long bid = books[v].isStale() ? DepthBook.NO_PRICE : books[v].bestBid();
            long ask = books[v].isStale() ? DepthBook.NO_PRICE : books[v].bestAsk();
            if (bid != sentBid[v] || ask != sentAsk[v]) {
                sentBid[v] = bid;
                sentAsk[v] = ask;
                riskGate.tell(new RiskGate.MarketPrice(instrumentIds[v], bid, ask));
            }
        }
    }

    private void publishTrade(MarketTrade trade) {
        if (riskGate != null) {
            riskGate.tell(new RiskGate.MarketTradePrice(trade.instrumentId(), trade.priceTicks()));
        }
        for (int s = 0; s < subscriberCount; s++) {
            subscribers[s].tell(new StrategyHost.TradeTick(trade));
            tradesPublished++;
        }
    }

    private void publishBook(long nowNs) {
        BookUpdate update = null;
        for (int s = 0; s < subscriberCount; s++) {
            if (!inFlight[s]) {
                if (update == null) {
                    update = snapshot(levels, nowNs);
                }
                send(s, update);
            }
        }
    }

    private void send(int slot, BookUpdate update) {
        long skipped = update.version() - lastSentVersion[slot] - 1;
        if (skipped > 0 && lastSentVersion[slot] > 0) {
            conflated += skipped;
            metrics.conflatedUpdates.add(skipped);
        }
        lastSentVersion[slot] = update.version();
        inFlight[slot] = true;
        published++;
        subscribers[slot].tell(update);
    }

    private BookUpdate snapshot(int depth, long nowNs) {
        int venues = books.length;
        int[] bidCounts = new int[venues];
        int[] askCounts = new int[venues];
        long[] bidPrices = new long[venues * depth];
        long[] bidQtys = new long[venues * depth];
        long[] askPrices = new long[venues * depth];
        long[] askQtys = new long[venues * depth];
        long[] px = new long[depth];
        long[] qty = new long[depth];
        for (int v = 0; v < venues; v++) {
            if (books[v].isStale()) {
                continue; // a stale book is not served
            }
            int n = books[v].depth(Side.BUY, px, qty, depth);
            System.arraycopy(px, 0, bidPrices, v * depth, n);
            System.arraycopy(qty, 0, bidQtys, v * depth, n);
            bidCounts[v] = n;
            n = books[v].depth(Side.SELL, px, qty, depth);
            System.arraycopy(px, 0, askPrices, v * depth, n);
            System.arraycopy(qty, 0, askQtys, v * depth, n);
            askCounts[v] = n;
        }
        return new BookUpdate(symbolIndex, symbol, instrumentIds, depth, bidCounts, bidPrices, bidQtys, askCounts,
                askPrices, askQtys, version, lastIngestNs, nowNs);
    }

    private Behavior<Command> onSubscribe(Subscribe msg) {
        if (slotByStrategy.get(msg.strategyIndex()) != -1) {
            return this;
        }
        if (subscriberCount == subscribers.length) {
            int n = subscriberCount * 2;
            subscribers = Arrays.copyOf(subscribers, n);
            subscriberStrategy = Arrays.copyOf(subscriberStrategy, n);
            inFlight = Arrays.copyOf(inFlight, n);
            lastSentVersion = Arrays.copyOf(lastSentVersion, n);
        }
        int slot = subscriberCount++;
        subscribers[slot] = msg.subscriber();
        subscriberStrategy[slot] = msg.strategyIndex();
        inFlight[slot] = false;
        lastSentVersion[slot] = 0;
        slotByStrategy.put(msg.strategyIndex(), slot);
        if (version > 0) {
            send(slot, snapshot(levels, System.nanoTime()));
        }
        return this;
    }

    private Behavior<Command> onUnsubscribe(Unsubscribe msg) {
        int slot = slotByStrategy.remove(msg.strategyIndex());
        if (slot == -1) {
            return this;
        }
        int last = --subscriberCount;
        if (slot != last) {
            subscribers[slot] = subscribers[last];
            subscriberStrategy[slot] = subscriberStrategy[last];
            inFlight[slot] = inFlight[last];
            lastSentVersion[slot] = lastSentVersion[last];
            slotByStrategy.put(subscriberStrategy[slot], slot);
        }
        subscribers[last] = null;
        return this;
    }

    private Behavior<Command> onConsumed(Consumed msg) {
        int slot = slotByStrategy.get(msg.strategyIndex());
        if (slot == -1) {
            return this;
        }
        inFlight[slot] = false;
        if (lastSentVersion[slot] < version) {
            send(slot, snapshot(levels, System.nanoTime()));
        }
        return this;
    }

    private Behavior<Command> onGetTop(GetTop msg) {
        msg.replyTo().tell(snapshot(msg.levels(), System.nanoTime()));
        return this;
    }

    private Behavior<Command> onGetStats(GetStats msg) {
        msg.replyTo().tell(new Stats(symbolIndex, events, gaps, crossed, ignored, published, conflated,
                tradesPublished, resyncs));
        return this;
    }
}
