package io.rialto.core.domain;

/** Whether a fill added liquidity (maker) or took it (taker); fees differ. */
public enum Liquidity {
    NONE,
    MAKER,
    TAKER
}
