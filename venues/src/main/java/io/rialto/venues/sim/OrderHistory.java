package io.rialto.venues.sim;

import io.rialto.core.domain.ExecType;
import io.rialto.core.domain.ExecutionReport;
import io.rialto.core.domain.OrderStatus;
import io.rialto.core.domain.Side;
import io.rialto.core.spi.VenueOrder;
import org.agrona.collections.Long2ObjectHashMap;

import java.util.ArrayList;
import java.util.List;

/**
 * What a simulated venue remembers of the platform's orders, to answer the reconciliation queries: per order,
 * every execution report it produced (each given the next exec id, whether or not it reached the platform),
 * its status, price and open quantity. Open orders are always kept; ended ones until {@link #ENDED_KEPT}
 * more have ended. Single-threaded: owned by the {@code SimExchange} actor.
 */
final class OrderHistory {
    /** Ended orders kept for the status query. */
    static final int ENDED_KEPT = 8192;

    private static final class Entry {
        final int instrumentId;
        final Side side;
        OrderStatus status = OrderStatus.PENDING_NEW;
        long priceTicks;
        long leavesQtyLots;
        long cumQtyLots;
        final List<ExecutionReport> reports = new ArrayList<>(4);

        Entry(int instrumentId, Side side) {
            this.instrumentId = instrumentId;
            this.side = side;
        }
    }

    private final Long2ObjectHashMap<Entry> byClOrdId = new Long2ObjectHashMap<>();
    private final long[] endedRing = new long[ENDED_KEPT];
    private int endedNext;
    private long nextExecId;

    /** Records a report the venue produced; returns it with its exec id and the order's filled quantity. */
    ExecutionReport record(ExecutionReport r) {
        Entry e = byClOrdId.get(r.clOrdId());
        if (e == null) {
            if (r.execType() != ExecType.NEW && r.execType() != ExecType.REJECTED) {
                return r.withExecId(++nextExecId); // a cancel or modify refused for an order this venue does not hold
            }
            e = new Entry(r.instrumentId(), r.side());
            byClOrdId.put(r.clOrdId(), e);
        } else if (r.execType() == ExecType.REJECTED) {
            return r.withExecId(++nextExecId); // a second order with a live order's id, refused: not this order's
        } else if (e.status.isTerminal()) {
            ExecutionReport late = r.withVenueIds(++nextExecId, e.cumQtyLots);
            e.reports.add(late); // after its end (a late cancel's refusal): no change
            return late;
        }
        apply(e, r);
        ExecutionReport out = r.withVenueIds(++nextExecId, e.cumQtyLots);
        e.reports.add(out);
        if (e.status.isTerminal()) {
            ended(r.clOrdId());
        }
        return out;
    }

    private static void apply(Entry e, ExecutionReport r) {
        switch (r.execType()) {
            case NEW -> {
                e.status = OrderStatus.NEW;
                e.priceTicks = r.lastPxTicks();
                e.leavesQtyLots = r.leavesQtyLots();
            }
            case TRADE -> {
                e.cumQtyLots += r.lastQtyLots();
                e.leavesQtyLots = r.leavesQtyLots();
                e.status = r.leavesQtyLots() == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
            }
            case REPLACED -> {
                e.priceTicks = r.lastPxTicks();
                e.leavesQtyLots = r.leavesQtyLots();
                e.status = e.cumQtyLots > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.NEW;
            }
            case CANCELED -> {
                e.status = OrderStatus.CANCELED;
                e.leavesQtyLots = 0;
            }
            case REJECTED -> {
                e.status = OrderStatus.REJECTED;
                e.leavesQtyLots = 0;
            }
            default -> {
                // CANCEL_REJECTED: the order is unchanged
            }
        }
    }

    private void ended(long clOrdId) {
        long evicted = endedRing[endedNext];
        if (evicted != 0) {
            byClOrdId.remove(evicted);
        }
        endedRing[endedNext] = clOrdId;
        endedNext = (endedNext + 1) % ENDED_KEPT;
    }

    /** Every open order, with its history. */
    List<VenueOrder> open() {
        List<VenueOrder> out = new ArrayList<>();
        byClOrdId.forEach((id, e) -> {
            if (!e.status.isTerminal() && e.status != OrderStatus.PENDING_NEW) {
                out.add(view(id, e));
            }
        });
        return out;
    }

    /** The orders asked about that this venue knows, open or ended, with their histories. */
    List<VenueOrder> status(long[] clOrdIds) {
        List<VenueOrder> out = new ArrayList<>(clOrdIds.length);
        for (long id : clOrdIds) {
            Entry e = byClOrdId.get(id);
            if (e != null) {
                out.add(view(id, e));
            }
        }
        return out;
    }

    private static VenueOrder view(long clOrdId, Entry e) {
        return new VenueOrder(clOrdId, e.instrumentId, e.side, e.status, e.priceTicks, e.leavesQtyLots,
                List.copyOf(e.reports));
    }
}
