package io.rialto.venues.replay;

import io.rialto.core.domain.Side;

/**
 * One market-data event a {@link ReplaySource} read, in a holder the replay reuses for every event (a
 * snapshot's levels are new arrays each time; snapshots are rare).
 */
final class ReplayEvent {
    static final int DEPTH = 0;
    static final int TRADE = 1;
    static final int SNAPSHOT = 2;
    /** The source has no sequence numbers: the replay numbers the events itself. */
    static final long NO_SEQ = Long.MIN_VALUE;

    int kind;
    /** Index of the instrument in the source's listings. */
    int instrument;
    /** The source's clock, nanoseconds since the epoch (Tardis: {@code local_timestamp}). */
    long timeNs;
    /** Side of the level, or the trade's aggressor; {@code null} for a trade whose aggressor is unknown. */
    Side side;
    long priceTicks;
    long qtyLots;
    long seq = NO_SEQ;
    long[] bidPrices;
    long[] bidQtys;
    long[] askPrices;
    long[] askQtys;

    void copyFrom(ReplayEvent e) {
        kind = e.kind;
        instrument = e.instrument;
        timeNs = e.timeNs;
        side = e.side;
        priceTicks = e.priceTicks;
        qtyLots = e.qtyLots;
        seq = e.seq;
        bidPrices = e.bidPrices;
        bidQtys = e.bidQtys;
        askPrices = e.askPrices;
        askQtys = e.askQtys;
    }
}
