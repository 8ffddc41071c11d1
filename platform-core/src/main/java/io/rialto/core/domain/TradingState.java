package io.rialto.core.domain;

/** What a strategy, account or the firm may do. */
public enum TradingState {
    /** Everything allowed by the limits. */
    ACTIVE,
    /** Only orders that reduce the position; cancels always. */
    REDUCING,
    /** Cancels only. */
    HALTED
}
