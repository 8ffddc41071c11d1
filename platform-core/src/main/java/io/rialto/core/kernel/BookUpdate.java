package io.rialto.core.kernel;

import io.rialto.core.spi.BookView;
import org.apache.pekko.dispatch.ControlMessage;

/**
 * One version of a symbol's book, built once by its {@link SymbolBook} and shared by every subscriber
 * it is sent to. Per venue slot {@code v}, level {@code l} sits at index {@code v * levels + l} of the
 * price and quantity arrays, best first. Immutable by contract.
 *
 * <p>Travels in the priority lane of the subscriber's mailbox: credit keeps at most one update per
 * subscribed symbol in flight, so it can never overflow, and it is never lost behind a flood of trades.
 *
 * @param version  the book's change counter: versions a subscriber never saw were conflated
 */
public record BookUpdate(int symbolIndex, String symbol, int[] instrumentIds, int levels, int[] bidCounts,
                         long[] bidPrices, long[] bidQtys, int[] askCounts, long[] askPrices, long[] askQtys,
                         long version, long ingestNs, long publishNs)
        implements BookView, StrategyHost.Command, ControlMessage {

    @Override
    public int venueCount() {
        return instrumentIds.length;
    }

    @Override
    public int instrumentId(int venueSlot) {
        return instrumentIds[venueSlot];
    }

    @Override
    public int bidLevels(int venueSlot) {
        return bidCounts[venueSlot];
    }

    @Override
    public int askLevels(int venueSlot) {
        return askCounts[venueSlot];
    }

    @Override
    public long bidPrice(int venueSlot, int level) {
        return bidPrices[venueSlot * levels + level];
    }

    @Override
    public long bidQty(int venueSlot, int level) {
        return bidQtys[venueSlot * levels + level];
    }

    @Override
    public long askPrice(int venueSlot, int level) {
        return askPrices[venueSlot * levels + level];
    }

    @Override
    public long askQty(int venueSlot, int level) {
        return askQtys[venueSlot * levels + level];
    }
}
