package io.rialto.core.domain;

/** A request to cancel the open quantity of an order. */
public record CancelOrder(long clOrdId, String strategyId, int instrumentId, long submitNs) implements RialtoMessage {
}
