package io.rialto.core.cli;

import io.rialto.core.book.MatchReject;
import io.rialto.core.book.MatchingBook;
import io.rialto.core.book.MatchingListener;
import io.rialto.core.domain.Side;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes a book's events as the CSV lines of matching-csv.md into a reusable character buffer, flushed to the
 * output in large chunks: no string is built per event. An output failure surfaces as {@link UncheckedIOException}
 * because listener methods cannot throw. Single-threaded, like the book.
 */
final class MatchEventWriter implements MatchingListener {

    private static final int LONGEST_LINE = 160;
    private static final char[] ACCEPTED = "ACCEPTED,".toCharArray();
    private static final char[] TRADE = "TRADE,".toCharArray();
    private static final char[] RESTED = "RESTED,".toCharArray();
    private static final char[] CANCELED = "CANCELED,".toCharArray();
    private static final char[] MODIFIED = "MODIFIED,".toCharArray();
    private static final char[] REJECTED = "REJECTED,".toCharArray();
    private static final char[] BOOK = "BOOK,".toCharArray();
    private static final char[][] REASONS = new char[MatchReject.values().length][];
    private static final char[][] SIDES = {"BUY,".toCharArray(), "SELL,".toCharArray()};

    static {
        for (MatchReject reason : MatchReject.values()) {
            REASONS[reason.ordinal()] = reason.name().toCharArray();
        }
    }

    private final Writer out;
    private final MatchTicks ticks;
    private final char[] buffer = new char[64 * 1024];
    private int pos;

    MatchEventWriter(Writer out, MatchTicks ticks) {
        this.out = out;
        this.ticks = ticks;
    }

    @Override
    public void onAccepted(long orderId) {
        start(ACCEPTED);
        pos = putLong(orderId, buffer, pos);
        end();
    }

    @Override
    public void onTrade(long takerId, long makerId, long priceTicks, long qtyLots, long takerLeavesQty,
                        long makerLeavesQty) {
        start(TRADE);
        pos = putLong(takerId, buffer, pos);
        buffer[pos++] = ',';
        pos = putLong(makerId, buffer, pos);
        buffer[pos++] = ',';
        pos = ticks.format(priceTicks, buffer, pos);
        buffer[pos++] = ',';
        pos = putLong(qtyLots, buffer, pos);
        end();
    }

    @Override
    public void onRested(long orderId, long priceTicks, long openQtyLots) {
        idPriceQty(RESTED, orderId, priceTicks, openQtyLots);
    }

    @Override
    public void onCanceled(long orderId, long canceledQtyLots) {
        start(CANCELED);
        pos = putLong(orderId, buffer, pos);
        buffer[pos++] = ',';
        pos = putLong(canceledQtyLots, buffer, pos);
        end();
    }

    @Override
    public void onModified(long orderId, long priceTicks, long openQtyLots) {
        idPriceQty(MODIFIED, orderId, priceTicks, openQtyLots);
    }

    @Override
    public void onRejected(long orderId, MatchReject reason) {
        start(REJECTED);
        pos = putLong(orderId, buffer, pos);
        buffer[pos++] = ',';
        put(REASONS[reason.ordinal()]);
        end();
    }

    /** Writes the final {@code BOOK} lines: bids best-first, then asks best-first. */
    void writeBook(MatchingBook book) {
        for (Side side : Side.values()) {
            int levels = book.levelCount(side);
            long[] prices = new long[levels];
            long[] qtys = new long[levels];
            int[] counts = new int[levels];
            book.depth(side, prices, qtys, counts, levels);
            for (int i = 0; i < levels; i++) {
                start(BOOK);
                put(SIDES[side.ordinal()]);
                pos = ticks.format(prices[i], buffer, pos);
                buffer[pos++] = ',';
                pos = putLong(qtys[i], buffer, pos);
                buffer[pos++] = ',';
                pos = putLong(counts[i], buffer, pos);
                end();
            }
        }
    }

    /** Writes out everything buffered so far. */
    void flush() throws IOException {
        out.write(buffer, 0, pos);
        pos = 0;
        out.flush();
    }

    /** Writes a long in decimal at {@code at}; returns the position after it. */
    static int putLong(long value, char[] out, int at) {
        if (value == Long.MIN_VALUE) {
            String text = Long.toString(value);
            text.getChars(0, text.length(), out, at);
            return at + text.length();
        }
        int pos = at;
        if (value < 0) {
            out[pos++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long rest = value / 10; rest != 0; rest /= 10) {
            digits++;
        }
        for (int i = pos + digits - 1; i >= pos; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return pos + digits;
    }

    private void idPriceQty(char[] event, long orderId, long priceTicks, long qtyLots) {
        start(event);
        pos = putLong(orderId, buffer, pos);
        buffer[pos++] = ',';
        pos = ticks.format(priceTicks, buffer, pos);
        buffer[pos++] = ',';
        pos = putLong(qtyLots, buffer, pos);
        end();
    }

    private void start(char[] event) {
        if (pos > buffer.length - LONGEST_LINE) {
            try {
                out.write(buffer, 0, pos);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            pos = 0;
        }
        put(event);
    }

    private void put(char[] chars) {
        System.arraycopy(chars, 0, buffer, pos, chars.length);
        pos += chars.length;
    }

    private void end() {
        buffer[pos++] = '\n';
    }
}
