package io.rialto.core.cli;

import io.rialto.core.book.MatchingBook;
import io.rialto.core.domain.OrderType;
import io.rialto.core.domain.Side;
import io.rialto.core.domain.TimeInForce;
import java.io.IOException;

/**
 * Parses the command lines of matching-csv.md straight from the line buffer (fields are index ranges, keywords
 * are compared in place, numbers are parsed without strings) and drives the book with them. A line that is not
 * well formed stops the replay with a {@link MatchParseException}; a well-formed line that breaks a rule goes to
 * the book, which rejects it. Single-threaded.
 */
final class MatchReplay {

    private static final int MAX_FIELDS = 10;
    private static final long NOT_AN_INTEGER = Long.MIN_VALUE;

    private final MatchingBook book;
    private final MatchTicks ticks;
    private final boolean useAccounts;
    private final MatchAccounts accounts = new MatchAccounts();
    private final int[] fieldStarts = new int[MAX_FIELDS];
    private final int[] fieldEnds = new int[MAX_FIELDS];
    private int fieldCount;
    private char[] chars;
    private long lineNumber;

    MatchReplay(MatchingBook book, MatchTicks ticks, boolean useAccounts) {
        this.book = book;
        this.ticks = ticks;
        this.useAccounts = useAccounts;
    }

    /** Replays every line; stops at the first line that is not well formed. */
    void run(MatchLineReader lines) throws IOException, MatchParseException {
        while (lines.next()) {
            chars = lines.buffer();
            lineNumber = lines.lineNumber();
            int start = lines.lineStart();
            int end = lines.lineEnd();
            while (start < end && isBlank(chars[start])) {
                start++;
            }
            if (start == end || chars[start] == '#' || lineNumber == 1 && is(start, end, "action", true)) {
                continue;
            }
            split(start, end);
            if (field("NEW")) {
                newOrder();
            } else if (field("CANCEL")) {
                cancel();
            } else if (field("MODIFY")) {
                modify();
            } else {
                throw error("unknown command '" + text(0) + "', expected NEW, CANCEL or MODIFY");
            }
        }
    }

    private void newOrder() throws MatchParseException {
        expectFields(fieldCount == 7 || fieldCount == 8, "NEW,<id>,<side>,<type>,<tif>,<price>,<qty>[,<account>]");
        long orderId = id();
        Side side = field(2, "BUY") ? Side.BUY : field(2, "SELL") ? Side.SELL : null;
        if (side == null) {
            throw error("unknown side '" + text(2) + "', expected BUY or SELL");
        }
        OrderType type = field(3, "LIMIT") ? OrderType.LIMIT : field(3, "MARKET") ? OrderType.MARKET : null;
        if (type == null) {
            throw error("unknown type '" + text(3) + "', expected LIMIT or MARKET");
        }
        TimeInForce tif = TimeInForce.IOC;
        long priceTicks = 0;
        if (type == OrderType.LIMIT) {
            tif = tif();
            priceTicks = price(5);
        }
        long qtyLots = qty(6);
        long account = 0;
        if (useAccounts) {
            account = fieldCount == 8 && fieldStarts[7] < fieldEnds[7]
                    ? accounts.idOf(chars, fieldStarts[7], fieldEnds[7]) : -orderId;
        }
        book.newOrder(orderId, side, type, tif, priceTicks, qtyLots, account);
    }

    private void cancel() throws MatchParseException {
        expectFields(fieldCount == 2, "CANCEL,<id>");
        book.cancel(id());
    }

    private void modify() throws MatchParseException {
        expectFields(fieldCount == 4, "MODIFY,<id>,<new_price>,<new_qty>");
        long orderId = id();
        long priceTicks = price(2);
        book.modify(orderId, priceTicks, qty(3));
    }

    private TimeInForce tif() throws MatchParseException {
        if (field(4, "GTC")) {
            return TimeInForce.GTC;
        } else if (field(4, "IOC")) {
            return TimeInForce.IOC;
        } else if (field(4, "FOK")) {
            return TimeInForce.FOK;
        } else if (field(4, "GTX")) {
            return TimeInForce.GTX;
        }
        throw error("unknown tif '" + text(4) + "', expected GTC, IOC, FOK or GTX");
    }

    private long id() throws MatchParseException {
        long id = integer(1);
        if (id == NOT_AN_INTEGER || id <= 0) {
            throw error("id '" + text(1) + "' is not a positive 64-bit integer");
        }
        return id;
    }

    private long qty(int field) throws MatchParseException {
        long qty = integer(field);
        if (qty == NOT_AN_INTEGER) {
            throw error("qty '" + text(field) + "' is not a 64-bit integer");
        }
        return qty;
    }

    private long price(int field) throws MatchParseException {
        long priceTicks = ticks.parse(chars, fieldStarts[field], fieldEnds[field]);
        if (priceTicks == MatchTicks.NOT_A_NUMBER) {
            throw error("price '" + text(field) + "' is not a decimal number");
        }
        return priceTicks;
    }

    /** {@code [-]digits} as a long, or {@link #NOT_AN_INTEGER} (also on overflow). */
    private long integer(int field) {
        int i = fieldStarts[field];
        int end = fieldEnds[field];
        boolean negative = i < end && chars[i] == '-';
        if (negative) {
            i++;
        }
        if (i == end) {
            return NOT_AN_INTEGER;
        }
        long value = 0;
        for (; i < end; i++) {
            int digit = chars[i] - '0';
            if (digit < 0 || digit > 9 || value > (Long.MAX_VALUE - digit) / 10) {
                return NOT_AN_INTEGER;
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    private void split(int start, int end) {
        fieldCount = 0;
        int fieldStart = start;
        for (int i = start; i <= end; i++) {
            if (i == end || chars[i] == ',') {
                if (fieldCount < MAX_FIELDS) {
                    int from = fieldStart;
                    int to = i;
                    while (from < to && isBlank(chars[from])) {
                        from++;
                    }
                    while (to > from && isBlank(chars[to - 1])) {
                        to--;
                    }
                    fieldStarts[fieldCount] = from;
                    fieldEnds[fieldCount] = to;
                }
                fieldCount++;
                fieldStart = i + 1;
            }
        }
    }

    private void expectFields(boolean ok, String shape) throws MatchParseException {
        if (!ok) {
            throw error("wrong number of fields: " + fieldCount + " for " + shape);
        }
    }

    private boolean field(String keyword) {
        return field(0, keyword);
    }

    private boolean field(int field, String keyword) {
        return is(fieldStarts[field], fieldEnds[field], keyword, false);
    }

    private boolean is(int from, int to, String keyword, boolean prefix) {
        int length = keyword.length();
        if (prefix ? to - from < length : to - from != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (chars[from + i] != keyword.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private String text(int field) {
        return new String(chars, fieldStarts[field], fieldEnds[field] - fieldStarts[field]);
    }

    private MatchParseException error(String what) {
        return new MatchParseException(lineNumber, what);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
