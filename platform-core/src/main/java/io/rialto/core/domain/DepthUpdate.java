package io.rialto.core.domain;

/**
 * One price level's new aggregate quantity on one venue; {@code qtyLots == 0} deletes the level.
 *
 * @param seq      the venue's sequence number for this instrument
 * @param ingestNs {@code System.nanoTime()} when it entered the platform (0 before that)
 */
public record DepthUpdate(int instrumentId, long seq, Side side, long priceTicks, long qtyLots, long ingestNs)
        implements RialtoMessage {
}
