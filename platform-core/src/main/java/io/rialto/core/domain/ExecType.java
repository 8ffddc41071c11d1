package io.rialto.core.domain;

/** What an execution report says happened. */
public enum ExecType {
    /** The venue accepted the order (acknowledgement). */
    NEW,
    /** A fill, partial or complete. */
    TRADE,
    /** The order's open quantity was cancelled (request, IOC remainder, FOK kill, self-trade, shutdown). */
    CANCELED,
    /** A modify was applied. */
    REPLACED,
    /** The order was refused; the order is finished. */
    REJECTED,
    /** A cancel or modify was refused; the order itself is unchanged. */
    CANCEL_REJECTED,
    /**
     * Not from a venue: the platform lost its connection to the order's venue, so the order's state is
     * unknown until the venue session reconciles it after reconnecting. Nothing moves (no position, no release).
     */
    CONNECTION_LOST
}
