package io.rialto.risk;

import io.rialto.core.domain.Instrument;
import io.rialto.core.domain.InstrumentRegistry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * What the engine knows of each instrument's market: best bid and ask, last trade, and the value of one
 * tick-lot in micro-units of the quote currency ({@code tickSize x lotSize x 10^6}, computed once and
 * rounded half-up to at least 1; exact for every tick x lot that is a multiple of 0.000001).
 *
 * <p>Prices are kept doubled ("half-ticks") so that a mid of an odd spread stays an integer.
 * Single-threaded.
 */
final class Market {
    static final long NONE = Long.MIN_VALUE;
    static final int MID = 0;
    static final int LAST_TRADE = 1;

    final long[] moneyE6PerTickLot;
    final long[] bidTicks;
    final long[] askTicks;
    final long[] lastTicks;

    Market(InstrumentRegistry registry) {
        int n = registry.size();
        moneyE6PerTickLot = new long[n];
        for (Instrument instrument : registry.instruments()) {
            BigDecimal value = instrument.tickSize().multiply(instrument.lotSize()).movePointRight(6);
            moneyE6PerTickLot[instrument.id()] = Math.max(1, value.setScale(0, RoundingMode.HALF_UP).longValueExact());
        }
        bidTicks = new long[n];
        askTicks = new long[n];
        lastTicks = new long[n];
        Arrays.fill(bidTicks, NONE);
        Arrays.fill(askTicks, NONE);
        Arrays.fill(lastTicks, NONE);
    }

    /** Twice the mid, or {@link #NONE} while a side is empty. */
    long midTwice(int instrumentId) {
        long bid = bidTicks[instrumentId];
        long ask = askTicks[instrumentId];
        return bid == NONE || ask == NONE ? NONE : bid + ask;
    }

    /** Twice the reference price of the collar ({@link #MID} or {@link #LAST_TRADE}), or {@link #NONE}. */
    long referenceTwice(int instrumentId, long mode) {
        if (mode == MID) {
            return midTwice(instrumentId);
        }
        long last = lastTicks[instrumentId];
        return last == NONE ? NONE : 2 * last;
    }

    /** Twice the mark of unrealized P&amp;L: the mid, else the last trade, else {@link #NONE}. */
    long markTwice(int instrumentId) {
        long mid = midTwice(instrumentId);
        if (mid != NONE) {
            return mid;
        }
        long last = lastTicks[instrumentId];
        return last == NONE ? NONE : 2 * last;
    }

    /** Micro-units of the quote currency of {@code tickLots} on an instrument. */
    long moneyE6(int instrumentId, long tickLots) {
        return tickLots * moneyE6PerTickLot[instrumentId];
    }

    /** Micro-units of the quote currency of a fee in millionths of a tick-lot. */
    long feeMoneyE6(int instrumentId, long feeE6) {
        long f = moneyE6PerTickLot[instrumentId];
        return feeE6 / 1_000_000 * f + feeE6 % 1_000_000 * f / 1_000_000;
    }
}
