package io.rialto.core.domain;

/**
 * What a venue says about one order. Immutable; travels venue → risk (positions) → strategy.
 *
 * @param lastPxTicks  fill price (TRADE), or the order's price after a REPLACED
 * @param lastQtyLots  fill quantity (TRADE), cancelled quantity (CANCELED), 0 otherwise
 * @param leavesQtyLots open quantity after this report
 * @param feeE6        fee of this fill in millionths of a tick-lot (price tick x quantity lot); negative is a rebate
 * @param venueTimeNs  venue time, nanoseconds since the epoch
 */
public record ExecutionReport(long clOrdId, int instrumentId, ExecType execType, Side side, long lastPxTicks,
                              long lastQtyLots, long leavesQtyLots, long feeE6, Liquidity liquidity,
                              RejectReason reason, long venueTimeNs) implements RialtoMessage {

    public static ExecutionReport ack(long clOrdId, int instrumentId, Side side, long priceTicks, long leaves,
                                      long venueTimeNs) {
        return new ExecutionReport(clOrdId, instrumentId, ExecType.NEW, side, priceTicks, 0, leaves, 0,
                Liquidity.NONE, RejectReason.NONE, venueTimeNs);
    }

    public static ExecutionReport fill(long clOrdId, int instrumentId, Side side, long priceTicks, long qty,
                                       long leaves, long feeE6, Liquidity liquidity, long venueTimeNs) {
        return new ExecutionReport(clOrdId, instrumentId, ExecType.TRADE, side, priceTicks, qty, leaves, feeE6,
                liquidity, RejectReason.NONE, venueTimeNs);
    }

    public static ExecutionReport canceled(long clOrdId, int instrumentId, Side side, long canceledQty,
                                           long venueTimeNs) {
        return new ExecutionReport(clOrdId, instrumentId, ExecType.CANCELED, side, 0, canceledQty, 0, 0,
                Liquidity.NONE, RejectReason.NONE, venueTimeNs);
    }

    public static ExecutionReport replaced(long clOrdId, int instrumentId, Side side, long priceTicks, long leaves,
                                           long venueTimeNs) {
        return new ExecutionReport(clOrdId, instrumentId, ExecType.REPLACED, side, priceTicks, 0, leaves, 0,
                Liquidity.NONE, RejectReason.NONE, venueTimeNs);
    }

    public static ExecutionReport rejected(long clOrdId, int instrumentId, Side side, RejectReason reason,
                                           long venueTimeNs) {
        return new ExecutionReport(clOrdId, instrumentId, ExecType.REJECTED, side, 0, 0, 0, 0, Liquidity.NONE,
                reason, venueTimeNs);
    }

    public static ExecutionReport cancelRejected(long clOrdId, int instrumentId, Side side, long leaves,
                                                 RejectReason reason, long venueTimeNs) {
        return new ExecutionReport(clOrdId, instrumentId, ExecType.CANCEL_REJECTED, side, 0, 0, leaves, 0,
                Liquidity.NONE, reason, venueTimeNs);
    }
}
