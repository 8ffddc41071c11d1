package io.rialto.risk;

import io.rialto.core.domain.RejectReason;
import io.rialto.core.domain.TradingState;
import org.agrona.collections.Object2IntHashMap;

import java.util.Arrays;

/**
 * One kind of risk scope (strategies, accounts, instruments, venues, or the firm) as a table of entities
 * indexed densely from 0, with the resolved limits of each in one flat row per entity:
 * <pre>
 *   entity e ─ limits[e * Limit.COUNT + limit.ordinal()]   resolved, 0 of a maximum already Long.MAX_VALUE
 *            ─ state[e] (TradingState ordinal), haltReason[e] (why HALTED rejects)
 *            ─ openOrders[e], openNotionalE6[e]                 (strategies)
 *            ─ lastAccount[e]: account of the last order        (strategies; a cache, NULL_INDEX before one)
 *            ─ lastInstrument[e], lastSlot[e]: instrument of the last order and the strategy's position slot
 *              on it                                           (strategies; a cache, NULL_INDEX before one)
 *            ─ pnlE6[e], dayStartPnlE6[e]                       (strategies, accounts)
 *            ─ grossE6[e], longE6[e], shortE6[e]                (accounts, the firm: worst-case exposure)
 *            ─ buckets 3e, 3e+1, 3e+2: new, modify, cancel      (strategies, venues)
 * </pre>
 * Fields are package-private and read directly by the engine. Single-threaded.
 */
final class Scopes {
    static final int NULL_INDEX = -1;
    static final byte ACTIVE = (byte) TradingState.ACTIVE.ordinal();
    static final byte REDUCING = (byte) TradingState.REDUCING.ordinal();
    static final byte HALTED = (byte) TradingState.HALTED.ordinal();

    final String kind;
    final Object2IntHashMap<String> indexByName = new Object2IntHashMap<>(NULL_INDEX);
    final TokenBuckets buckets = new TokenBuckets();
    String[] names = new String[16];
    long[] limits = new long[16 * Limit.COUNT];
    byte[] state = new byte[16];
    RejectReason[] haltReason = new RejectReason[16];
    int[] openOrders = new int[16];
    long[] openNotionalE6 = new long[16];
    int[] lastAccount = new int[16];
    int[] lastInstrument = new int[16];
    int[] lastSlot = new int[16];
    long[] pnlE6 = new long[16];
    long[] dayStartPnlE6 = new long[16];
    long[] grossE6 = new long[16];
    long[] longE6 = new long[16];
    long[] shortE6 = new long[16];
    int size;

    Scopes(String kind) {
        this.kind = kind;
    }

    /** The entity of a name, or {@link #NULL_INDEX}. */
    int find(String name) {
        return indexByName.getValue(name);
    }

    /** Adds an entity with its limits resolved from {@code defaults} and {@code overrides} (may be null). */
    int add(String name, long[] defaults, long[] overrides, long nowNs) {
        if (size == names.length) {
            grow(size * 2);
        }
        int e = size++;
        names[e] = name;
        indexByName.put(name, e);
        lastAccount[e] = NULL_INDEX;
        lastInstrument[e] = NULL_INDEX;
        long initial = overrides != null && overrides[Limit.TRADING_STATE.ordinal()] != Limit.UNSET
                ? overrides[Limit.TRADING_STATE.ordinal()] : TradingState.ACTIVE.ordinal();
        setState(e, (byte) initial, RejectReason.TRADING_HALTED);
        resolve(e, defaults, overrides, nowNs);
        return e;
    }

    /** Recomputes an entity's limits (after a change at run time); refills its buckets. */
    void resolve(int e, long[] defaults, long[] overrides, long nowNs) {
        int base = e * Limit.COUNT;
        for (Limit limit : Limit.VALUES) {
            int k = limit.ordinal();
            long value = overrides != null && overrides[k] != Limit.UNSET ? overrides[k] : defaults[k];
            limits[base + k] = value == 0 && limit.isMaximum() ? Long.MAX_VALUE : value;
        }
        buckets.setRate(3 * e, limits[base + rateLimit(0).ordinal()], nowNs);
        buckets.setRate(3 * e + 1, limits[base + rateLimit(1).ordinal()], nowNs);
        buckets.setRate(3 * e + 2, limits[base + rateLimit(2).ordinal()], nowNs);
    }

    private Limit rateLimit(int message) {
        boolean venue = "venue".equals(kind);
        switch (message) {
            case 0:
                return venue ? Limit.VENUE_NEW_PER_SECOND : Limit.NEW_PER_SECOND;
            case 1:
                return venue ? Limit.VENUE_MODIFY_PER_SECOND : Limit.MODIFY_PER_SECOND;
            default:
                return venue ? Limit.VENUE_CANCEL_PER_SECOND : Limit.CANCEL_PER_SECOND;
        }
    }

    long limit(int e, Limit limit) {
        return limits[e * Limit.COUNT + limit.ordinal()];
    }

    void setState(int e, byte newState, RejectReason reasonWhenHalted) {
        state[e] = newState;
        haltReason[e] = newState == HALTED ? reasonWhenHalted : RejectReason.NONE;
    }

    /** P&amp;L since the start of the day, micro-units of the quote currency. */
    long dayPnlE6(int e) {
        return pnlE6[e] - dayStartPnlE6[e];
    }

    private void grow(int n) {
        names = Arrays.copyOf(names, n);
        limits = Arrays.copyOf(limits, n * Limit.COUNT);
        state = Arrays.copyOf(state, n);
        haltReason = Arrays.copyOf(haltReason, n);
        openOrders = Arrays.copyOf(openOrders, n);
        openNotionalE6 = Arrays.copyOf(openNotionalE6, n);
        lastAccount = Arrays.copyOf(lastAccount, n);
        lastInstrument = Arrays.copyOf(lastInstrument, n);
        lastSlot = Arrays.copyOf(lastSlot, n);
        pnlE6 = Arrays.copyOf(pnlE6, n);
        dayStartPnlE6 = Arrays.copyOf(dayStartPnlE6, n);
        grossE6 = Arrays.copyOf(grossE6, n);
        longE6 = Arrays.copyOf(longE6, n);
        shortE6 = Arrays.copyOf(shortE6, n);
        buckets.ensure(3 * n);
    }
}
