package io.rialto.core.domain;

/**
 * A venue's whole book for one instrument, best levels first. Replaces the book it describes; the
 * next incremental update for the instrument carries {@code seq + 1}.
 */
public record BookSnapshot(int instrumentId, long seq, long[] bidPricesTicks, long[] bidQtysLots,
                           long[] askPricesTicks, long[] askQtysLots, long ingestNs) implements MarketData {

    public BookSnapshot {
        if (bidPricesTicks.length != bidQtysLots.length || askPricesTicks.length != askQtysLots.length) {
            throw new IllegalArgumentException("snapshot price and quantity arrays differ in length");
        }
    }

    public BookSnapshot stamped(long nowNs) {
        return new BookSnapshot(instrumentId, seq, bidPricesTicks, bidQtysLots, askPricesTicks, askQtysLots, nowNs);
    }

    @Override
    public int eventCount() {
        return 1;
    }
}
