package io.rialto.strategies.indicators;

import io.rialto.core.spi.BookView;

/**
 * Order-book imbalance over the top {@code levels} of one venue of a {@link BookView}:
 * {@code (bidQty - askQty) / (bidQty + askQty)}, in [-1, 1] (positive when bids outweigh asks, 0 for an
 * empty book), optionally smoothed by an {@link Ema} of {@code smoothingPeriod} updates (1 = raw).
 *
 * <p>Cost: O(levels) per book, which is O(1) for a fixed depth, no allocation. Warm-up: ready after
 * {@code smoothingPeriod} updates (after the first when not smoothed).
 *
 * <p><b>Threading:</b> a plain single-threaded class; use it from one thread (a strategy's callbacks).
 */
public final class BookImbalance {
    private final int levels;
    private final Ema smoothed;
    private double raw = Double.NaN;

    public BookImbalance(int levels, int smoothingPeriod) {
        if (levels < 1) {
            throw new IllegalArgumentException("imbalance levels must be at least 1, got " + levels);
        }
        this.levels = levels;
        this.smoothed = new Ema(smoothingPeriod);
    }

    /** Reads the top levels of venue slot {@code venueSlot} of the book. */
    public void update(BookView book, int venueSlot) {
        long bid = 0;
        long ask = 0;
        int bidLevels = Math.min(levels, book.bidLevels(venueSlot));
        for (int i = 0; i < bidLevels; i++) {
            bid += book.bidQty(venueSlot, i);
        }
        int askLevels = Math.min(levels, book.askLevels(venueSlot));
        for (int i = 0; i < askLevels; i++) {
            ask += book.askQty(venueSlot, i);
        }
        update(bid, ask);
    }

    /** Takes the summed quantities of the two sides directly. */
    public void update(long bidQtyLots, long askQtyLots) {
        long total = bidQtyLots + askQtyLots;
        raw = total == 0 ? 0.0 : (double) (bidQtyLots - askQtyLots) / total;
        smoothed.update(raw);
    }

    public boolean isReady() {
        return smoothed.isReady();
    }

    /** The smoothed imbalance (the raw one when the smoothing period is 1), or NaN before warm-up. */
    public double value() {
        return smoothed.value();
    }

    /** The imbalance of the latest book alone. */
    public double raw() {
        return raw;
    }

    public int levels() {
        return levels;
    }

    public void reset() {
        smoothed.reset();
        raw = Double.NaN;
    }
}
