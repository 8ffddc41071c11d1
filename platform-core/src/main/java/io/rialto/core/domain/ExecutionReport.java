package io.rialto.core.domain;

/**
 * What a venue says about one order. Immutable; travels venue → risk (positions) → strategy.
 *
 * @param lastPxTicks  fill price (TRADE), or the order's price after a REPLACED
 * @param lastQtyLots  fill quantity (TRADE), cancelled quantity (CANCELED), 0 otherwise
 * @param leavesQtyLots open quantity after this report
 * @param feeE6        fee of this fill in millionths of a tick-lot (price tick x quantity lot); negative is a rebate
 * @param venueTimeNs  venue time, nanoseconds since the epoch
 * @param execId       the venue's id of this report, unique per venue (FIX ExecID): a report that arrives twice
 *                     is recognised by it; 0 when the venue gives none or the platform made the report
 * @param cumQtyLots   quantity filled so far after this report, as the venue counts it (FIX CumQty): a fill whose
 *                     report was lost shows in the next report; -1 when the venue gives none
 */
public record ExecutionReport(long clOrdId, int instrumentId, ExecType execType, Side side, long lastPxTicks,
                              long lastQtyLots, long leavesQtyLots, long feeE6, Liquidity liquidity,
                              RejectReason reason, long venueTimeNs, long execId, long cumQtyLots)
        implements RialtoMessage {

    /** This report with the venue's exec id. */
    public ExecutionReport withExecId(long id) {
        return withVenueIds(id, cumQtyLots);
    }

    /** This report with the venue's exec id and its count of the quantity filled so far. */
    public ExecutionReport withVenueIds(long id, long cumQty) {
        return new ExecutionReport(clOrdId, instrumentId, execType, side, lastPxTicks, lastQtyLots, leavesQtyLots,
                feeE6, liquidity, reason, venueTimeNs, id, cumQty);
    }

    /** The platform lost the connection to the order's venue: its state is unknown until reconciled. */
    public static ExecutionReport connectionLost(long clOrdId, int instrumentId, Side side, long leaves,
                                                 long venueTimeNs) {
        return new ExecutionReport(clOrdId, instrumentId, ExecType.CONNECTION_LOST, side, 0, 0, leaves, 0,
                Liquidity.NONE, RejectReason.VENUE_UNAVAILABLE, venueTimeNs, 0, -1);
    }

    public static ExecutionReport ack(long clOrdId, int instrumentId, Side side, long priceTicks, long leaves,
                                      long venueTimeNs) {
        return new ExecutionReport(clOrdId, instrumentId, ExecType.NEW, side, priceTicks, 0, leaves, 0,
                Liquidity.NONE, RejectReason.NONE, venueTimeNs, 0, -1);
    }

    public static ExecutionReport fill(long clOrdId, int instrumentId, Side side, long priceTicks, long qty,
                                       long leaves, long feeE6, Liquidity liquidity, long venueTimeNs) {
        return new ExecutionReport(clOrdId, instrumentId, ExecType.TRADE, side, priceTicks, qty, leaves, feeE6,
                liquidity, RejectReason.NONE, venueTimeNs, 0, -1);
    }

    public static ExecutionReport canceled(long clOrdId, int instrumentId, Side side, long canceledQty,
                                           long venueTimeNs) {
        return new ExecutionReport(clOrdId, instrumentId, ExecType.CANCELED, side, 0, canceledQty, 0, 0,
                Liquidity.NONE, RejectReason.NONE, venueTimeNs, 0, -1);
    }

    public static ExecutionReport replaced(long clOrdId, int instrumentId, Side side, long priceTicks, long leaves,
                                           long venueTimeNs) {
        return new ExecutionReport(clOrdId, instrumentId, ExecType.REPLACED, side, priceTicks, 0, leaves, 0,
                Liquidity.NONE, RejectReason.NONE, venueTimeNs, 0, -1);
    }

    public static ExecutionReport rejected(long clOrdId, int instrumentId, Side side, RejectReason reason,
                                           long venueTimeNs) {
        return new ExecutionReport(clOrdId, instrumentId, ExecType.REJECTED, side, 0, 0, 0, 0, Liquidity.NONE,
                reason, venueTimeNs, 0, -1);
    }

    public static ExecutionReport cancelRejected(long clOrdId, int instrumentId, Side side, long leaves,
                                                 RejectReason reason, long venueTimeNs) {
        return new ExecutionReport(clOrdId, instrumentId, ExecType.CANCEL_REJECTED, side, 0, 0, leaves, 0,
                Liquidity.NONE, reason, venueTimeNs, 0, -1);
    }
}
