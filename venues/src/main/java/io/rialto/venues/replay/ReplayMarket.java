package io.rialto.venues.replay;

import io.rialto.core.book.DepthBook;
import io.rialto.core.domain.BookSnapshot;
import io.rialto.core.domain.CancelOrder;
import io.rialto.core.domain.ExecutionReport;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.Liquidity;
import io.rialto.core.domain.ModifyOrder;
import io.rialto.core.domain.NewOrder;
import io.rialto.core.domain.OrderType;
import io.rialto.core.domain.RejectReason;
import io.rialto.core.domain.Side;
import io.rialto.core.domain.TimeInForce;
import org.agrona.collections.Long2LongHashMap;

/**
 * A replay venue's market: the replayed books (one {@link DepthBook} per instrument, exactly as the data has
 * them) and the platform's orders, filled by a model that respects displayed depth and queue position. The
 * platform's orders are never shown in the replayed data.
 * <ul>
 *   <li><b>Taking.</b> A marketable order takes the displayed levels it crosses, best first, at their prices
 *       (TAKER). What it took from a level is remembered until the data next updates that level, so two orders
 *       cannot take the same displayed quantity.</li>
 *   <li><b>Joining.</b> What is left rests at the back of its price level: the quantity ahead of it is the
 *       displayed quantity at that price when it arrives.</li>
 *   <li><b>Trades.</b> A replayed trade at an order's price first works through the quantity ahead of it; the
 *       rest of the trade fills it (MAKER, at its price). A trade through its price (an order better than the
 *       trade price) fills it from the trade's quantity. One trade's quantity fills the platform's orders in
 *       price then time priority and is never used twice.</li>
 *   <li><b>Cancels.</b> A level that shrinks by more than the trades at it since its last update lost the rest
 *       to cancellations. They are assumed spread over the queue in proportion: the quantity ahead shrinks by
 *       {@code cancelled x ahead / (level quantity before the cancels)}, rounded down. The quantity ahead never
 *       exceeds the level's displayed quantity.</li>
 *   <li><b>Incoming liquidity.</b> Quantity that appears on the opposite side at or through a resting order's
 *       price would have traded with it: it fills the order (MAKER, at its price), up to the quantity that
 *       appeared.</li>
 * </ul>
 * Everything is a function of the replayed events and the order messages, in the order they reach the venue:
 * the same data and the same orders at the same places in it give the same fills.
 *
 * <p>Threading: single-threaded; the replay's exchange actor owns it.
 */
final class ReplayMarket {

    /** Where execution reports go, by registry venue index. */
    interface Reports {
        void send(int venueIndex, ExecutionReport report);
    }

    private final InstrumentRegistry registry;
    private final DepthBook[] books;
    private final Long2LongHashMap[] takenByLevel;
    private final RestingOrders orders;
    private final long makerFeePpm;
    private final long takerFeePpm;
    private final Reports reports;
    private long nowNs;
    private int[] candidates = new int[16];
    private long[] levelPrices = new long[64];
    private long[] levelQtys = new long[64];

    /** @param replayed which registry instruments this market replays (the others are unknown to it) */
    ReplayMarket(InstrumentRegistry registry, boolean[] replayed, long makerFeePpm, long takerFeePpm,
                 Reports reports) {
        this.registry = registry;
        this.books = new DepthBook[registry.size()];
        this.takenByLevel = new Long2LongHashMap[registry.size()];
        for (int i = 0; i < books.length; i++) {
            if (replayed[i]) {
                books[i] = new DepthBook(64);
                takenByLevel[i] = new Long2LongHashMap(0);
            }
        }
        this.orders = new RestingOrders(registry.size());
        this.makerFeePpm = makerFeePpm;
        this.takerFeePpm = takerFeePpm;
        this.reports = reports;
    }

    /** The venue's clock: the replayed time of the latest event, nanoseconds since the epoch. */
    void time(long nowNs) {
        this.nowNs = nowNs;
    }

    DepthBook book(int instrumentId) {
        return books[instrumentId];
    }

    // ---- market data ------------------------------------------------------------------------------

    /** Applies a depth update; returns the {@link DepthBook} result. */
    int depth(int id, long seq, Side side, long price, long qty) {
        DepthBook book = books[id];
        long before = book.qtyAt(side, price);
        int result = book.apply(seq, side, price, qty);
        if (result == DepthBook.GAP || result == DepthBook.IGNORED) {
            return result;
        }
        takenByLevel[id].remove(levelKey(side, price));
        for (int slot = orders.head(id); slot != RestingOrders.NULL_INDEX; slot = orders.next[slot]) {
            if (orders.side[slot] == side.ordinal() && orders.price[slot] == price) {
                queueShrank(slot, before, qty);
            }
        }
        if (qty > before) {
            fillResting(id, side.opposite(), price, qty - before, false);
        }
        return result;
    }

    private void queueShrank(int slot, long before, long after) {
        if (after < before) {
            long decrease = before - after;
            long traded = Math.min(decrease, orders.tradedSinceUpdate[slot]);
            long cancelled = decrease - traded;
            long levelBeforeCancels = before - traded;
            long ahead = orders.ahead[slot];
            if (cancelled > 0 && levelBeforeCancels > 0 && ahead > 0) {
                ahead -= mulDiv(cancelled, ahead, levelBeforeCancels);
            }
            orders.ahead[slot] = Math.min(ahead, after);
        }
        orders.tradedSinceUpdate[slot] = 0;
    }

    /** Applies a trade: its quantity works through the queues of the platform's orders it reaches. */
    int trade(int id, long seq, Side aggressor, long price, long qty) {
        int result = books[id].advance(seq);
        if (result == DepthBook.APPLIED) {
            fillResting(id, aggressor.opposite(), price, qty, true);
        }
        return result;
    }

    /**
     * Fills the platform's resting orders of {@code side} at or better than {@code price} from {@code volume}, in
     * price then time priority. For a trade, an order at exactly the price first needs the quantity ahead of it.
     */
    private void fillResting(int id, Side side, long price, long volume, boolean trade) {
        int n = collect(id, side, price);
        long used = 0;
        for (int k = 0; k < n; k++) {
            int slot = candidates[k];
            long available = volume - used;
            long fill;
            if (trade && orders.price[slot] == price) {
                long ahead = orders.ahead[slot];
                fill = Math.max(0, Math.min(available - ahead, orders.leaves[slot]));
                orders.ahead[slot] = Math.max(0, ahead - Math.max(0, available));
                orders.tradedSinceUpdate[slot] += volume;
            } else {
                fill = Math.max(0, Math.min(available, orders.leaves[slot]));
            }
            if (fill > 0) {
                used += fill;
                makerFill(slot, fill);
            }
        }
    }

    /** Collects the orders of {@code side} priced at or through {@code price} into {@link #candidates}, in priority. */
    private int collect(int id, Side side, long price) {
        int n = 0;
        for (int slot = orders.head(id); slot != RestingOrders.NULL_INDEX; slot = orders.next[slot]) {
            long p = orders.price[slot];
            if (orders.side[slot] == side.ordinal() && (side == Side.BUY ? p >= price : p <= price)) {
                if (n == candidates.length) {
                    candidates = java.util.Arrays.copyOf(candidates, n * 2);
                }
                // insertion sort on price priority; equal prices keep arrival order
                int k = n++;
                while (k > 0 && better(side, p, orders.price[candidates[k - 1]])) {
                    candidates[k] = candidates[k - 1];
                    k--;
                }
                candidates[k] = slot;
            }
        }
        return n;
    }

    private static boolean better(Side side, long a, long b) {
        return side == Side.BUY ? a > b : a < b;
    }

    void snapshot(BookSnapshot snapshot) {
        int id = snapshot.instrumentId();
        books[id].applySnapshot(snapshot);
        takenByLevel[id].clear();
        for (int slot = orders.head(id); slot != RestingOrders.NULL_INDEX; slot = orders.next[slot]) {
            orders.ahead[slot] = Math.min(orders.ahead[slot], books[id].qtyAt(orders.side(slot),
                    orders.price[slot]));
            orders.tradedSinceUpdate[slot] = 0;
        }
    }

    // ---- the platform's orders --------------------------------------------------------------------

    void submit(NewOrder o) {
        int id = o.instrumentId();
        if (id < 0 || id >= books.length || books[id] == null) {
            reject(o, RejectReason.UNKNOWN_INSTRUMENT);
            return;
        }
        if (orders.slotOf(o.clOrdId()) != RestingOrders.NULL_INDEX) {
            reject(o, RejectReason.DUPLICATE_ID);
            return;
        }
        boolean market = o.type() == OrderType.MARKET;
        if (o.qtyLots() <= 0) {
            reject(o, RejectReason.INVALID_QTY);
            return;
        }
        if (!market && o.priceTicks() <= 0) {
            reject(o, RejectReason.INVALID_PRICE);
            return;
        }
        if (!market && o.tif() == TimeInForce.GTX && crosses(o.side(), o.priceTicks(), best(id, o.side().opposite()))) {
            reject(o, RejectReason.WOULD_CROSS);
            return;
        }
        send(id, ExecutionReport.ack(o.clOrdId(), id, o.side(), o.priceTicks(), o.qtyLots(), nowNs));
        long limit = market ? (o.side() == Side.BUY ? Long.MAX_VALUE : 1) : o.priceTicks();
        if (!market && o.tif() == TimeInForce.FOK && available(id, o.side(), limit) < o.qtyLots()) {
            send(id, ExecutionReport.canceled(o.clOrdId(), id, o.side(), o.qtyLots(), nowNs));
            return;
        }
        long remaining = take(id, o.clOrdId(), o.side(), limit, o.qtyLots());
        if (remaining == 0) {
            return;
        }
        if (market || o.tif() == TimeInForce.IOC || o.tif() == TimeInForce.FOK) {
            send(id, ExecutionReport.canceled(o.clOrdId(), id, o.side(), remaining, nowNs));
            return;
        }
        orders.add(o.clOrdId(), id, o.side(), o.priceTicks(), remaining, books[id].qtyAt(o.side(), o.priceTicks()));
    }

    void cancel(CancelOrder c) {
        int slot = orders.slotOf(c.clOrdId());
        if (slot == RestingOrders.NULL_INDEX) {
            send(c.instrumentId(), ExecutionReport.cancelRejected(c.clOrdId(), c.instrumentId(), Side.BUY, 0,
                    RejectReason.UNKNOWN_ORDER, nowNs));
            return;
        }
        int id = orders.instrument[slot];
        send(id, ExecutionReport.canceled(c.clOrdId(), id, orders.side(slot), orders.leaves[slot], nowNs));
        orders.remove(slot);
    }

    void modify(ModifyOrder m) {
        int slot = orders.slotOf(m.clOrdId());
        if (slot == RestingOrders.NULL_INDEX) {
            send(m.instrumentId(), ExecutionReport.cancelRejected(m.clOrdId(), m.instrumentId(), Side.BUY, 0,
                    RejectReason.UNKNOWN_ORDER, nowNs));
            return;
        }
        int id = orders.instrument[slot];
        Side side = orders.side(slot);
        RejectReason invalid = m.newPriceTicks() <= 0 ? RejectReason.INVALID_PRICE
                : m.newQtyLots() <= 0 ? RejectReason.INVALID_QTY : RejectReason.NONE;
        if (invalid != RejectReason.NONE) {
            send(id, ExecutionReport.cancelRejected(m.clOrdId(), id, side, orders.leaves[slot], invalid, nowNs));
            return;
        }
        send(id, ExecutionReport.replaced(m.clOrdId(), id, side, m.newPriceTicks(), m.newQtyLots(), nowNs));
        if (m.newPriceTicks() == orders.price[slot] && m.newQtyLots() <= orders.leaves[slot]) {
            orders.leaves[slot] = m.newQtyLots(); // keeps its place in the queue
            return;
        }
        long remaining = take(id, m.clOrdId(), side, m.newPriceTicks(), m.newQtyLots());
        if (remaining == 0) {
            orders.remove(slot);
        } else {
            orders.moveToBack(slot, m.newPriceTicks(), remaining, books[id].qtyAt(side, m.newPriceTicks()));
        }
    }

    /** Takes displayed liquidity up to {@code limit}; returns the quantity left. */
    private long take(int id, long clOrdId, Side side, long limit, long qty) {
        Side opposite = side.opposite();
        int n = levels(id, opposite);
        long remaining = qty;
        for (int i = 0; i < n && remaining > 0 && crosses(side, limit, levelPrices[i]); i++) {
            long key = levelKey(opposite, levelPrices[i]);
            long available = levelQtys[i] - takenByLevel[id].get(key);
            if (available <= 0) {
                continue;
            }
            long fill = Math.min(remaining, available);
            takenByLevel[id].put(key, takenByLevel[id].get(key) + fill);
            remaining -= fill;
            send(id, ExecutionReport.fill(clOrdId, id, side, levelPrices[i], fill, remaining,
                    levelPrices[i] * fill * takerFeePpm, Liquidity.TAKER, nowNs));
        }
        return remaining;
    }

    private long available(int id, Side side, long limit) {
        Side opposite = side.opposite();
        int n = levels(id, opposite);
        long sum = 0;
        for (int i = 0; i < n && crosses(side, limit, levelPrices[i]); i++) {
            sum += Math.max(0, levelQtys[i] - takenByLevel[id].get(levelKey(opposite, levelPrices[i])));
        }
        return sum;
    }

    private int levels(int id, Side side) {
        int n = books[id].levelCount(side);
        if (n > levelPrices.length) {
            levelPrices = new long[Integer.highestOneBit(n) << 1];
            levelQtys = new long[levelPrices.length];
        }
        return books[id].depth(side, levelPrices, levelQtys, n);
    }

    private long best(int id, Side side) {
        return side == Side.BUY ? books[id].bestBid() : books[id].bestAsk();
    }

    /** Whether an order of {@code side} limited at {@code limit} reaches a level at {@code levelPrice}. */
    private static boolean crosses(Side side, long limit, long levelPrice) {
        if (levelPrice == DepthBook.NO_PRICE) {
            return false;
        }
        return side == Side.BUY ? levelPrice <= limit : levelPrice >= limit;
    }

    private void makerFill(int slot, long qty) {
        long leaves = orders.leaves[slot] - qty;
        orders.leaves[slot] = leaves;
        int id = orders.instrument[slot];
        long price = orders.price[slot];
        send(id, ExecutionReport.fill(orders.clOrdId[slot], id, orders.side(slot), price, qty, leaves,
                price * qty * makerFeePpm, Liquidity.MAKER, nowNs));
        if (leaves == 0) {
            orders.remove(slot);
        }
    }

    private void reject(NewOrder o, RejectReason reason) {
        send(o.instrumentId(), ExecutionReport.rejected(o.clOrdId(), o.instrumentId(), o.side(), reason, nowNs));
    }

    private void send(int instrumentId, ExecutionReport report) {
        int venue = instrumentId >= 0 && instrumentId < registry.size() ? registry.get(instrumentId).venueIndex() : -1;
        reports.send(venue, report);
    }

    private static long levelKey(Side side, long price) {
        return (price << 1) | side.ordinal();
    }

    /** {@code a x b / c} rounded down, without overflow for the quantities a book holds. */
    private static long mulDiv(long a, long b, long c) {
        return Math.multiplyHigh(a, b) == 0 && a * b >= 0 ? a * b / c : (long) ((double) a * b / c);
    }

    /** Live platform orders (for tests and the end-of-replay log). */
    int liveOrders(int instrumentId) {
        int n = 0;
        for (int slot = orders.head(instrumentId); slot != RestingOrders.NULL_INDEX; slot = orders.next[slot]) {
            n++;
        }
        return n;
    }

    /** The quantity ahead of a live order, or -1 (for tests). */
    long aheadOf(long clOrdId) {
        int slot = orders.slotOf(clOrdId);
        return slot == RestingOrders.NULL_INDEX ? -1 : orders.ahead[slot];
    }
}
