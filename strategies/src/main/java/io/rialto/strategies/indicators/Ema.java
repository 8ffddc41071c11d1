package io.rialto.strategies.indicators;

/**
 * Exponential moving average with smoothing factor {@code alpha = 2 / (period + 1)}.
 *
 * <p>Seeded with the simple average of the first {@code period} values (the usual convention, e.g.
 * StockCharts and TA-Lib), then {@code ema += alpha * (x - ema)}. Cost: O(1) per update, no allocation.
 * Warm-up: ready after {@code period} values; {@link #value()} is NaN before.
 *
 * <p><b>Threading:</b> a plain single-threaded class; use it from one thread (a strategy's callbacks).
 */
public final class Ema {
    private final int period;
    private final double alpha;
    private int count;
    private double seedSum;
    private double value = Double.NaN;

    public Ema(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("EMA period must be at least 1, got " + period);
        }
        this.period = period;
        this.alpha = 2.0 / (period + 1);
    }

    public void update(double x) {
        if (count < period) {
            seedSum += x;
            count++;
            if (count == period) {
                value = seedSum / period;
            }
        } else {
            value += alpha * (x - value);
        }
    }

    public boolean isReady() {
        return count == period;
    }

    public double value() {
        return value;
    }

    public int period() {
        return period;
    }

    public double alpha() {
        return alpha;
    }

    public void reset() {
        count = 0;
        seedSum = 0;
        value = Double.NaN;
    }
}
