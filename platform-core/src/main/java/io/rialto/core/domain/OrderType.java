package io.rialto.core.domain;

/** Order type. A {@code MARKET} order is always immediate-or-cancel. */
public enum OrderType {
    LIMIT,
    MARKET
}
