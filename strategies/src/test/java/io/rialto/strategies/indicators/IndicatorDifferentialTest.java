package io.rialto.strategies.indicators;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Each incremental indicator against {@link NaiveIndicators}, which recomputes every value from the whole
 * series, on seeded random walks. A failure names the seed, the step and both values.
 */
class IndicatorDifferentialTest {
    private static final long[] SEEDS = {1L, 42L, 20240605L, 0xC0FFEEL, 987654321L};
    private static final int STEPS = 600;
    /** Relative tolerance (against max(1, |expected|)). */
    private static final double TOLERANCE = 1e-9;

    /** A random walk of prices in ticks around {@code level}, with jumps of a few ticks and quiet stretches. */
    private static double[] walk(long seed, int n, double level) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] xs = new double[n];
        double x = level;
        for (int i = 0; i < n; i++) {
            x += random.nextInt(10) == 0 ? 0 : random.nextInt(-5, 6) + random.nextDouble() - 0.5;
            xs[i] = Math.max(1, x);
        }
        return xs;
    }

    private static void check(String what, long seed, int step, double expected, double actual) {
        if (Double.isNaN(expected) != Double.isNaN(actual)
                || Math.abs(expected - actual) > TOLERANCE * Math.max(1, Math.abs(expected))) {
            fail(what + " differs from the full recompute with seed " + seed + " at step " + step + ": expected "
                    + expected + ", got " + actual);
        }
    }

    @Test
    void shouldMatchFullRecomputeOfSmaEmaAndRsi() {
        for (long seed : SEEDS) {
            double[] xs = walk(seed, STEPS, 10_000);
            Sma sma = new Sma(20);
            Ema ema = new Ema(12);
            Rsi rsi = new Rsi(14);
            for (int t = 0; t < xs.length; t++) {
                sma.update(xs[t]);
                ema.update(xs[t]);
                rsi.update(xs[t]);
                check("SMA(20)", seed, t, NaiveIndicators.sma(xs, t, 20), sma.isReady() ? sma.value() : Double.NaN);
                check("EMA(12)", seed, t, NaiveIndicators.ema(xs, t, 12), ema.value());
                check("RSI(14)", seed, t, NaiveIndicators.rsi(xs, t, 14), rsi.value());
            }
        }
    }

    @Test
    void shouldMatchFullRecomputeOfMacd() {
        for (long seed : SEEDS) {
            double[] xs = walk(seed, 200, 5_000);
            Macd macd = new Macd(12, 26, 9);
            for (int t = 0; t < xs.length; t++) {
                macd.update(xs[t]);
                double[] expected = NaiveIndicators.macd(xs, t, 12, 26, 9);
                check("MACD line", seed, t, expected[0], macd.line());
                check("MACD signal", seed, t, expected[1], macd.signal());
                check("MACD histogram", seed, t, expected[0] - expected[1], macd.histogram());
            }
        }
    }

    @Test
    void shouldMatchFullRecomputeOfBollingerBandsAndVolatility() {
        for (long seed : SEEDS) {
            double[] xs = walk(seed, STEPS, 1_000_000); // far from zero: where running sums of squares fail
            BollingerBands bands = new BollingerBands(20, 2.0);
            RollingVolatility vol = new RollingVolatility(30);
            for (int t = 0; t < xs.length; t++) {
                bands.update(xs[t]);
                vol.update(xs[t]);
                double sigma = NaiveIndicators.populationStdDev(xs, t, 20);
                check("Bollinger sigma", seed, t, sigma, bands.standardDeviation());
                check("Bollinger upper", seed, t, NaiveIndicators.sma(xs, t, 20) + 2 * sigma, bands.upper());
                check("Bollinger lower", seed, t, NaiveIndicators.sma(xs, t, 20) - 2 * sigma, bands.lower());
                check("volatility(30)", seed, t, NaiveIndicators.volatility(xs, t, 30), vol.value());
            }
        }
    }

    @Test
    void shouldMatchFullRecomputeOfVwapExactly() {
        for (long seed : SEEDS) {
            SplittableRandom random = new SplittableRandom(seed);
            long[] prices = new long[STEPS];
            long[] qtys = new long[STEPS];
            Vwap vwap = new Vwap(25);
            for (int t = 0; t < STEPS; t++) {
                prices[t] = 100_000 + random.nextInt(-300, 301);
                qtys[t] = random.nextInt(0, 1_000);
                vwap.update(prices[t], qtys[t]);
                double expected = NaiveIndicators.vwap(prices, qtys, t, 25);
                if (Double.compare(expected, vwap.isReady() ? vwap.value() : Double.NaN) != 0) {
                    fail("VWAP(25) differs with seed " + seed + " at step " + t + ": expected " + expected + ", got "
                            + vwap.value());
                }
            }
        }
    }

    @Test
    void shouldNotDriftOverALongRunOfSlidingUpdates() {
        long seed = 7L;
        int n = 200_000;
        double[] xs = walk(seed, n, 1_000_000);
        BollingerBands bands = new BollingerBands(50, 2.0);
        RollingVolatility vol = new RollingVolatility(50);
        Sma sma = new Sma(50);
        for (int t = 0; t < n; t++) {
            bands.update(xs[t]);
            vol.update(xs[t]);
            sma.update(xs[t]);
            if (t % 10_000 == 9_999) {
                check("SMA(50) after a long run", seed, t, NaiveIndicators.sma(xs, t, 50), sma.value());
                check("sigma(50) after a long run", seed, t, NaiveIndicators.populationStdDev(xs, t, 50),
                        bands.standardDeviation());
                check("volatility(50) after a long run", seed, t, NaiveIndicators.volatility(xs, t, 50), vol.value());
            }
        }
    }

    @Test
    void shouldKeepAFlatSeriesAtZeroDeviation() {
        BollingerBands bands = new BollingerBands(5, 2.0);
        for (int i = 0; i < 100; i++) {
            bands.update(i < 50 ? 1_000_000.1 + i % 3 : 1_000_000.1);
        }
        assertEquals(0.0, bands.standardDeviation(), 1e-6);
        assertFalse(bands.standardDeviation() < 0);
    }
}
