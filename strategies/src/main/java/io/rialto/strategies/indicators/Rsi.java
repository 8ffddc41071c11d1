package io.rialto.strategies.indicators;

/**
 * Relative Strength Index with Wilder's smoothing (J. Welles Wilder, "New Concepts in Technical Trading
 * Systems", 1978).
 *
 * <p>The first average gain and average loss are simple averages of the first {@code period} price changes;
 * after that {@code avg = (avg * (period - 1) + change) / period}. {@code RSI = 100 - 100 / (1 + avgGain /
 * avgLoss)}: 100 when there are gains and no losses, 50 when prices did not move at all.
 *
 * <p>Cost: O(1) per update, no allocation. Warm-up: ready after {@code period + 1} prices
 * ({@code period} changes); {@link #value()} is NaN before.
 *
 * <p><b>Threading:</b> a plain single-threaded class; use it from one thread (a strategy's callbacks).
 */
public final class Rsi {
    private final int period;
    private double previous = Double.NaN;
    private int changes;
    private double avgGain;
    private double avgLoss;

    public Rsi(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("RSI period must be at least 1, got " + period);
        }
        this.period = period;
    }

    public void update(double price) {
        if (Double.isNaN(previous)) {
            previous = price;
            return;
        }
        double change = price - previous;
        previous = price;
        double gain = change > 0 ? change : 0;
        double loss = change < 0 ? -change : 0;
        if (changes < period) {
            avgGain += gain;
            avgLoss += loss;
            changes++;
            if (changes == period) {
                avgGain /= period;
                avgLoss /= period;
            }
        } else {
            avgGain = (avgGain * (period - 1) + gain) / period;
            avgLoss = (avgLoss * (period - 1) + loss) / period;
        }
    }

    public boolean isReady() {
        return changes == period;
    }

    /** RSI in [0, 100], or NaN before warm-up. */
    public double value() {
        if (!isReady()) {
            return Double.NaN;
        }
        if (avgLoss == 0) {
            return avgGain == 0 ? 50.0 : 100.0;
        }
        return 100.0 - 100.0 / (1.0 + avgGain / avgLoss);
    }

    public double averageGain() {
        return isReady() ? avgGain : Double.NaN;
    }

    public double averageLoss() {
        return isReady() ? avgLoss : Double.NaN;
    }

    public int period() {
        return period;
    }

    public void reset() {
        previous = Double.NaN;
        changes = 0;
        avgGain = 0;
        avgLoss = 0;
    }
}
