package io.rialto.strategies.indicators;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each indicator against published or hand-checked values; the source of each number is next to it. */
class IndicatorReferenceTest {
    private static final double EXACT = 1e-12;

    /**
     * The 14-period RSI worked example in the Wilder tradition, as published by StockCharts ChartSchool
     * ("Relative Strength Index (RSI)", spreadsheet cs-rsi.xls) and reproduced in many libraries' tests.
     */
    private static final double[] WILDER_PRICES = {
        44.34, 44.09, 44.15, 43.61, 44.33, 44.83, 45.10, 45.42, 45.84, 46.08, 45.89, 46.03, 45.61, 46.28,
        46.28, 46.00, 46.03, 46.41, 46.22, 45.64, 46.21, 46.25, 45.71, 46.45, 45.78, 45.35, 44.03, 44.18,
        44.22, 44.57, 43.42, 42.66, 43.13};

    /** The RSI column of that spreadsheet, from the 15th price on. */
    private static final double[] WILDER_RSI_PUBLISHED = {
        70.53, 66.32, 66.55, 69.41, 66.36, 57.97, 62.93, 63.26, 56.06, 62.38, 54.71, 50.42, 39.99, 41.46,
        41.87, 45.46, 37.30, 33.08, 37.77};

    @Test
    void shouldMatchTheFirstWilderRsiExactlyFromTheRawChanges() {
        Rsi rsi = new Rsi(14);
        for (int i = 0; i < 15; i++) {
            assertFalse(rsi.isReady(), "ready after " + i + " prices");
            rsi.update(WILDER_PRICES[i]);
        }
        assertTrue(rsi.isReady());
        // By hand: the first 14 changes gain 3.34 and lose 1.40 in total, so RS = 3.34 / 1.40 and
        // RSI = 100 - 100 / (1 + 3.34 / 1.40) = 70.4641...; the published 70.53 comes from averages
        // rounded to two decimals in the spreadsheet.
        assertEquals(3.34 / 14, rsi.averageGain(), 1e-12);
        assertEquals(1.40 / 14, rsi.averageLoss(), 1e-12);
        assertEquals(100 - 100 / (1 + 3.34 / 1.40), rsi.value(), 1e-9);
        assertEquals(70.4641, rsi.value(), 1e-4);
    }

    @Test
    void shouldMatchThePublishedWilderRsiSeriesWithinItsRounding() {
        Rsi rsi = new Rsi(14);
        for (int i = 0; i < WILDER_PRICES.length; i++) {
            rsi.update(WILDER_PRICES[i]);
            if (i >= 14) {
                // the spreadsheet rounds its intermediate averages: every value differs by less than 0.07
                assertEquals(WILDER_RSI_PUBLISHED[i - 14], rsi.value(), 0.08, "RSI at price " + (i + 1));
            }
        }
    }

    @Test
    void shouldReadRsi100OnOnlyGainsAnd50OnNoMovement() {
        Rsi rising = new Rsi(3);
        Rsi flat = new Rsi(3);
        for (int i = 0; i < 10; i++) {
            rising.update(100 + i);
            flat.update(100);
        }
        assertEquals(100.0, rising.value(), EXACT);
        assertEquals(50.0, flat.value(), EXACT);
    }

    @Test
    void shouldAverageTheLastPeriodValuesInSma() {
        Sma sma = new Sma(3);
        double[] series = {1, 2, 3, 4, 5, 6};
        double[] expected = {Double.NaN, Double.NaN, 2, 3, 4, 5}; // (1+2+3)/3, (2+3+4)/3, ...
        for (int i = 0; i < series.length; i++) {
            sma.update(series[i]);
            assertEquals(i >= 2, sma.isReady());
            if (i >= 2) {
                assertEquals(expected[i], sma.value(), EXACT);
            }
        }
    }

    @Test
    void shouldSeedEmaWithTheSimpleAverageThenSmooth() {
        // EMA(3), alpha = 2 / (3 + 1) = 0.5, by hand: seed (10 + 11 + 12) / 3 = 11;
        // then 11 + 0.5 (10 - 11) = 10.5; 10.5 + 0.5 (14 - 10.5) = 12.25; 12.25 + 0.5 (13 - 12.25) = 12.625
        Ema ema = new Ema(3);
        double[] series = {10, 11, 12, 10, 14, 13};
        double[] expected = {Double.NaN, Double.NaN, 11, 10.5, 12.25, 12.625};
        for (int i = 0; i < series.length; i++) {
            ema.update(series[i]);
            assertEquals(i >= 2, ema.isReady());
            assertEquals(expected[i], ema.value(), EXACT);
        }
    }

    @Test
    void shouldComputeMacdLineSignalAndHistogramByHand() {
        // MACD(2, 3, 2) on 10, 11, 12, 10, 14, 13, in fractions by hand:
        //   EMA(2) (alpha 2/3): -, 10.5, 11.5, 10.5, 77/6, 233/18
        //   EMA(3) (alpha 1/2): -, -, 11, 10.5, 12.25, 101/8
        //   line:               -, -, 0.5, 0, 7/12, 23/72
        //   signal EMA(2):      -, -, -, (0.5 + 0) / 2 = 1/4, 17/36, 10/27
        //   histogram:          -, -, -, -1/4, 1/9, -11/216
        Macd macd = new Macd(2, 3, 2);
        double[] series = {10, 11, 12, 10, 14, 13};
        double[] line = {Double.NaN, Double.NaN, 0.5, 0, 7.0 / 12, 23.0 / 72};
        double[] signal = {Double.NaN, Double.NaN, Double.NaN, 0.25, 17.0 / 36, 10.0 / 27};
        double[] histogram = {Double.NaN, Double.NaN, Double.NaN, -0.25, 1.0 / 9, -11.0 / 216};
        for (int i = 0; i < series.length; i++) {
            macd.update(series[i]);
            assertEquals(i >= 3, macd.isReady(), "ready after " + (i + 1) + " prices");
            assertEquals(line[i], macd.line(), EXACT, "line at " + i);
            assertEquals(signal[i], macd.signal(), EXACT, "signal at " + i);
            assertEquals(histogram[i], macd.histogram(), EXACT, "histogram at " + i);
        }
    }

    @Test
    void shouldPlaceBollingerBandsKPopulationDeviationsAroundTheMean() {
        // 2, 4, 4, 4, 5, 5, 7, 9: the textbook population standard deviation example (mean 5, sigma 2)
        BollingerBands bands = new BollingerBands(8, 2.0);
        for (double x : new double[] {2, 4, 4, 4, 5, 5, 7}) {
            bands.update(x);
            assertFalse(bands.isReady());
        }
        bands.update(9);
        assertTrue(bands.isReady());
        assertEquals(5.0, bands.middle(), EXACT);
        assertEquals(2.0, bands.standardDeviation(), EXACT);
        assertEquals(9.0, bands.upper(), EXACT);
        assertEquals(1.0, bands.lower(), EXACT);
        assertEquals(1.0, bands.percentB(), EXACT); // 9 sits on the upper band
        assertEquals(8.0 / 5, bands.bandwidth(), EXACT);
        // slide in 10: window 4, 4, 4, 5, 5, 7, 9, 10, mean 6, squared deviations 40, sigma sqrt(5)
        bands.update(10);
        assertEquals(6.0, bands.middle(), EXACT);
        assertEquals(Math.sqrt(5), bands.standardDeviation(), EXACT);
        assertEquals(6 + 2 * Math.sqrt(5), bands.upper(), EXACT);
        assertEquals((10 - (6 - 2 * Math.sqrt(5))) / (4 * Math.sqrt(5)), bands.percentB(), EXACT);
    }

    @Test
    void shouldWeightTradePricesByQuantityOverTheLastTrades() {
        Vwap vwap = new Vwap(3);
        vwap.update(100, 1);
        vwap.update(102, 3);
        assertFalse(vwap.isReady());
        vwap.update(101, 2);
        assertTrue(vwap.isReady());
        assertEquals(608.0 / 6, vwap.value(), EXACT); // (100 + 306 + 202) / 6
        vwap.update(105, 4);
        assertEquals(928.0 / 9, vwap.value(), EXACT); // the first trade leaves: (306 + 202 + 420) / 9
        assertEquals(9, vwap.volumeLots());
    }

    @Test
    void shouldAccumulateASessionVwapUntilReset() {
        Vwap vwap = Vwap.session();
        assertFalse(vwap.isReady());
        vwap.update(100, 1);
        vwap.update(102, 3);
        vwap.update(101, 2);
        vwap.update(105, 4);
        assertTrue(vwap.isReady());
        assertEquals(1028.0 / 10, vwap.value(), EXACT);
        vwap.reset();
        assertFalse(vwap.isReady());
        assertTrue(Double.isNaN(vwap.value()));
    }

    @Test
    void shouldTakeTheSampleDeviationOfLogReturnsAsVolatility() {
        // returns ln(110/100), ln(99/110), ln(99/99) = 0; the sample deviation of two values a, b is |a - b| / sqrt 2
        RollingVolatility vol = new RollingVolatility(2);
        vol.update(100);
        vol.update(110);
        assertFalse(vol.isReady());
        vol.update(99);
        assertTrue(vol.isReady());
        assertEquals(Math.abs(Math.log(1.1) - Math.log(0.9)) / Math.sqrt(2), vol.value(), EXACT);
        assertEquals(0.141895609546, vol.value(), 1e-12);
        vol.update(99);
        assertEquals(Math.abs(Math.log(0.9)) / Math.sqrt(2), vol.value(), EXACT);
    }

    @Test
    void shouldMeasureImbalanceOverTheTopLevelsAndSmoothIt() {
        BookImbalance raw = new BookImbalance(2, 1);
        raw.update(15, 5);
        assertTrue(raw.isReady());
        assertEquals(0.5, raw.value(), EXACT); // (15 - 5) / (15 + 5)
        raw.update(0, 0);
        assertEquals(0.0, raw.value(), EXACT);

        BookImbalance smoothed = new BookImbalance(2, 3); // EMA(3): the average of 3 seeds it, then alpha 1/2
        smoothed.update(15, 5);
        smoothed.update(5, 15);
        assertFalse(smoothed.isReady());
        smoothed.update(10, 0);
        assertEquals((0.5 - 0.5 + 1.0) / 3, smoothed.value(), EXACT);
        smoothed.update(0, 10);
        assertEquals(1.0 / 3 + 0.5 * (-1.0 - 1.0 / 3), smoothed.value(), EXACT);
        assertEquals(-1.0, smoothed.raw(), EXACT);
    }

    @Test
    void shouldRefuseNonsensicalPeriods() {
        assertThrows(IllegalArgumentException.class, () -> new Sma(0));
        assertThrows(IllegalArgumentException.class, () -> new Ema(0));
        assertThrows(IllegalArgumentException.class, () -> new Rsi(0));
        assertThrows(IllegalArgumentException.class, () -> new Macd(26, 12, 9));
        assertThrows(IllegalArgumentException.class, () -> new BollingerBands(1, 2));
        assertThrows(IllegalArgumentException.class, () -> new Vwap(0));
        assertThrows(IllegalArgumentException.class, () -> new RollingVolatility(1));
        assertThrows(IllegalArgumentException.class, () -> new BookImbalance(0, 1));
    }
}
