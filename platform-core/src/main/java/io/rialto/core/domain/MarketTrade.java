package io.rialto.core.domain;

/** A trade printed by a venue. {@code aggressor} is the side of the taking order. */
public record MarketTrade(int instrumentId, long seq, Side aggressor, long priceTicks, long qtyLots, long ingestNs)
        implements RialtoMessage {
}
