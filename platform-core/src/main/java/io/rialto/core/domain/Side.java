package io.rialto.core.domain;

/** Side of an order or a book level. */
public enum Side {
    BUY,
    SELL;

    private static final Side[] VALUES = values();

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }

    /** +1 for a buy, -1 for a sell: the sign a fill of this side adds to a position. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }

    public static Side ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }
}
