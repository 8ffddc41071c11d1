package io.rialto.core.domain;

/**
 * Client order ids: the strategy's dense index in the high 24 bits, its own sequence in the low 40,
 * so ids are unique across the platform without coordination and show which strategy sent them.
 */
public final class ClOrdIds {
    private static final int SEQUENCE_BITS = 40;

    private ClOrdIds() {
    }

    public static long of(int strategyIndex, long sequence) {
        return ((long) strategyIndex << SEQUENCE_BITS) | (sequence & ((1L << SEQUENCE_BITS) - 1));
    }

    public static int strategyIndex(long clOrdId) {
        return (int) (clOrdId >>> SEQUENCE_BITS);
    }
}
