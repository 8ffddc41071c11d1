package io.rialto.strategies.indicators;

/**
 * Straightforward reference versions of the indicators: each value recomputed from the whole series up to
 * index {@code t}, in the most obvious way (two-pass deviations, closed-form EMA weights). Slow on purpose;
 * test scope only. NaN where the indicator is not ready.
 */
final class NaiveIndicators {
    private NaiveIndicators() {
    }

    static double sma(double[] xs, int t, int n) {
        if (t + 1 < n) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = t - n + 1; i <= t; i++) {
            sum += xs[i];
        }
        return sum / n;
    }

    /** Closed form: the seed (SMA of the first n) weighted by (1-a)^k plus each later x weighted by a(1-a)^j. */
    static double ema(double[] xs, int t, int n) {
        if (t + 1 < n) {
            return Double.NaN;
        }
        double a = 2.0 / (n + 1);
        double value = Math.pow(1 - a, t - (n - 1)) * sma(xs, n - 1, n);
        for (int i = n; i <= t; i++) {
            value += a * Math.pow(1 - a, t - i) * xs[i];
        }
        return value;
    }

    static double rsi(double[] xs, int t, int n) {
        if (t < n) {
            return Double.NaN;
        }
        double gain = 0;
        double loss = 0;
        for (int i = 1; i <= n; i++) {
            gain += Math.max(xs[i] - xs[i - 1], 0);
            loss += Math.max(xs[i - 1] - xs[i], 0);
        }
        gain /= n;
        loss /= n;
        for (int i = n + 1; i <= t; i++) {
            gain = (gain * (n - 1) + Math.max(xs[i] - xs[i - 1], 0)) / n;
            loss = (loss * (n - 1) + Math.max(xs[i - 1] - xs[i], 0)) / n;
        }
        return loss == 0 ? (gain == 0 ? 50 : 100) : 100 - 100 / (1 + gain / loss);
    }

    /** {line, signal}: the signal is the closed-form EMA over the line series. */
    static double[] macd(double[] xs, int t, int fast, int slow, int signal) {
        if (t + 1 < slow) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] lines = new double[t - slow + 2];
        for (int i = slow - 1; i <= t; i++) {
            lines[i - slow + 1] = ema(xs, i, fast) - ema(xs, i, slow);
        }
        return new double[] {lines[lines.length - 1], ema(lines, lines.length - 1, signal)};
    }

    static double mean(double[] xs, int from, int to) {
        double sum = 0;
        for (int i = from; i <= to; i++) {
            sum += xs[i];
        }
        return sum / (to - from + 1);
    }

    static double sumSquaredDeviations(double[] xs, int from, int to) {
        double m = mean(xs, from, to);
        double sum = 0;
        for (int i = from; i <= to; i++) {
            sum += (xs[i] - m) * (xs[i] - m);
        }
        return sum;
    }

    /** Population standard deviation of the last n values. */
    static double populationStdDev(double[] xs, int t, int n) {
        return t + 1 < n ? Double.NaN : Math.sqrt(sumSquaredDeviations(xs, t - n + 1, t) / n);
    }

    /** Sample standard deviation of the log returns of the last n + 1 prices. */
    static double volatility(double[] prices, int t, int n) {
        if (t < n) {
            return Double.NaN;
        }
        double[] returns = new double[n];
        for (int i = 0; i < n; i++) {
            returns[i] = Math.log(prices[t - n + 1 + i] / prices[t - n + i]);
        }
        return Math.sqrt(sumSquaredDeviations(returns, 0, n - 1) / (n - 1));
    }

    static double vwap(long[] prices, long[] qtys, int t, int n) {
        if (t + 1 < n) {
            return Double.NaN;
        }
        long notional = 0;
        long volume = 0;
        for (int i = t - n + 1; i <= t; i++) {
            notional += prices[i] * qtys[i];
            volume += qtys[i];
        }
        return volume == 0 ? Double.NaN : (double) notional / volume;
    }
}
