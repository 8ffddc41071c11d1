package io.rialto.core.book;

/** Why the matching engine refused a command. The book is unchanged by a rejected command. */
public enum MatchReject {
    /** A new order reuses the id of a live order. */
    DUPLICATE_ID,
    /** A cancel or modify names an id that is not live (unknown, or already filled or cancelled). */
    UNKNOWN_ORDER,
    /** A limit order or a modify has a price of zero ticks or less (or off the tick, at the edge). */
    INVALID_PRICE,
    /** The quantity is zero lots or less. */
    INVALID_QTY,
    /** A post-only (GTX) order would cross the best opposite price on arrival. */
    WOULD_CROSS
}
