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
    CANCEL_REJECTED
}
