package io.rialto.core.domain;

import java.util.Arrays;

/**
 * A batch of incremental market-data events from one venue, in columns: one object per batch instead
 * of one per event (the actor and stream cost tables in ARCHITECTURE.md say why). Event {@code i} is a
 * depth update ({@link #DEPTH}) or a trade ({@link #TRADE}); {@code sides[i]} is the level's side or
 * the trade's aggressor side as a {@link Side} ordinal. Every event in the batch shares
 * {@link #ingestNs}, the moment the batch entered the platform.
 *
 * <p>Immutable by contract: the arrays are filled by a {@link Builder} and never written afterwards.
 */
public record MdBatch(int venueIndex, int size, byte[] kinds, int[] instrumentIds, byte[] sides, long[] pricesTicks,
                      long[] qtysLots, long[] seqs, long ingestNs) implements MarketData {

    public static final byte DEPTH = 0;
    public static final byte TRADE = 1;

    @Override
    public int eventCount() {
        return size;
    }

    @Override
    public MdBatch stamped(long nowNs) {
        return new MdBatch(venueIndex, size, kinds, instrumentIds, sides, pricesTicks, qtysLots, seqs, nowNs);
    }

    public DepthUpdate depthUpdate(int i) {
        if (kinds[i] != DEPTH) {
            throw new IllegalArgumentException("event " + i + " is not a depth update");
        }
        return new DepthUpdate(instrumentIds[i], seqs[i], Side.ofOrdinal(sides[i]), pricesTicks[i], qtysLots[i],
                ingestNs);
    }

    public MarketTrade trade(int i) {
        if (kinds[i] != TRADE) {
            throw new IllegalArgumentException("event " + i + " is not a trade");
        }
        return new MarketTrade(instrumentIds[i], seqs[i], Side.ofOrdinal(sides[i]), pricesTicks[i], qtysLots[i],
                ingestNs);
    }

    /** Fills the columns of one batch; {@link #build()} hands them over and starts a fresh set. */
    public static final class Builder {
        private final int venueIndex;
        private final int capacity;
        private int size;
        private byte[] kinds;
        private int[] instrumentIds;
        private byte[] sides;
        private long[] prices;
        private long[] qtys;
        private long[] seqs;

        public Builder(int venueIndex, int capacity) {
            this.venueIndex = venueIndex;
            this.capacity = capacity;
            allocate();
        }

        private void allocate() {
            kinds = new byte[capacity];
            instrumentIds = new int[capacity];
            sides = new byte[capacity];
            prices = new long[capacity];
            qtys = new long[capacity];
            seqs = new long[capacity];
            size = 0;
        }

        public boolean isFull() {
            return size == capacity;
        }

        public boolean isEmpty() {
            return size == 0;
        }

        public int size() {
            return size;
        }

        public Builder depth(int instrumentId, long seq, Side side, long priceTicks, long qtyLots) {
            return add(DEPTH, instrumentId, seq, side, priceTicks, qtyLots);
        }

        public Builder trade(int instrumentId, long seq, Side aggressor, long priceTicks, long qtyLots) {
            return add(TRADE, instrumentId, seq, aggressor, priceTicks, qtyLots);
        }

        public Builder add(DepthUpdate update) {
            return depth(update.instrumentId(), update.seq(), update.side(), update.priceTicks(), update.qtyLots());
        }

        public Builder add(MarketTrade trade) {
            return trade(trade.instrumentId(), trade.seq(), trade.aggressor(), trade.priceTicks(), trade.qtyLots());
        }

        private Builder add(byte kind, int instrumentId, long seq, Side side, long priceTicks, long qtyLots) {
            if (size == capacity) {
                throw new IllegalStateException("batch full at " + capacity + " events");
            }
            kinds[size] = kind;
            instrumentIds[size] = instrumentId;
            sides[size] = (byte) side.ordinal();
            prices[size] = priceTicks;
            qtys[size] = qtyLots;
            seqs[size] = seq;
            size++;
            return this;
        }

        public MdBatch build() {
            MdBatch batch = size == capacity
                    ? new MdBatch(venueIndex, size, kinds, instrumentIds, sides, prices, qtys, seqs, 0L)
                    : new MdBatch(venueIndex, size, Arrays.copyOf(kinds, size), Arrays.copyOf(instrumentIds, size),
                    Arrays.copyOf(sides, size), Arrays.copyOf(prices, size), Arrays.copyOf(qtys, size),
                    Arrays.copyOf(seqs, size), 0L);
            if (size == capacity) {
                allocate();
            } else {
                size = 0;
            }
            return batch;
        }
    }
}
