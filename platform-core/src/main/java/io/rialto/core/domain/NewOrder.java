package io.rialto.core.domain;

/**
 * A new order as a strategy sends it. Immutable; travels strategy → risk → venue.
 *
 * @param clOrdId      client order id, unique across the platform (see {@link ClOrdIds})
 * @param originNs     {@code System.nanoTime()} at which the market-data event that caused this order
 *                     entered the platform, or 0 when no event caused it (tick-to-trade starts here)
 * @param submitNs     {@code System.nanoTime()} at which the strategy submitted it (order-ack starts here)
 */
public record NewOrder(long clOrdId, String strategyId, String account, int instrumentId, Side side,
                       OrderType type, TimeInForce tif, long priceTicks, long qtyLots, long originNs, long submitNs)
        implements RialtoMessage {
}
