package io.rialto.core.spi;

/**
 * A read-only view of one symbol's book as a strategy sees it: the top levels of each venue listing
 * the symbol, and the consolidated best bid and ask across venues. Prices are ticks, quantities lots.
 * Venues are addressed by slot {@code 0..venueCount()-1}; {@link #instrumentId(int)} names the
 * instrument to trade on that venue. Levels are best first.
 */
public interface BookView {
    long NO_PRICE = Long.MIN_VALUE;

    String symbol();

    int symbolIndex();

    int venueCount();

    int instrumentId(int venueSlot);

    int bidLevels(int venueSlot);

    int askLevels(int venueSlot);

    long bidPrice(int venueSlot, int level);

    long bidQty(int venueSlot, int level);

    long askPrice(int venueSlot, int level);

    long askQty(int venueSlot, int level);

    /** {@code System.nanoTime()} at which the newest event in this view entered the platform. */
    long ingestNs();

    /** Best bid across venues, or {@link #NO_PRICE}. */
    default long bestBid() {
        long best = NO_PRICE;
        for (int v = 0; v < venueCount(); v++) {
            if (bidLevels(v) > 0 && (best == NO_PRICE || bidPrice(v, 0) > best)) {
                best = bidPrice(v, 0);
            }
        }
        return best;
    }

    /** Best ask across venues, or {@link #NO_PRICE}. */
    default long bestAsk() {
        long best = NO_PRICE;
        for (int v = 0; v < venueCount(); v++) {
            if (askLevels(v) > 0 && (best == NO_PRICE || askPrice(v, 0) < best)) {
                best = askPrice(v, 0);
            }
        }
        return best;
    }

    /** Mid price in ticks of one venue, or NaN when a side is empty. */
    default double mid(int venueSlot) {
        if (bidLevels(venueSlot) == 0 || askLevels(venueSlot) == 0) {
            return Double.NaN;
        }
        return (bidPrice(venueSlot, 0) + askPrice(venueSlot, 0)) / 2.0;
    }

    /** (bid qty - ask qty) / (bid qty + ask qty) over the top {@code levels} of one venue; 0 when empty. */
    default double imbalance(int venueSlot, int levels) {
        long bid = 0;
        long ask = 0;
        for (int i = 0; i < Math.min(levels, bidLevels(venueSlot)); i++) {
            bid += bidQty(venueSlot, i);
        }
        for (int i = 0; i < Math.min(levels, askLevels(venueSlot)); i++) {
            ask += askQty(venueSlot, i);
        }
        return bid + ask == 0 ? 0.0 : (double) (bid - ask) / (bid + ask);
    }
}
