package io.rialto.venues.sim;

import io.rialto.core.book.MatchReject;
import io.rialto.core.book.MatchingBook;
import io.rialto.core.book.MatchingListener;
import io.rialto.core.book.SelfTradePrevention;
import io.rialto.core.domain.BookSnapshot;
import io.rialto.core.domain.CancelOrder;
import io.rialto.core.domain.ExecutionReport;
import io.rialto.core.domain.Instrument;
import io.rialto.core.domain.Liquidity;
import io.rialto.core.domain.MarketData;
import io.rialto.core.domain.MdBatch;
import io.rialto.core.domain.ModifyOrder;
import io.rialto.core.domain.NewOrder;
import io.rialto.core.domain.OrderType;
import io.rialto.core.domain.RejectReason;
import io.rialto.core.domain.Side;
import io.rialto.core.domain.TimeInForce;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One simulated venue's market: a {@link MatchingBook} per listed instrument, simulated participants
 * that trade in them, and the platform's orders matched against both. Produces the venue's market
 * data (depth updates for every level an action changed, and trades, with per-instrument sequence
 * numbers) and execution reports for the platform's orders. Plain single-threaded Java; the
 * {@code SimExchange} actor owns it.
 *
 * <p>Participants: each action picks an instrument with Zipf-skewed weights and either adds a
 * passive limit order a few ticks from a fair price that follows a random walk (55%), cancels one of
 * its resting orders (35%), or sends a marketable IOC order that prints trades (10%). The action
 * stream is a function of the seed alone, so the participants' flow is reproducible.
 *
 * <p>Depth updates of one action are emitted deletions first: the consumer's book never crosses
 * between two updates of the same action.
 */
final class SimMarket implements MatchingListener {
    private static final int NULL_INDEX = -1;
    private static final int RING = 512;

    private final SimSettings settings;
    private final List<Instrument> instruments;
    private final int[] localByInstrumentId;
    private final MatchingBook[] books;
    private final long[] seqs;
    private final double[] fairTicks;
    private final long[][] participantIds;
    private final byte[][] participantSides;
    private final long[][] participantPrices;
    private final int[] ringHead;
    private final int[] ringSize;
    private final double[] cumulativeWeight;
    private final SplittableRandom random;
    private final Consumer<ExecutionReport> executions;
    private final LongSupplier wallClockNs;

    private final MdBatch.Builder builder;
    private final ArrayDeque<MarketData> ready = new ArrayDeque<>();
    /** Depth and trade events emitted so far (what a participant action produced is the difference). */
    private long emitted;
    private boolean feedOpen;

    private final PlatformOrders platform = new PlatformOrders();

    private long nextExchangeId = 1;

    // the action in progress
    private int actionLocal;
    private int actionKind;
    private static final int ACTION_NEW = 0;
    private static final int ACTION_CANCEL = 1;
    private static final int ACTION_MODIFY = 2;
    private long actionExchangeId;
    private Side actionSide;
    private long actionPrice;
    private long actionQty;
    private final byte[] touchedSide = new byte[256];
    private final long[] touchedPrice = new long[256];
    private int touchedCount;

    private long participantActions;
    private long platformOrders;
    private long platformFills;
    /** The platform's position, fills and fees per local instrument, as this venue filled it (the truth). */
    private final long[] platformQty;
    private final long[] platformFillCount;
    private final long[] platformFeesE6;

    SimMarket(SimSettings settings, List<Instrument> instruments, int registrySize, int venueIndex,
              Consumer<ExecutionReport> executions, LongSupplier wallClockNs) {
        this.settings = settings;
        this.instruments = instruments;
        this.executions = executions;
        this.wallClockNs = wallClockNs;
        int n = instruments.size();
        this.localByInstrumentId = new int[registrySize];
        Arrays.fill(localByInstrumentId, NULL_INDEX);
        this.books = new MatchingBook[n];
        this.seqs = new long[n];
        this.fairTicks = new double[n];
        this.participantIds = new long[n][RING];
        this.participantSides = new byte[n][RING];
        this.participantPrices = new long[n][RING];
        this.ringHead = new int[n];
        this.ringSize = new int[n];
        this.cumulativeWeight = new double[n];
        this.platformQty = new long[n];
        this.platformFillCount = new long[n];
        this.platformFeesE6 = new long[n];
        this.random = new SplittableRandom(settings.seed() * 0x9E3779B97F4A7C15L + venueIndex);
        this.builder = new MdBatch.Builder(venueIndex, settings.batchSize());
        double total = 0;
        for (int i = 0; i < n; i++) {
            Instrument instrument = instruments.get(i);
            localByInstrumentId[instrument.id()] = i;
            books[i] = new MatchingBook(1024, SelfTradePrevention.NONE, this);
            // the same symbol starts at the same fair price on every venue
            SplittableRandom symbolRandom = new SplittableRandom(settings.seed() ^ (instrument.symbolIndex()
                    * 0x2545F4914F6CDD1DL));
            // in this instrument's own ticks: reference data may differ per instrument (rialto.instruments)
            double start = settings.startPrice().divide(instrument.tickSize(), java.math.MathContext.DECIMAL64)
                    .doubleValue();
            fairTicks[i] = Math.max(20, Math.rint(start * (0.5 + 1.5 * symbolRandom.nextDouble())));
            total += 1.0 / Math.pow(instrument.symbolIndex() + 1, settings.mdSkew());
            cumulativeWeight[i] = total;
        }
        for (int i = 0; i < n; i++) {
            cumulativeWeight[i] /= total;
            seed(i);
        }
    }

    /** Builds the starting book: {@code initial-levels} levels each side around the fair price. */
    private void seed(int local) {
        long mid = (long) fairTicks[local];
        for (int level = 1; level <= settings.initialLevels(); level++) {
            int orders = 1 + random.nextInt(3);
            for (int k = 0; k < orders; k++) {
                participantOrder(local, Side.BUY, mid - level, participantQty(), TimeInForce.GTC);
                participantOrder(local, Side.SELL, mid + level, participantQty(), TimeInForce.GTC);
            }
        }
        touchedCount = 0; // the seeded book goes out as a snapshot, not as updates
    }

    /** Opens the feed: pending output is discarded and every book goes out as a snapshot. */
    void openFeed(long nowNs) {
        feedOpen = true;
        ready.clear();
        builder.build();
        for (int i = 0; i < books.length; i++) {
            ready.add(snapshotOf(i));
        }
    }

    /**
     * Queues a snapshot of one instrument (a consumer's resync), after what is already queued: it carries the
     * sequence number of the last event published, so updates after it continue from there.
     */
    void requestSnapshot(int instrumentId) {
        if (!feedOpen || instrumentId < 0 || instrumentId >= localByInstrumentId.length
                || localByInstrumentId[instrumentId] == NULL_INDEX) {
            return;
        }
        flush();
        ready.add(snapshotOf(localByInstrumentId[instrumentId]));
    }

    private BookSnapshot snapshotOf(int local) {
        MatchingBook book = books[local];
        int bids = book.levelCount(Side.BUY);
        int asks = book.levelCount(Side.SELL);
        long[] bidPx = new long[bids];
        long[] bidQty = new long[bids];
        long[] askPx = new long[asks];
        long[] askQty = new long[asks];
        book.depth(Side.BUY, bidPx, bidQty, new int[bids], bids);
        book.depth(Side.SELL, askPx, askQty, new int[asks], asks);
        return new BookSnapshot(instruments.get(local).id(), seqs[local], bidPx, bidQty, askPx, askQty, 0L);
    }

    void closeFeed() {
        flush();
        feedOpen = false;
    }

    /** Market data ready to send, oldest first. */
    ArrayDeque<MarketData> ready() {
        return ready;
    }

    /** Moves a partly filled batch to the ready queue. */
    void flush() {
        if (!builder.isEmpty()) {
            ready.add(builder.build());
        }
    }

    /** Runs participant actions until at least {@code events} market-data events were produced. */
    long generate(long events) {
        long produced = 0;
        while (produced < events) {
            produced += participantAction();
        }
        return produced;
    }

    private int participantAction() {
        participantActions++;
        int local = pickInstrument();
        fairTicks[local] += random.nextGaussian() * settings.volatilityTicks();
        MatchingBook book = books[local];
        long bestBid = book.bestBid();
        long bestAsk = book.bestAsk();
        double roll = random.nextDouble();
        long before = emitted;
        if (roll < 0.35 && ringSize[local] > 0) {
            int pick = (ringHead[local] + random.nextInt(ringSize[local])) % RING;
            long id = participantIds[local][pick];
            Side side = Side.ofOrdinal(participantSides[local][pick]);
            long price = participantPrices[local][pick];
            removeFromRing(local, pick);
            begin(local, ACTION_CANCEL, id, side, price);
            book.cancel(id);
            end(local);
        } else if (roll < 0.45 && bestBid != MatchingBook.NO_PRICE && bestAsk != MatchingBook.NO_PRICE) {
            Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            long price = side == Side.BUY ? bestAsk + random.nextInt(3) : bestBid - random.nextInt(3);
            participantOrder(local, side, Math.max(1, price), 1 + random.nextInt(10), TimeInForce.IOC);
        } else {
            Side side = bestBid == MatchingBook.NO_PRICE ? Side.BUY
                    : bestAsk == MatchingBook.NO_PRICE ? Side.SELL
                    : random.nextBoolean() ? Side.BUY : Side.SELL;
            long fair = Math.round(fairTicks[local]);
            long offset = 1 + (long) (-Math.log(1 - random.nextDouble()) * 2);
            long price = side == Side.BUY ? fair - offset : fair + offset;
            // passive: never cross the opposite side
            if (side == Side.BUY && bestAsk != MatchingBook.NO_PRICE) {
                price = Math.min(price, bestAsk - 1);
            } else if (side == Side.SELL && bestBid != MatchingBook.NO_PRICE) {
                price = Math.max(price, bestBid + 1);
            }
            participantOrder(local, side, Math.max(1, price), participantQty(), TimeInForce.GTC);
        }
        return (int) (emitted - before);
    }

    private long participantQty() {
        return 1 + random.nextInt(20);
    }

    private int pickInstrument() {
        double u = random.nextDouble();
        int lo = 0;
        int hi = cumulativeWeight.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulativeWeight[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private void participantOrder(int local, Side side, long price, long qty, TimeInForce tif) {
        long id = nextExchangeId++;
        if (tif == TimeInForce.GTC) {
            if (ringSize[local] == RING) { // too many resting: the oldest leaves first
                long oldest = participantIds[local][ringHead[local]];
                Side oldSide = Side.ofOrdinal(participantSides[local][ringHead[local]]);
                long oldPrice = participantPrices[local][ringHead[local]];
                removeFromRing(local, ringHead[local]);
                begin(local, ACTION_CANCEL, oldest, oldSide, oldPrice);
                books[local].cancel(oldest);
                end(local);
            }
            int tail = (ringHead[local] + ringSize[local]) % RING;
            participantIds[local][tail] = id;
            participantSides[local][tail] = (byte) side.ordinal();
            participantPrices[local][tail] = price;
            ringSize[local]++;
        }
        begin(local, ACTION_NEW, id, side, price);
        books[local].newOrder(id, side, OrderType.LIMIT, tif, price, qty, 0);
        end(local);
    }

    private void removeFromRing(int local, int pick) {
        int last = (ringHead[local] + ringSize[local] - 1) % RING;
        if (pick == ringHead[local]) {
            ringHead[local] = (ringHead[local] + 1) % RING;
        } else {
            participantIds[local][pick] = participantIds[local][last];
            participantSides[local][pick] = participantSides[local][last];
            participantPrices[local][pick] = participantPrices[local][last];
        }
        ringSize[local]--;
    }

    // ---- platform orders -------------------------------------------------------------------------

    void submit(NewOrder order) {
        platformOrders++;
        int local = order.instrumentId() < localByInstrumentId.length ? localByInstrumentId[order.instrumentId()]
                : NULL_INDEX;
        if (local == NULL_INDEX) {
            executions.accept(ExecutionReport.rejected(order.clOrdId(), order.instrumentId(), order.side(),
                    RejectReason.UNKNOWN_INSTRUMENT, wallClockNs.getAsLong()));
            return;
        }
        if (platform.exchangeIdOf(order.clOrdId()) != NULL_INDEX) {
            executions.accept(ExecutionReport.rejected(order.clOrdId(), order.instrumentId(), order.side(),
                    RejectReason.DUPLICATE_ID, wallClockNs.getAsLong()));
            return;
        }
        long id = nextExchangeId++;
        platform.add(id, order.clOrdId(), order.side(), order.priceTicks(), order.instrumentId());
        begin(local, ACTION_NEW, id, order.side(), order.priceTicks());
        actionQty = order.qtyLots();
        books[local].newOrder(id, order.side(), order.type(), order.tif(), order.priceTicks(), order.qtyLots(), 0);
        end(local);
        flush();
    }

    void cancel(CancelOrder cancel) {
        long id = platform.exchangeIdOf(cancel.clOrdId());
        if (id == NULL_INDEX) {
            executions.accept(ExecutionReport.cancelRejected(cancel.clOrdId(), cancel.instrumentId(), Side.BUY, 0,
                    RejectReason.UNKNOWN_ORDER, wallClockNs.getAsLong()));
            return;
        }
        int slot = platform.slotOf(id);
        int local = localByInstrumentId[platform.instrument[slot]];
        begin(local, ACTION_CANCEL, id, platform.side(slot), platform.price[slot]);
        books[local].cancel(id);
        end(local);
        flush();
    }

    /** Cancels every live platform order (cancel-on-disconnect). */
    void cancelAllPlatformOrders() {
        for (long clOrdId : platform.liveClOrdIds()) {
            long id = platform.exchangeIdOf(clOrdId);
            int slot = platform.slotOf(id);
            cancel(new CancelOrder(clOrdId, "", platform.instrument[slot], 0));
        }
    }

    void modify(ModifyOrder modify) {
        long id = platform.exchangeIdOf(modify.clOrdId());
        if (id == NULL_INDEX) {
            executions.accept(ExecutionReport.cancelRejected(modify.clOrdId(), modify.instrumentId(), Side.BUY, 0,
                    RejectReason.UNKNOWN_ORDER, wallClockNs.getAsLong()));
            return;
        }
        int slot = platform.slotOf(id);
        int local = localByInstrumentId[platform.instrument[slot]];
        begin(local, ACTION_MODIFY, id, platform.side(slot), platform.price[slot]);
        books[local].modify(id, modify.newPriceTicks(), modify.newQtyLots());
        end(local);
        flush();
    }

    // ---- matching events -------------------------------------------------------------------------

    private void begin(int local, int kind, long exchangeId, Side side, long price) {
        actionLocal = local;
        actionKind = kind;
        actionExchangeId = exchangeId;
        actionSide = side;
        actionPrice = price;
        touchedCount = 0;
    }

    /** Emits the levels the action changed, deletions first, if the feed is open. */
    private void end(int local) {
        if (!feedOpen) {
            touchedCount = 0;
            return;
        }
        MatchingBook book = books[local];
        for (int pass = 0; pass < 2; pass++) {
            for (int t = 0; t < touchedCount; t++) {
                Side side = Side.ofOrdinal(touchedSide[t]);
                long qty = book.levelQty(side, touchedPrice[t]);
                if ((qty == 0) == (pass == 0)) {
                    emitDepth(local, side, touchedPrice[t], qty);
                }
            }
        }
        touchedCount = 0;
    }

    private void touch(Side side, long price) {
        for (int t = 0; t < touchedCount; t++) {
            if (touchedPrice[t] == price && touchedSide[t] == side.ordinal()) {
                return;
            }
        }
        if (touchedCount < touchedPrice.length) {
            touchedSide[touchedCount] = (byte) side.ordinal();
            touchedPrice[touchedCount] = price;
            touchedCount++;
        }
    }

    private void emitDepth(int local, Side side, long price, long qty) {
        if (builder.isFull()) {
            ready.add(builder.build());
        }
        builder.depth(instruments.get(local).id(), ++seqs[local], side, price, qty);
        emitted++;
    }

    private void emitTrade(int local, Side aggressor, long price, long qty) {
        if (!feedOpen) {
            return;
        }
        if (builder.isFull()) {
            ready.add(builder.build());
        }
        builder.trade(instruments.get(local).id(), ++seqs[local], aggressor, price, qty);
        emitted++;
    }

    private int platformSlot(long exchangeId) {
        return platform.slotOf(exchangeId);
    }

    private Side sideOf(long exchangeId) {
        int slot = platformSlot(exchangeId);
        if (slot != NULL_INDEX) {
            return platform.side(slot);
        }
        return exchangeId == actionExchangeId ? actionSide : null;
    }

    @Override
    public void onAccepted(long orderId) {
        int slot = platformSlot(orderId);
        if (slot != NULL_INDEX) {
            executions.accept(ExecutionReport.ack(platform.clOrdId[slot], platform.instrument[slot], Side.ofOrdinal(
                    platform.side[slot]), platform.price[slot], actionQty, wallClockNs.getAsLong()));
        }
    }

    @Override
    public void onTrade(long takerId, long makerId, long priceTicks, long qtyLots, long takerLeavesQty,
                        long makerLeavesQty) {
        Side takerSide = actionSide;
        Side makerSide = takerSide.opposite();
        touch(makerSide, priceTicks);
        emitTrade(actionLocal, takerSide, priceTicks, qtyLots);
        report(takerId, takerSide, priceTicks, qtyLots, takerLeavesQty, Liquidity.TAKER, settings.takerFeePpm());
        report(makerId, makerSide, priceTicks, qtyLots, makerLeavesQty, Liquidity.MAKER, settings.makerFeePpm());
    }

    private void report(long exchangeId, Side side, long price, long qty, long leaves, Liquidity liquidity,
                        long feePpm) {
        int slot = platformSlot(exchangeId);
        if (slot == NULL_INDEX) {
            return;
        }
        platformFills++;
        long clOrdId = platform.clOrdId[slot];
        int instrumentId = platform.instrument[slot];
        int local = localByInstrumentId[instrumentId];
        platformQty[local] += side == Side.BUY ? qty : -qty;
        platformFillCount[local]++;
        platformFeesE6[local] += price * qty * feePpm;
        executions.accept(ExecutionReport.fill(clOrdId, instrumentId, side, price, qty, leaves,
                price * qty * feePpm, liquidity, wallClockNs.getAsLong()));
        if (leaves == 0) {
            platform.release(exchangeId, slot);
        }
    }

    @Override
    public void onRested(long orderId, long priceTicks, long openQtyLots) {
        Side side = sideOf(orderId);
        if (side == null) {
            return;
        }
        touch(side, priceTicks);
        int slot = platformSlot(orderId);
        if (slot != NULL_INDEX) {
            platform.rested[slot] = true;
            platform.price[slot] = priceTicks;
        }
    }

    @Override
    public void onCanceled(long orderId, long canceledQtyLots) {
        int slot = platformSlot(orderId);
        if (slot == NULL_INDEX) {
            // a participant's order: it rested unless it was an IOC that just missed
            if (actionKind == ACTION_CANCEL) {
                touch(actionSide, actionPrice);
            }
            return;
        }
        if (platform.rested[slot]) {
            touch(platform.side(slot), platform.price[slot]);
        }
        executions.accept(ExecutionReport.canceled(platform.clOrdId[slot], platform.instrument[slot],
                platform.side(slot), canceledQtyLots, wallClockNs.getAsLong()));
        platform.release(orderId, slot);
    }

    @Override
    public void onModified(long orderId, long priceTicks, long openQtyLots) {
        int slot = platformSlot(orderId);
        if (slot == NULL_INDEX) {
            return;
        }
        Side side = platform.side(slot);
        if (platform.rested[slot]) {
            touch(side, platform.price[slot]);
        }
        touch(side, priceTicks);
        platform.price[slot] = priceTicks;
        executions.accept(ExecutionReport.replaced(platform.clOrdId[slot], platform.instrument[slot], side, priceTicks,
                openQtyLots, wallClockNs.getAsLong()));
    }

    @Override
    public void onRejected(long orderId, MatchReject reason) {
        int slot = platformSlot(orderId);
        if (slot == NULL_INDEX) {
            return;
        }
        RejectReason why = RejectReason.valueOf(reason.name());
        if (actionKind == ACTION_NEW) {
            executions.accept(ExecutionReport.rejected(platform.clOrdId[slot], platform.instrument[slot],
                    platform.side(slot), why, wallClockNs.getAsLong()));
            platform.release(orderId, slot);
        } else {
            executions.accept(ExecutionReport.cancelRejected(platform.clOrdId[slot], platform.instrument[slot],
                    platform.side(slot), Math.max(0, books[actionLocal].openQty(orderId)), why,
                    wallClockNs.getAsLong()));
        }
    }

    MatchingBook book(int instrumentId) {
        return books[localByInstrumentId[instrumentId]];
    }

    long participantActions() {
        return participantActions;
    }

    long platformOrders() {
        return platformOrders;
    }

    long platformFills() {
        return platformFills;
    }

    /** The platform's net position in lots on an instrument, as this venue filled it. */
    long platformQty(int instrumentId) {
        return platformQty[localByInstrumentId[instrumentId]];
    }

    long platformFillCount(int instrumentId) {
        return platformFillCount[localByInstrumentId[instrumentId]];
    }

    long platformFeesE6(int instrumentId) {
        return platformFeesE6[localByInstrumentId[instrumentId]];
    }

    /** The sequence number of the last market-data event published for an instrument. */
    long seq(int instrumentId) {
        return seqs[localByInstrumentId[instrumentId]];
    }

    /** The platform orders live in this venue's books. */
    int livePlatformOrders() {
        return platform.liveClOrdIds().length;
    }

    List<Instrument> instruments() {
        return instruments;
    }

    int liveParticipantOrders() {
        int sum = 0;
        for (int size : ringSize) {
            sum += size;
        }
        return sum;
    }
}
