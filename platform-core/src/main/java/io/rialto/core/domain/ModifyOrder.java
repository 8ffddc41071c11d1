package io.rialto.core.domain;

/**
 * A request to change an order's price and open quantity. The same price with a quantity at most the
 * open quantity keeps time priority; anything else loses it.
 */
public record ModifyOrder(long clOrdId, String strategyId, int instrumentId, long newPriceTicks, long newQtyLots,
                          long originNs, long submitNs) implements RialtoMessage {
}
