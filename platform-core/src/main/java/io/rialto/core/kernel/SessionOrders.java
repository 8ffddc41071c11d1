package io.rialto.core.kernel;

import io.rialto.core.domain.ExecType;
import io.rialto.core.domain.ExecutionReport;
import io.rialto.core.domain.NewOrder;
import io.rialto.core.domain.OrderState;
import io.rialto.core.domain.OrderStatus;
import io.rialto.core.domain.RejectReason;
import io.rialto.core.spi.VenueOrder;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.LongHashSet;

import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The live orders of one venue session, each with a mirror of its {@link OrderState}, and the rules that keep
 * what reaches risk and the strategies right when the venue's reports are lost, repeated, late, or the
 * connection drops. Plain single-threaded engine owned by the {@link VenueSession} actor; {@code S} is the
 * owner's address, opaque here.
 *
 * <p>A report is passed on only when it is new and fits: a report whose exec id was seen is a duplicate; one for
 * an order that ended here is stale; one that does not fit the order's state (a fill before its acknowledgement,
 * a fill whose open quantity does not follow from the last one, a cancel refused as unknown for an order live
 * here, a report whose filled quantity ({@link ExecutionReport#cumQtyLots()}) is not what the fills seen add up
 * to) shows that a report was lost, so it is held back and the session reconciles. Each is counted; none
 * reaches risk twice. The mirror sees the same reports in the same order as the strategy's host, so a
 * report passed on fits there too.
 *
 * <p>Reconciliation replays the venue's history of each order ({@link VenueOrder#reports()}), passing on, in
 * order, the reports not seen yet that fit; then an order still UNKNOWN (or never acknowledged) that the venue
 * has open is re-acknowledged with the venue's price and open quantity; a cancel or modify the venue never
 * answered within the request timeout is refused ({@code VENUE_UNAVAILABLE}); an order the venue never
 * received is rejected ({@code VENUE_UNAVAILABLE}); an order the venue ended without the report that ended
 * it is ended as the venue says (cancelled for its open quantity, or rejected).
 */
final class SessionOrders<S> {

    /** Where reports that pass go: to risk, then the strategy. */
    interface Listener<S> {
        /** @param live true for a report as the venue sent it, false for one recovered or made by reconciliation */
        void forward(ExecutionReport report, SessionOrder<S> order, boolean live);
    }

    /** Outcome of {@link #onReport}. */
    enum Verdict { FORWARDED, DUPLICATE, STALE, OUT_OF_SEQUENCE, UNKNOWN, LATE_CANCEL_REJECT }

    /** One live order. */
    static final class SessionOrder<S> {
        final NewOrder order;
        final S owner;
        final long sentNs;
        final OrderState state;
        boolean acked;
        boolean probe;
        /** When the owner's last cancel or modify was sent; 0 when none is outstanding. */
        long requestNs;
        /**
         * The platform wants the order cancelled (kill switch, self-trade prevention, a cancel that arrived while
         * disconnected): sent again after reconciling while the order is open, until it ends. The owner did not
         * ask, so the mirror does not go PENDING_CANCEL and a refusal is not passed on.
         */
        boolean cancelWanted;
        /** When the platform's cancel was last sent; 0 when not yet. */
        long platformCancelNs;
        /** The venue reported on this order (live, or in its history). */
        boolean heard;
        private long[] execIds;
        private int execCount;

        SessionOrder(NewOrder order, S owner, long sentNs) {
            this.order = order;
            this.owner = owner;
            this.sentNs = sentNs;
            this.state = new OrderState(order);
        }

        boolean seen(long execId) {
            for (int i = 0; i < execCount; i++) {
                if (execIds[i] == execId) {
                    return true;
                }
            }
            return false;
        }

        void markSeen(long execId) {
            if (execId == 0) {
                return;
            }
            if (execIds == null) {
                execIds = new long[4];
            } else if (execCount == execIds.length) {
                execIds = Arrays.copyOf(execIds, execCount * 2);
            }
            execIds[execCount++] = execId;
        }

    }

    private final Long2ObjectHashMap<SessionOrder<S>> orders = new Long2ObjectHashMap<>();
    private final LongHashSet ended;
    private final long[] endedRing;
    private int endedNext;
    private final Listener<S> listener;
    private final LongSupplier wallClockNs;
    /** Hold reports that show a loss and reconcile (the venue answers order queries); else pass them on. */
    private final boolean strict;

    long acks;
    long rejects;
    long fills;
    long filledOrders;
    long canceled;
    long replaced;
    long cancelRejects;
    long unknownReports;
    long lateCancelRejects;
    long duplicates;
    long stale;
    long outOfSequence;
    long recovered;
    long reAcks;
    long forcedEnds;
    long orphans;
    long unresolved;

    /**
     * @param endedMemory how many ended orders are remembered, so that their late reports are known as stale
     * @param strict      hold back reports that do not fit (the venue answers order queries, a reconciliation will
     *                    recover them); otherwise pass them on as they are
     */
    SessionOrders(int endedMemory, boolean strict, Listener<S> listener, LongSupplier wallClockNs) {
        this.ended = new LongHashSet(Math.max(16, endedMemory * 2));
        this.endedRing = new long[endedMemory];
        this.strict = strict;
        this.listener = listener;
        this.wallClockNs = wallClockNs;
    }

    SessionOrder<S> add(NewOrder order, S owner, long nowNs) {
        SessionOrder<S> o = new SessionOrder<>(order, owner, nowNs);
        orders.put(order.clOrdId(), o);
        return o;
    }

    /** An order that never reached the venue (the adapter threw): forgotten, not ended. */
    void remove(long clOrdId) {
        orders.remove(clOrdId);
    }

    SessionOrder<S> get(long clOrdId) {
        return orders.get(clOrdId);
    }

    boolean contains(long clOrdId) {
        return orders.containsKey(clOrdId);
    }

    int size() {
        return orders.size();
    }

    Long2ObjectHashMap<SessionOrder<S>> all() {
        return orders;
    }

    int unknownCount() {
        int[] n = {0};
        orders.forEach((id, o) -> {
            if (o.state.status() == OrderStatus.UNKNOWN) {
                n[0]++;
            }
        });
        return n[0];
    }

    /** A report as the venue sent it. */
    Verdict onReport(ExecutionReport r) {
        SessionOrder<S> o = orders.get(r.clOrdId());
        if (o == null) {
            if (r.execType() == ExecType.CANCEL_REJECTED) {
                lateCancelRejects++; // the cancel or modify crossed the order's end
                return Verdict.LATE_CANCEL_REJECT;
            }
            if (ended.contains(r.clOrdId())) {
                stale++;
                return Verdict.STALE;
            }
            unknownReports++;
            return Verdict.UNKNOWN;
        }
        if (r.execId() != 0 && o.seen(r.execId())) {
            duplicates++;
            return Verdict.DUPLICATE;
        }
        if (strict && showsALoss(o, r)) {
            outOfSequence++;
            return Verdict.OUT_OF_SEQUENCE;
        }
        if (!apply(o, r, true) && strict) {
            outOfSequence++;
            return Verdict.OUT_OF_SEQUENCE;
        }
        return Verdict.FORWARDED;
    }

    /**
     * A report whose filled quantity (the venue's count) is not what the fills seen add up to, a fill whose
     * open quantity does not follow from the last one, or a cancel refused as unknown for an order live here.
     */
    private static boolean showsALoss(SessionOrder<?> o, ExecutionReport r) {
        if (r.cumQtyLots() >= 0
                && r.cumQtyLots() != o.state.cumQtyLots() + (r.execType() == ExecType.TRADE ? r.lastQtyLots() : 0)) {
            return true;
        }
        OrderStatus s = o.state.status();
        if (r.execType() == ExecType.TRADE) {
            boolean leavesKnown = s == OrderStatus.NEW || s == OrderStatus.PARTIALLY_FILLED
                    || s == OrderStatus.PENDING_CANCEL;
            return leavesKnown && r.leavesQtyLots() != o.state.leavesQtyLots() - r.lastQtyLots();
        }
        return r.execType() == ExecType.CANCEL_REJECTED && r.reason() == RejectReason.UNKNOWN_ORDER;
    }

    /** Applies a report to the mirror; passes it on when it fits. Returns false (nothing changed) when not. */
    private boolean apply(SessionOrder<S> o, ExecutionReport r, boolean live) {
        if (!o.state.apply(r)) {
            if (!strict && live) {
                count(o, r, true);
                listener.forward(r, o, true); // no way to recover it: the host counts what fits no order
            }
            return false;
        }
        o.markSeen(r.execId());
        if (live || r.execId() != 0) {
            o.heard = true;
        }
        count(o, r, live);
        listener.forward(r, o, live);
        if (o.state.status().isTerminal()) {
            end(o);
        }
        return true;
    }

    private void count(SessionOrder<S> o, ExecutionReport r, boolean live) {
        switch (r.execType()) {
            case NEW -> {
                if (live || r.execId() != 0) { // the venue's own acknowledgements, not re-acknowledgements
                    acks++;
                }
            }
            case TRADE -> fills++;
            case REPLACED -> {
                replaced++;
                o.requestNs = 0;
            }
            case CANCEL_REJECTED -> {
                cancelRejects++;
                o.requestNs = 0;
            }
            default -> {
                // CANCELED, REJECTED are counted when the order ends; CONNECTION_LOST moves nothing
            }
        }
    }

    private void end(SessionOrder<S> o) {
        switch (o.state.status()) {
            case FILLED -> filledOrders++;
            case CANCELED -> canceled++;
            default -> rejects++;
        }
        orders.remove(o.order.clOrdId());
        long evicted = endedRing[endedNext];
        if (evicted != 0) {
            ended.remove(evicted);
        }
        endedRing[endedNext] = o.order.clOrdId();
        endedNext = (endedNext + 1) % endedRing.length;
        ended.add(o.order.clOrdId());
    }

    /** The connection dropped: every live order's state is unknown until reconciled. Returns how many. */
    int connectionLost() {
        long now = wallClockNs.getAsLong();
        int[] n = {0};
        orders.forEach((id, o) -> {
            o.acked = true; // lost to the disconnect, not slow: no venue failure for it
            o.requestNs = 0;
            apply(o, ExecutionReport.connectionLost(id, o.order.instrumentId(), o.order.side(),
                    o.state.leavesQtyLots(), now), false);
            n[0]++;
        });
        return n[0];
    }

    /**
     * Reconciles with the venue's open orders. Returns the ids of the orders that are live here, were sent
     * before {@code queryStartNs} and are not open at the venue: the ones to ask {@code orderStatus} about.
     *
     * @param requestTimeoutNs a cancel or modify sent longer ago than this that the venue never answered is
     *                         refused; younger ones may still be on their way
     */
    long[] reconcileOpen(List<VenueOrder> open, long queryStartNs, long nowNs, long requestTimeoutNs,
                         CancelSender<S> cancels) {
        LongHashSet listed = new LongHashSet(Math.max(16, open.size() * 2));
        for (VenueOrder v : open) {
            listed.add(v.clOrdId());
            SessionOrder<S> o = orders.get(v.clOrdId());
            if (o == null) {
                if (!ended.contains(v.clOrdId())) {
                    orphans++; // not one that ended here since the venue answered
                }
            } else {
                reconcile(o, v, nowNs, requestTimeoutNs, cancels);
            }
        }
        long[] ask = new long[orders.size()];
        int[] n = {0};
        orders.forEach((id, o) -> {
            if (!listed.contains(id) && o.sentNs - queryStartNs < 0) {
                ask[n[0]++] = id;
            }
        });
        return Arrays.copyOf(ask, n[0]);
    }

    /** Reconciles the orders asked about with what the venue says of them; absent ones it never received. */
    void reconcileStatus(long[] asked, List<VenueOrder> status, long nowNs, long requestTimeoutNs,
                         CancelSender<S> cancels) {
        LongHashSet answered = new LongHashSet(Math.max(16, status.size() * 2));
        for (VenueOrder v : status) {
            answered.add(v.clOrdId());
            SessionOrder<S> o = orders.get(v.clOrdId());
            if (o != null) {
                reconcile(o, v, nowNs, requestTimeoutNs, cancels);
            }
        }
        for (long id : asked) {
            SessionOrder<S> o = orders.get(id);
            if (o == null || answered.contains(id)) {
                continue;
            }
            if (o.heard) {
                unresolved++; // the venue has forgotten an order it reported on: left as it is
            } else {
                forcedEnds++;
                apply(o, ExecutionReport.rejected(id, o.order.instrumentId(), o.order.side(),
                        RejectReason.VENUE_UNAVAILABLE, wallClockNs.getAsLong()), false);
            }
        }
    }

    /** Sends the platform's cancel of an order again (it is still open at the venue). */
    interface CancelSender<S> {
        void cancel(SessionOrder<S> order);
    }

    private void reconcile(SessionOrder<S> o, VenueOrder v, long nowNs, long requestTimeoutNs,
                           CancelSender<S> cancels) {
        List<ExecutionReport> history = v.reports();
        for (int i = 0; i < history.size(); i++) {
            ExecutionReport r = history.get(i);
            if (o.state.status().isTerminal()) {
                return;
            }
            if (r.execId() != 0 && o.seen(r.execId())) {
                continue;
            }
            if (r.execType() == ExecType.REPLACED) {
                r = netOfLaterFills(o, r, history, i);
            }
            if (apply(o, r, false)) {
                recovered++;
            } else {
                o.markSeen(r.execId()); // superseded: a late copy must not apply later
            }
        }
        long now = wallClockNs.getAsLong();
        OrderStatus s = o.state.status();
        if (v.isOpen()) {
            if (s == OrderStatus.UNKNOWN || s == OrderStatus.PENDING_NEW) {
                reAcks++;
                apply(o, ExecutionReport.ack(o.order.clOrdId(), o.order.instrumentId(), o.order.side(),
                        v.priceTicks(), v.leavesQtyLots(), now), false);
            } else if ((s == OrderStatus.PENDING_CANCEL || s == OrderStatus.PENDING_REPLACE) && o.requestNs != 0
                    && nowNs - o.requestNs > requestTimeoutNs) {
                forcedEnds++; // the venue never answered the request: it never got it
                apply(o, ExecutionReport.cancelRejected(o.order.clOrdId(), o.order.instrumentId(), o.order.side(),
                        v.leavesQtyLots(), RejectReason.VENUE_UNAVAILABLE, now), false);
            }
            if (o.cancelWanted && !o.state.status().isTerminal()
                    && (o.platformCancelNs == 0 || nowNs - o.platformCancelNs > requestTimeoutNs)) {
                cancels.cancel(o);
            }
        } else if (!s.isTerminal()) {
            forcedEnds++; // ended at the venue without the report that ended it in its history
            ExecutionReport end = v.status() == OrderStatus.REJECTED && !o.heard
                    ? ExecutionReport.rejected(o.order.clOrdId(), o.order.instrumentId(), o.order.side(),
                    RejectReason.VENUE_REJECTED, now)
                    : ExecutionReport.canceled(o.order.clOrdId(), o.order.instrumentId(), o.order.side(),
                    o.state.leavesQtyLots(), now);
            if (!apply(o, end, false)) {
                unresolved++;
            }
        }
    }

    /**
     * A replace recovered after fills that followed it were already applied (the only report that can be applied
     * out of its order: a fill cannot, its filled quantity would not add up): its open quantity is what was left
     * after those fills.
     */
    private static ExecutionReport netOfLaterFills(SessionOrder<?> o, ExecutionReport replaced,
                                                   List<ExecutionReport> history, int at) {
        long later = 0;
        for (int j = at + 1; j < history.size(); j++) {
            ExecutionReport r = history.get(j);
            if (r.execType() == ExecType.TRADE && r.execId() != 0 && o.seen(r.execId())) {
                later += r.lastQtyLots();
            }
        }
        if (later == 0) {
            return replaced;
        }
        return new ExecutionReport(replaced.clOrdId(), replaced.instrumentId(), ExecType.REPLACED, replaced.side(),
                replaced.lastPxTicks(), 0, Math.max(0, replaced.leavesQtyLots() - later), 0, replaced.liquidity(),
                replaced.reason(), replaced.venueTimeNs(), replaced.execId(), replaced.cumQtyLots());
    }

    /** Every live order in UNKNOWN state ends cancelled (a cancel-on-disconnect venue without order queries). */
    int cancelUnknown() {
        long now = wallClockNs.getAsLong();
        long[] ids = orders.keySet().stream().mapToLong(Long::longValue).toArray();
        int n = 0;
        for (long id : ids) {
            SessionOrder<S> o = orders.get(id);
            if (o.state.status() == OrderStatus.UNKNOWN) {
                forcedEnds++;
                n++;
                apply(o, ExecutionReport.canceled(id, o.order.instrumentId(), o.order.side(),
                        o.state.leavesQtyLots(), now), false);
            }
        }
        return n;
    }
}
