package io.rialto.core.domain;

/**
 * The state machine of one order, driven by the owner's requests and the venue's execution reports.
 * Single-threaded: owned by one actor.
 *
 * <pre>
 *                 ┌──────────── REJECTED
 *   PENDING_NEW ──┤
 *                 └─ NEW ──┬── PARTIALLY_FILLED ──┬── FILLED
 *                          │         │            │
 *                          │  (cancel / modify requested)
 *                          ├── PENDING_CANCEL ────┼── CANCELED
 *                          └── PENDING_REPLACE ───┘  (REPLACED → back to NEW / PARTIALLY_FILLED)
 *   any live state ── connection lost ──▶ UNKNOWN ── reconciled ──▶ the venue's state
 * </pre>
 * From UNKNOWN the venue's reports apply as they come (fills, a cancel, a replace); a NEW report
 * re-acknowledges the order with the venue's price and open quantity (PARTIALLY_FILLED when it has fills);
 * a refused cancel or modify (asked before the connection dropped) changes nothing.
 * A report that does not fit the current state (a fill on a finished order, an ack after a fill) is
 * refused by {@link #apply} and left for the caller to count; the state does not change.
 */
public final class OrderState {
    private final NewOrder order;
    private OrderStatus status = OrderStatus.PENDING_NEW;
    private OrderStatus statusBeforePending = OrderStatus.PENDING_NEW;
    private long priceTicks;
    private long leavesQtyLots;
    private long cumQtyLots;
    private RejectReason rejectReason = RejectReason.NONE;

    public OrderState(NewOrder order) {
        this.order = order;
        this.priceTicks = order.priceTicks();
        this.leavesQtyLots = order.qtyLots();
    }

    public NewOrder order() {
        return order;
    }

    public OrderStatus status() {
        return status;
    }

    public long priceTicks() {
        return priceTicks;
    }

    public long leavesQtyLots() {
        return leavesQtyLots;
    }

    public long cumQtyLots() {
        return cumQtyLots;
    }

    public RejectReason rejectReason() {
        return rejectReason;
    }

    public boolean isLive() {
        return !status.isTerminal();
    }

    /** The owner asked to cancel. Returns false when the order cannot be cancelled now. */
    public boolean cancelRequested() {
        return pending(OrderStatus.PENDING_CANCEL);
    }

    /** The owner asked to modify. Returns false when the order cannot be modified now. */
    public boolean replaceRequested() {
        return pending(OrderStatus.PENDING_REPLACE);
    }

    private boolean pending(OrderStatus pendingStatus) {
        if (status != OrderStatus.NEW && status != OrderStatus.PARTIALLY_FILLED) {
            return false;
        }
        statusBeforePending = status;
        status = pendingStatus;
        return true;
    }

    /** The venue connection was lost: the order's state is unknown until reconciled. */
    public void connectionLost() {
        if (isLive()) {
            status = OrderStatus.UNKNOWN;
        }
    }

    /** Rejected before reaching a venue (risk, overload). */
    public boolean rejectLocally(RejectReason reason) {
        if (status != OrderStatus.PENDING_NEW) {
            return false;
        }
        status = OrderStatus.REJECTED;
        rejectReason = reason;
        leavesQtyLots = 0;
        return true;
    }

    /** Applies a venue report. Returns false, changing nothing, when the report does not fit the state. */
    public boolean apply(ExecutionReport report) {
        if (status.isTerminal()) {
            return false;
        }
        switch (report.execType()) {
            case NEW -> {
                if (status == OrderStatus.UNKNOWN) { // re-acknowledged on reconciliation: the venue's view
                    if (report.lastPxTicks() > 0) {
                        priceTicks = report.lastPxTicks();
                    }
                    status = cumQtyLots > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.NEW;
                } else if (status == OrderStatus.PENDING_NEW) {
                    status = OrderStatus.NEW;
                } else {
                    return false;
                }
                leavesQtyLots = report.leavesQtyLots();
            }
            case TRADE -> {
                boolean leavesKnown = status != OrderStatus.PENDING_REPLACE && status != OrderStatus.UNKNOWN;
                if (status == OrderStatus.PENDING_NEW || report.lastQtyLots() <= 0
                        || (leavesKnown && report.lastQtyLots() > leavesQtyLots)) {
                    return false;
                }
                cumQtyLots += report.lastQtyLots();
                leavesQtyLots = report.leavesQtyLots();
                if (leavesQtyLots == 0) {
                    status = OrderStatus.FILLED;
                } else if (status == OrderStatus.PENDING_CANCEL || status == OrderStatus.PENDING_REPLACE) {
                    statusBeforePending = OrderStatus.PARTIALLY_FILLED;
                } else if (status != OrderStatus.UNKNOWN) {
                    status = OrderStatus.PARTIALLY_FILLED;
                }
            }
            case CANCELED -> {
                status = OrderStatus.CANCELED;
                leavesQtyLots = 0;
            }
            case REPLACED -> {
                if (status != OrderStatus.PENDING_REPLACE && status != OrderStatus.UNKNOWN) {
                    return false;
                }
                priceTicks = report.lastPxTicks();
                leavesQtyLots = report.leavesQtyLots();
                status = cumQtyLots > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.NEW;
            }
            case REJECTED -> {
                if (status != OrderStatus.PENDING_NEW && status != OrderStatus.UNKNOWN) {
                    return false;
                }
                status = OrderStatus.REJECTED;
                rejectReason = report.reason();
                leavesQtyLots = 0;
            }
            case CANCEL_REJECTED -> {
                if (status == OrderStatus.UNKNOWN) {
                    return true; // a request made before the connection dropped: moot, reconciliation decides
                }
                if (status != OrderStatus.PENDING_CANCEL && status != OrderStatus.PENDING_REPLACE) {
                    return false;
                }
                status = statusBeforePending;
            }
            case CONNECTION_LOST -> connectionLost();
            default -> throw new IllegalStateException("unhandled exec type " + report.execType());
        }
        return true;
    }
}
