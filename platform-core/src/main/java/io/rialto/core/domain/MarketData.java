package io.rialto.core.domain;

/** What a venue feed emits: batches of incremental events, and snapshots. */
public sealed interface MarketData extends RialtoMessage permits MdBatch, BookSnapshot {

    /** Market-data events this element carries (a snapshot is one event however many levels it has). */
    int eventCount();

    /** A copy stamped with the time it entered the platform. */
    MarketData stamped(long nowNs);
}
