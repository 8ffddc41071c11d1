package io.rialto.strategies.indicators;

/**
 * Rolling volatility: the sample standard deviation (divisor n - 1) of the log returns
 * {@code ln(p[t] / p[t-1])} over the last {@code window} returns, per update (not annualised: multiply by
 * the square root of the updates per year if you need that).
 *
 * <p>Cost: O(1) per update (one {@code Math.log}), no allocation: the returns live in a ring buffer and
 * the variance follows the sliding Welford update described in {@link RollingStats}, refreshed each
 * lap of the ring without a recompute spike. Warm-up: ready after {@code window + 1} prices. A price that
 * is not positive is ignored.
 *
 * <p><b>Threading:</b> a plain single-threaded class; use it from one thread (a strategy's callbacks).
 */
public final class RollingVolatility {
    private final RollingStats returns;
    private double previous = Double.NaN;

    public RollingVolatility(int window) {
        if (window < 2) {
            throw new IllegalArgumentException("volatility window must be at least 2 returns, got " + window);
        }
        returns = new RollingStats(window);
    }

    public void update(double price) {
        if (!(price > 0)) {
            return;
        }
        if (!Double.isNaN(previous)) {
            returns.add(Math.log(price / previous));
        }
        previous = price;
    }

    public boolean isReady() {
        return returns.isFull();
    }

    /** Standard deviation of the log returns in the window, or NaN before warm-up. */
    public double value() {
        return isReady() ? Math.sqrt(returns.sampleVariance()) : Double.NaN;
    }

    /** Mean log return over the window, or NaN before warm-up. */
    public double meanReturn() {
        return isReady() ? returns.mean() : Double.NaN;
    }

    public void reset() {
        returns.reset();
        previous = Double.NaN;
    }
}
