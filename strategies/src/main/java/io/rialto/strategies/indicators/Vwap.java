package io.rialto.strategies.indicators;

/**
 * Volume-weighted average price of trades, either over a rolling window of the last {@code window} trades
 * ({@link #Vwap(int)}) or over a session, from the last {@link #reset()} on ({@link #session()}).
 *
 * <p>Prices are ticks and quantities lots, so the sums of {@code price x qty} and of {@code qty} are exact
 * {@code long}s: no rounding drift however long it runs. They must stay below 2^63 (about 9.2e18
 * tick-lots): a window of 10,000 trades of 1e6 lots at 1e6 ticks fits 900 times over; a session that
 * could exceed it must be reset (e.g. daily). The average itself is a {@code double} in ticks.
 *
 * <p>Cost: O(1) per trade, no allocation (the rolling form keeps two ring buffers of {@code window} longs
 * allocated at construction). Warm-up: the rolling form is ready once {@code window} trades are in it, the
 * session form after its first trade with a positive quantity.
 *
 * <p><b>Threading:</b> a plain single-threaded class; use it from one thread (a strategy's callbacks).
 */
public final class Vwap {
    private final long[] notionalRing;
    private final long[] qtyRing;
    private int next;
    private int count;
    private long notionalTickLots;
    private long volumeLots;

    /** A VWAP of the last {@code window} trades. */
    public Vwap(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("VWAP window must be at least 1 trade, got " + window);
        }
        notionalRing = new long[window];
        qtyRing = new long[window];
    }

    private Vwap() {
        notionalRing = null;
        qtyRing = null;
    }

    /** A VWAP of every trade since construction or the last {@link #reset()}. */
    public static Vwap session() {
        return new Vwap();
    }

    public void update(long priceTicks, long qtyLots) {
        long notional = priceTicks * qtyLots;
        if (notionalRing == null) {
            notionalTickLots += notional;
            volumeLots += qtyLots;
            count++;
            return;
        }
        if (count == notionalRing.length) {
            notionalTickLots -= notionalRing[next];
            volumeLots -= qtyRing[next];
        } else {
            count++;
        }
        notionalRing[next] = notional;
        qtyRing[next] = qtyLots;
        notionalTickLots += notional;
        volumeLots += qtyLots;
        next = next + 1 == notionalRing.length ? 0 : next + 1;
    }

    public boolean isReady() {
        return notionalRing == null ? volumeLots > 0 : count == notionalRing.length && volumeLots > 0;
    }

    /** The VWAP in ticks, or NaN while there is no volume. */
    public double value() {
        return volumeLots > 0 ? (double) notionalTickLots / volumeLots : Double.NaN;
    }

    public long volumeLots() {
        return volumeLots;
    }

    public long notionalTickLots() {
        return notionalTickLots;
    }

    /** Forgets every trade: starts a new session (or an empty window). */
    public void reset() {
        next = 0;
        count = 0;
        notionalTickLots = 0;
        volumeLots = 0;
    }
}
