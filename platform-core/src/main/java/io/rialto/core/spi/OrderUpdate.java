package io.rialto.core.spi;

import io.rialto.core.domain.ExecType;
import io.rialto.core.domain.OrderStatus;
import io.rialto.core.domain.RejectReason;
import io.rialto.core.domain.Side;

/**
 * What happened to one of the strategy's orders, with the order's state afterwards.
 *
 * @param execType     what happened (NEW = acknowledged, TRADE = fill, CANCELED, REPLACED, REJECTED,
 *                     CANCEL_REJECTED)
 * @param lastPxTicks  fill price for a TRADE
 * @param lastQtyLots  fill quantity for a TRADE
 * @param reason       why, for REJECTED and CANCEL_REJECTED; {@link RejectReason#NONE} otherwise
 */
public record OrderUpdate(long clOrdId, int instrumentId, Side side, ExecType execType, OrderStatus status,
                          long priceTicks, long lastPxTicks, long lastQtyLots, long leavesQtyLots, long cumQtyLots,
                          RejectReason reason) {
}
