package io.rialto.core.kernel;

import io.rialto.core.book.DepthBook;
import io.rialto.core.domain.BookSnapshot;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.MarketTrade;
import io.rialto.core.domain.MdBatch;
import io.rialto.core.domain.Side;
import io.rialto.core.metrics.PlatformMetrics;
import org.agrona.collections.Int2IntHashMap;
import org.apache.pekko.actor.typed.ActorRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Everything one symbol's book actor owns: a {@link DepthBook} per venue listing the symbol, its subscribers
 * and its counts. A plain object with one writer at a time: the {@link SymbolBook} host that holds it. A
 * tier move hands the object itself to the next host inside a message (the send is the happens-before edge),
 * so the state never exists twice and nothing is copied.
 * <ul>
 *   <li>book updates are conflated per subscriber by credit: a subscriber holds at most one unconsumed
 *       {@link BookUpdate}; while it does, newer versions replace each other here and the versions it never
 *       sees are counted as conflated;</li>
 *   <li>trades go to every subscriber, one message per applied slice carrying all of that slice's trades,
 *       never conflated.</li>
 * </ul>
 * A sequence gap or a crossed book makes that venue's book stale (not served, its updates ignored) and asks
 * the venue for a snapshot (a resync), counted and logged once per stale period; the snapshot makes it whole.
 */
final class SymbolState {
    private static final Logger LOG = LoggerFactory.getLogger(SymbolBook.class);

    final int symbolIndex;
    final String symbol;
    private final InstrumentRegistry registry;
    private final int[] instrumentIds;
    /** Venue index of each venue slot: the feed whose fence a tier move waits for. */
    private final int[] venueOfSlot;
    private final DepthBook[] books;
    private final int levels;
    private final PlatformMetrics metrics;
    private final IntConsumer resync;
    private final long[] sentBid;
    private final long[] sentAsk;
    private final boolean[] reportedBad;

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
    private long resyncs;
    private long moves;
    /** A book version not yet published because the tier is throttled. */
    private boolean bookHeld;

    /** During a tier move: per venue slot, whether that feed's fence is still to come, and what it sent meanwhile. */
    private boolean[] awaitingFence;
    private int fencesOutstanding;
    private ArrayDeque<SymbolBook.Command>[] held;

    @SuppressWarnings({"unchecked", "rawtypes"}) // the subscriber array: refs by slot, no list of boxes
    SymbolState(InstrumentRegistry registry, int symbolIndex, int levels, PlatformMetrics metrics,
                IntConsumer resync) {
        this.registry = registry;
        this.symbolIndex = symbolIndex;
        this.symbol = registry.symbols().get(symbolIndex);
        this.instrumentIds = registry.instrumentsOfSymbol(symbolIndex);
        this.levels = levels;
        this.metrics = metrics;
        this.resync = resync;
        int venues = instrumentIds.length;
        this.venueOfSlot = new int[venues];
        this.books = new DepthBook[venues];
        for (int i = 0; i < venues; i++) {
            books[i] = new DepthBook(64);
            venueOfSlot[i] = registry.get(instrumentIds[i]).venueIndex();
        }
        this.reportedBad = new boolean[venues];
        this.sentBid = new long[venues];
        this.sentAsk = new long[venues];
        Arrays.fill(sentBid, DepthBook.NO_PRICE);
        Arrays.fill(sentAsk, DepthBook.NO_PRICE);
        this.subscribers = new ActorRef[4];
        this.subscriberStrategy = new int[4];
        this.inFlight = new boolean[4];
        this.lastSentVersion = new long[4];
    }

    long events() {
        return events;
    }

    /**
     * Applies the events {@code order[from..to)} of a batch, all of this symbol, then publishes once: trades
     * always, the book unless {@code holdBook} (a throttled tier), in which case it waits for
     * {@link #publishHeldBook}. {@code now} stamps the book update (read once per host message).
     */
    void apply(MdBatch b, int[] order, int from, int to, boolean holdBook, RiskPrices prices, long now) {
        long versionBefore = version;
        MarketTrade[] trades = null;
        int tradeCount = 0;
        for (int k = from; k < to; k++) {
            int i = order[k];
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
                MarketTrade trade = b.trade(i);
                if (prices != null) {
                    prices.trade(trade.instrumentId(), trade.priceTicks());
                }
                if (subscriberCount > 0) {
                    if (trades == null) {
                        trades = new MarketTrade[to - k];
                    }
                    trades[tradeCount++] = trade;
                }
            }
            if (result != DepthBook.APPLIED) {
                onBadEvent(slot, result, b.seqs()[i]);
            }
        }
        events += to - from; // the host counts the platform-wide events and the ingest latency, once per message
        lastIngestNs = b.ingestNs();
        if (tradeCount > 0) {
            publishTrades(tradeCount == trades.length ? trades : Arrays.copyOf(trades, tradeCount));
        }
        if (version != versionBefore) {
            publishPricesToRisk(prices);
            if (holdBook) {
                bookHeld = true;
            } else {
                publishBook(now);
            }
        }
    }

    /** Publishes the book held back by a throttle, if any. */
    void publishHeldBook() {
        if (bookHeld) {
            bookHeld = false;
            publishBook(System.nanoTime());
        }
    }

    void applySnapshot(BookSnapshot s, RiskPrices prices) {
        int slot = slotOf(s.instrumentId());
        books[slot].applySnapshot(s);
        reportedBad[slot] = false;
        events++;
        metrics.mdEvents.increment();
        version++;
        lastIngestNs = s.ingestNs();
        publishBook(System.nanoTime());
        publishPricesToRisk(prices);
    }

    private int slotOf(int instrumentId) {
        for (int i = 0; i < instrumentIds.length; i++) {
            if (instrumentIds[i] == instrumentId) {
                return i;
            }
        }
        throw new IllegalArgumentException("instrument " + instrumentId + " is not a listing of " + symbol);
    }

    private int slotOfVenue(int venue) {
        for (int i = 0; i < venueOfSlot.length; i++) {
            if (venueOfSlot[i] == venue) {
                return i;
            }
        }
        return -1;
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
            metrics.resyncs.increment();
            LOG.warn("{} on {}: {} at seq {} (last good {}); stale, snapshot requested", symbol,
                    registry.venues().get(venueOfSlot[slot]), result == DepthBook.GAP ? "sequence gap" : "crossed book",
                    seq, books[slot].lastSeq());
            resync.accept(instrumentIds[slot]);
        }
    }

    /** Gathers for risk the venues whose best bid or ask changed since the last time. */
    private void publishPricesToRisk(RiskPrices prices) {
        if (prices == null) {
            return;
        }
        for (int v = 0; v < books.length; v++) {
            long bid = books[v].isStale() ? DepthBook.NO_PRICE : books[v].bestBid();
            long ask = books[v].isStale() ? DepthBook.NO_PRICE : books[v].bestAsk();
            if (bid != sentBid[v] || ask != sentAsk[v]) {
                sentBid[v] = bid;
                sentAsk[v] = ask;
                prices.quote(instrumentIds[v], bid, ask);
            }
        }
    }

    private void publishTrades(MarketTrade[] trades) {
        StrategyHost.Trades message = new StrategyHost.Trades(trades);
        for (int s = 0; s < subscriberCount; s++) {
            subscribers[s].tell(message);
        }
        tradesPublished += (long) trades.length * subscriberCount;
    }

    private void publishBook(long nowNs) {
        BookUpdate update = null;
        for (int s = 0; s < subscriberCount; s++) {
            if (!inFlight[s]) {
                if (update == null) {
                    update = top(levels, nowNs);
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

    /** The current book, {@code depth} levels per venue; a stale venue's book is not served. */
    BookUpdate top(int depth, long nowNs) {
        int venues = books.length;
        int[] bidCounts = new int[venues];
        int[] askCounts = new int[venues];
        long[] bidPrices = new long[venues * depth];
        long[] bidQtys = new long[venues * depth];
        long[] askPrices = new long[venues * depth];
        long[] askQtys = new long[venues * depth];
        for (int v = 0; v < venues; v++) {
            if (books[v].isStale()) {
                continue;
            }
            bidCounts[v] = books[v].depth(Side.BUY, bidPrices, bidQtys, v * depth, depth);
            askCounts[v] = books[v].depth(Side.SELL, askPrices, askQtys, v * depth, depth);
        }
        return new BookUpdate(symbolIndex, symbol, instrumentIds, depth, bidCounts, bidPrices, bidQtys, askCounts,
                askPrices, askQtys, version, lastIngestNs, nowNs);
    }

    @SuppressWarnings("unchecked") // the subscriber array grows as a copy of itself
    void subscribe(int strategyIndex, ActorRef<StrategyHost.Command> subscriber) {
        if (slotByStrategy.get(strategyIndex) != -1) {
            return;
        }
        if (subscriberCount == subscribers.length) {
            int n = subscriberCount * 2;
            subscribers = Arrays.copyOf(subscribers, n);
            subscriberStrategy = Arrays.copyOf(subscriberStrategy, n);
            inFlight = Arrays.copyOf(inFlight, n);
            lastSentVersion = Arrays.copyOf(lastSentVersion, n);
        }
        int slot = subscriberCount++;
        subscribers[slot] = subscriber;
        subscriberStrategy[slot] = strategyIndex;
        inFlight[slot] = false;
        lastSentVersion[slot] = 0;
        slotByStrategy.put(strategyIndex, slot);
        if (version > 0) {
            send(slot, top(levels, System.nanoTime()));
        }
    }

    void unsubscribe(int strategyIndex) {
        int slot = slotByStrategy.remove(strategyIndex);
        if (slot == -1) {
            return;
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
    }

    void consumed(int strategyIndex) {
        int slot = slotByStrategy.get(strategyIndex);
        if (slot == -1) {
            return;
        }
        inFlight[slot] = false;
        if (lastSentVersion[slot] < version) {
            send(slot, top(levels, System.nanoTime()));
        }
    }

    SymbolBook.Stats stats() {
        return new SymbolBook.Stats(symbolIndex, events, gaps, crossed, ignored, published, conflated,
                tradesPublished, resyncs, moves);
    }

    // ---- tier moves ------------------------------------------------------------------------------------

    /**
     * Called by the host taking this state over: until each venue feed's fence arrives (through the previous
     * host, behind everything that feed sent there), what that feed sends here directly is held back.
     */
    @SuppressWarnings({"unchecked", "rawtypes"}) // one queue per venue slot
    void expectFences() {
        moves++;
        awaitingFence = new boolean[venueOfSlot.length];
        Arrays.fill(awaitingFence, true);
        fencesOutstanding = venueOfSlot.length;
        held = new ArrayDeque[venueOfSlot.length];
    }

    boolean moving() {
        return fencesOutstanding > 0;
    }

    /** Whether events of {@code feed} sent straight here must wait for that feed's fence. */
    boolean mustHold(int feed) {
        if (fencesOutstanding == 0) {
            return false;
        }
        int slot = slotOfVenue(feed);
        return slot >= 0 && awaitingFence[slot];
    }

    void hold(int feed, SymbolBook.Command message) {
        int slot = slotOfVenue(feed);
        if (held[slot] == null) {
            held[slot] = new ArrayDeque<>();
        }
        held[slot].add(message);
    }

    /**
     * The fence of {@code feed} arrived: everything it sent to the previous host is applied. Returns what it
     * sent here meanwhile, in order, for the host to apply now (empty if nothing).
     */
    ArrayDeque<SymbolBook.Command> fenceArrived(int feed) {
        int slot = slotOfVenue(feed);
        if (slot < 0 || awaitingFence == null || !awaitingFence[slot]) {
            return null;
        }
        awaitingFence[slot] = false;
        fencesOutstanding--;
        ArrayDeque<SymbolBook.Command> released = held[slot];
        held[slot] = null;
        if (fencesOutstanding == 0) {
            awaitingFence = null;
            held = null;
        }
        return released;
    }
}
