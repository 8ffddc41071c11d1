package io.rialto.strategies.indicators;

/**
 * Mean and variance of the last {@code window} values, for {@link Sma}, {@link BollingerBands} and
 * {@link RollingVolatility}.
 *
 * <p>Each update is O(1) with no allocation: the window lives in a ring buffer allocated at construction,
 * and the mean and the sum of squared deviations ({@code m2}) follow Welford's update while the window
 * fills and its sliding form once it is full (the oldest value leaves as the newest enters):
 * <pre>
 *   mean' = mean + (x - old) / n
 *   m2'   = m2 + (x - old) * ((x - mean') + (old - mean))
 * </pre>
 * Unlike running sums of x and x squared this never subtracts two large, nearly equal numbers, so the
 * variance of prices far from zero keeps its precision. The sliding form still accumulates rounding
 * error slowly (about 1e-9 relative after a few hundred slides at prices near 1e6), so a second,
 * <i>fresh</i> Welford accumulator adds each value of the current lap of the ring from scratch; when the
 * ring wraps it covers exactly the window and replaces the sliding state. Drift is thus bounded by one
 * window of slides, with no recompute spike: every update does the same O(1) work (two Welford steps).
 * Checked against a two-pass full recompute over long random series.
 *
 * <p><b>Threading:</b> a plain single-threaded class; use it from one thread (a strategy's callbacks).
 */
final class RollingStats {
    private final double[] ring;
    private int next;
    private int count;
    private double mean;
    private double m2;
    /** Welford over the values added since the ring last wrapped (slot 0 onwards). */
    private int freshCount;
    private double freshMean;
    private double freshM2;

    RollingStats(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, got " + window);
        }
        ring = new double[window];
    }

    void add(double x) {
        if (count < ring.length) {
            ring[next] = x;
            count++;
            double delta = x - mean;
            mean += delta / count;
            m2 += delta * (x - mean);
        } else {
            double old = ring[next];
            ring[next] = x;
            double oldMean = mean;
            mean += (x - old) / count;
            m2 += (x - old) * ((x - mean) + (old - oldMean));
            if (m2 < 0) {
                m2 = 0; // rounding can take a zero variance just below zero
            }
        }
        freshCount++;
        double freshDelta = x - freshMean;
        freshMean += freshDelta / freshCount;
        freshM2 += freshDelta * (x - freshMean);
        next++;
        if (next == ring.length) {
            next = 0;
            mean = freshMean; // the fresh accumulator now holds exactly the window
            m2 = freshM2;
            freshCount = 0;
            freshMean = 0;
            freshM2 = 0;
        }
    }

    int window() {
        return ring.length;
    }

    int count() {
        return count;
    }

    boolean isFull() {
        return count == ring.length;
    }

    double mean() {
        return count == 0 ? Double.NaN : mean;
    }

    /** Variance with divisor n (the values are the whole population). */
    double populationVariance() {
        return count == 0 ? Double.NaN : m2 / count;
    }

    /** Variance with divisor n - 1 (the values are a sample). */
    double sampleVariance() {
        return count < 2 ? Double.NaN : m2 / (count - 1);
    }

    /** The newest value added. */
    double last() {
        return count == 0 ? Double.NaN : ring[next == 0 ? ring.length - 1 : next - 1];
    }

    void reset() {
        next = 0;
        count = 0;
        mean = 0;
        m2 = 0;
        freshCount = 0;
        freshMean = 0;
        freshM2 = 0;
    }
}
