package io.rialto.strategies.indicators;

/**
 * Moving Average Convergence/Divergence (Gerald Appel): the line is {@code EMA(fast) - EMA(slow)} of the
 * price, the signal is an EMA of the line, the histogram is {@code line - signal}.
 *
 * <p>Each EMA is seeded with a simple average (see {@link Ema}); the signal EMA starts on the first line
 * value, when the slow EMA is ready. Cost: O(1) per update, no allocation. Warm-up: the line is ready after
 * {@code slow} prices, the signal and histogram (and {@link #isReady()}) after {@code slow + signal - 1}.
 *
 * <p><b>Threading:</b> a plain single-threaded class; use it from one thread (a strategy's callbacks).
 */
public final class Macd {
    private final Ema fast;
    private final Ema slow;
    private final Ema signal;
    private double line = Double.NaN;

    public Macd(int fastPeriod, int slowPeriod, int signalPeriod) {
        if (fastPeriod >= slowPeriod) {
            throw new IllegalArgumentException("MACD fast period must be below the slow period, got " + fastPeriod
                    + " and " + slowPeriod);
        }
        fast = new Ema(fastPeriod);
        slow = new Ema(slowPeriod);
        signal = new Ema(signalPeriod);
    }

    public void update(double price) {
        fast.update(price);
        slow.update(price);
        if (slow.isReady()) {
            line = fast.value() - slow.value();
            signal.update(line);
        }
    }

    public boolean isReady() {
        return signal.isReady();
    }

    public boolean isLineReady() {
        return slow.isReady();
    }

    public double line() {
        return line;
    }

    public double signal() {
        return signal.value();
    }

    public double histogram() {
        return line - signal.value();
    }

    public void reset() {
        fast.reset();
        slow.reset();
        signal.reset();
        line = Double.NaN;
    }
}
