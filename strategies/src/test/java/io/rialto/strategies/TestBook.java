package io.rialto.strategies;

import io.rialto.core.spi.BookView;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link BookView} for scenario tests, built level by level:
 * {@code TestBook.venue(1).bid(100, 5).ask(102, 7).venue(2).bid(101, 3).ask(103, 3).build()}.
 */
public final class TestBook implements BookView {
    private final int[] instrumentIds;
    private final long[][] bids;
    private final long[][] asks;

    private TestBook(Builder b) {
        int n = b.instrumentIds.size();
        instrumentIds = new int[n];
        bids = new long[n][];
        asks = new long[n][];
        for (int v = 0; v < n; v++) {
            instrumentIds[v] = b.instrumentIds.get(v);
            bids[v] = toArray(b.bids.get(v));
            asks[v] = toArray(b.asks.get(v));
        }
    }

    private static long[] toArray(List<Long> pricesAndQtys) {
        return pricesAndQtys.stream().mapToLong(Long::longValue).toArray();
    }

    /** Starts a book whose first venue slot trades instrument {@code instrumentId}. */
    public static Builder venue(int instrumentId) {
        return new Builder().venue(instrumentId);
    }

    /** One venue, one level a side. */
    public static TestBook top(int instrumentId, long bidTicks, long bidLots, long askTicks, long askLots) {
        return venue(instrumentId).bid(bidTicks, bidLots).ask(askTicks, askLots).build();
    }

    /** One venue, one level a side of 10 lots. */
    public static TestBook top(int instrumentId, long bidTicks, long askTicks) {
        return top(instrumentId, bidTicks, 10, askTicks, 10);
    }

    public static final class Builder {
        private final List<Integer> instrumentIds = new ArrayList<>();
        private final List<List<Long>> bids = new ArrayList<>();
        private final List<List<Long>> asks = new ArrayList<>();

        /** Adds a venue slot; the following levels belong to it. */
        public Builder venue(int instrumentId) {
            instrumentIds.add(instrumentId);
            bids.add(new ArrayList<>());
            asks.add(new ArrayList<>());
            return this;
        }

        /** Adds the next bid level (best first). */
        public Builder bid(long priceTicks, long qtyLots) {
            bids.get(bids.size() - 1).addAll(List.of(priceTicks, qtyLots));
            return this;
        }

        /** Adds the next ask level (best first). */
        public Builder ask(long priceTicks, long qtyLots) {
            asks.get(asks.size() - 1).addAll(List.of(priceTicks, qtyLots));
            return this;
        }

        public TestBook build() {
            return new TestBook(this);
        }
    }

    @Override
    public String symbol() {
        return "SYM";
    }

    @Override
    public int symbolIndex() {
        return 0;
    }

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
        return bids[venueSlot].length / 2;
    }

    @Override
    public int askLevels(int venueSlot) {
        return asks[venueSlot].length / 2;
    }

    @Override
    public long bidPrice(int venueSlot, int level) {
        return bids[venueSlot][2 * level];
    }

    @Override
    public long bidQty(int venueSlot, int level) {
        return bids[venueSlot][2 * level + 1];
    }

    @Override
    public long askPrice(int venueSlot, int level) {
        return asks[venueSlot][2 * level];
    }

    @Override
    public long askQty(int venueSlot, int level) {
        return asks[venueSlot][2 * level + 1];
    }

    @Override
    public long ingestNs() {
        return 0;
    }
}
