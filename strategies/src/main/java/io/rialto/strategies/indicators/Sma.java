package io.rialto.strategies.indicators;

/**
 * Simple moving average of the last {@code period} values.
 *
 * <p>Cost: O(1) per update, no allocation (a ring buffer of {@code period} doubles allocated at
 * construction; the mean slides as in {@link RollingStats}). Warm-up: ready after {@code period} values.
 *
 * <p><b>Threading:</b> a plain single-threaded class; use it from one thread (a strategy's callbacks).
 */
public final class Sma {
    private final RollingStats stats;

    public Sma(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("SMA period must be at least 1, got " + period);
        }
        stats = new RollingStats(period);
    }

    public void update(double value) {
        stats.add(value);
    }

    public boolean isReady() {
        return stats.isFull();
    }

    /** The average of the last {@code period} values; before warm-up the average of those seen, or NaN. */
    public double value() {
        return stats.mean();
    }

    public int period() {
        return stats.window();
    }

    public void reset() {
        stats.reset();
    }
}
