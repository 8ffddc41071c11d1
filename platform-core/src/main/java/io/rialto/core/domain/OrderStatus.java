package io.rialto.core.domain;

/** Where an order is in its life. See {@link OrderState} for the transitions. */
public enum OrderStatus {
    PENDING_NEW,
    NEW,
    PARTIALLY_FILLED,
    FILLED,
    CANCELED,
    REJECTED,
    PENDING_CANCEL,
    PENDING_REPLACE,
    /** The venue connection was lost; the order's real state is unknown until it is reconciled. */
    UNKNOWN;

    public boolean isTerminal() {
        return this == FILLED || this == CANCELED || this == REJECTED;
    }
}
