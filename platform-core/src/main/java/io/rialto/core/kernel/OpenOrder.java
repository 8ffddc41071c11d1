package io.rialto.core.kernel;

import io.rialto.core.domain.OrderStatus;
import io.rialto.core.domain.OrderType;
import io.rialto.core.domain.RialtoMessage;
import io.rialto.core.domain.Side;
import io.rialto.core.domain.TimeInForce;

/** A live order as its strategy's host knows it (for operators: {@code GET /api/orders?open=true}). */
public record OpenOrder(long clOrdId, String strategyId, String account, int instrumentId, Side side, OrderType type,
                        TimeInForce tif, long priceTicks, long qtyLots, long leavesQtyLots, long cumQtyLots,
                        OrderStatus status) implements RialtoMessage {
}
