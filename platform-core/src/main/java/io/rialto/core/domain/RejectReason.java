package io.rialto.core.domain;

/**
 * Why an order, cancel or modify was refused. Every rejection in the platform carries one of these;
 * the strategy receives it, the metrics count it and the README documents it.
 */
public enum RejectReason {
    /** Not a rejection: the check passed. Lets checks return an enum constant instead of null. */
    NONE,
    // instrument rules
    PRICE_NOT_ON_TICK,
    QTY_NOT_ON_LOT,
    QTY_OUT_OF_RANGE,
    UNKNOWN_INSTRUMENT,
    // pre-trade risk
    MAX_ORDER_QTY,
    MAX_ORDER_NOTIONAL,
    PRICE_COLLAR,
    NO_REFERENCE_PRICE,
    DUPLICATE_ORDER,
    MAX_OPEN_ORDERS,
    MAX_OPEN_NOTIONAL,
    POSITION_LIMIT,
    EXPOSURE_LIMIT,
    THROTTLED,
    LOSS_LIMIT,
    REPEATED_EXECUTION,
    SELF_TRADE,
    TRADING_REDUCING,
    TRADING_HALTED,
    KILL_SWITCH,
    RISK_UNAVAILABLE,
    VENUE_CIRCUIT_OPEN,
    // platform
    /** A bounded mailbox on the order path was full. */
    OVERLOADED,
    /** The platform is shutting down and takes no new orders. */
    SHUTTING_DOWN,
    /** The venue is not connected. */
    VENUE_UNAVAILABLE,
    // venue (matching engine) reasons
    DUPLICATE_ID,
    UNKNOWN_ORDER,
    INVALID_PRICE,
    INVALID_QTY,
    WOULD_CROSS,
    /** The venue refused the order for a reason of its own (busy, throttled; the simulator's random rejects). */
    VENUE_REJECTED
}
