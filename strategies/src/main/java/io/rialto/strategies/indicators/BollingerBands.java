package io.rialto.strategies.indicators;

/**
 * Bollinger Bands (John Bollinger): the middle band is the simple average of the last {@code period}
 * values, the upper and lower bands sit {@code k} standard deviations above and below it. The standard
 * deviation is the population one (divisor n), as Bollinger defines it.
 *
 * <p>Also gives %b, where the newest value sits between the bands ({@code (x - lower) / (upper - lower)}:
 * 0 on the lower band, 1 on the upper), and the bandwidth {@code (upper - lower) / middle}.
 *
 * <p>Cost: O(1) per update, no allocation (see {@link RollingStats} for the numerically stable sliding
 * update). Warm-up: ready after {@code period} values; the bands are NaN before.
 *
 * <p><b>Threading:</b> a plain single-threaded class; use it from one thread (a strategy's callbacks).
 */
public final class BollingerBands {
    private final RollingStats stats;
    private final double k;

    public BollingerBands(int period, double k) {
        if (period < 2) {
            throw new IllegalArgumentException("Bollinger period must be at least 2, got " + period);
        }
        if (!(k > 0)) {
            throw new IllegalArgumentException("Bollinger width k must be positive, got " + k);
        }
        stats = new RollingStats(period);
        this.k = k;
    }

    public void update(double value) {
        stats.add(value);
    }

    public boolean isReady() {
        return stats.isFull();
    }

    public double middle() {
        return isReady() ? stats.mean() : Double.NaN;
    }

    public double standardDeviation() {
        return isReady() ? Math.sqrt(stats.populationVariance()) : Double.NaN;
    }

    public double upper() {
        return middle() + k * standardDeviation();
    }

    public double lower() {
        return middle() - k * standardDeviation();
    }

    /** Where the newest value sits: 0 on the lower band, 1 on the upper; NaN when the bands meet. */
    public double percentB() {
        double lower = lower();
        double width = upper() - lower;
        return width > 0 ? (stats.last() - lower) / width : Double.NaN;
    }

    /** {@code (upper - lower) / middle}. */
    public double bandwidth() {
        return (upper() - lower()) / middle();
    }

    public void reset() {
        stats.reset();
    }
}
