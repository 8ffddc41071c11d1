package io.rialto.core.cli;

/**
 * Converts decimal prices to and from ticks of one tick size, without {@code BigDecimal} and without allocating:
 * the tick is held as {@code tickUnits / 10^scale}, where {@code scale} is the number of decimals written in
 * {@code --tick} (which is also the number of decimals printed).
 */
final class MatchTicks {

    /** What {@link #parse} returns for a well-formed price that is not a positive multiple of the tick. */
    static final long INVALID_PRICE = 0;
    /** What {@link #parse} returns when the text is not a decimal number. */
    static final long NOT_A_NUMBER = Long.MIN_VALUE;

    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private final int scale;
    private final long tickUnits;

    private MatchTicks(int scale, long tickUnits) {
        this.scale = scale;
        this.tickUnits = tickUnits;
    }

    /** The tick size as written, e.g. {@code 0.01}; throws {@link IllegalArgumentException} when unusable. */
    static MatchTicks of(String tick) {
        String text = tick.trim();
        int dot = text.indexOf('.');
        int scale = dot < 0 ? 0 : text.length() - dot - 1;
        String digits = dot < 0 ? text : text.substring(0, dot) + text.substring(dot + 1);
        if (digits.isEmpty() || scale >= POWERS_OF_TEN.length || !digits.chars().allMatch(Character::isDigit)
                || digits.length() > 18) {
            throw new IllegalArgumentException("invalid --tick '" + tick
                    + "': expected a positive decimal such as 0.01");
        }
        long units = Long.parseLong(digits);
        if (units == 0) {
            throw new IllegalArgumentException("invalid --tick '" + tick + "': must be greater than zero");
        }
        return new MatchTicks(scale, units);
    }

    /**
     * Parses {@code [+-]digits[.digits]} in {@code chars[from, to)}: the price in ticks, {@link #INVALID_PRICE} when
     * it is zero, negative, off the tick or too large, {@link #NOT_A_NUMBER} when it is not a decimal number.
     */
    long parse(char[] chars, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (chars[i] == '+' || chars[i] == '-')) {
            negative = chars[i] == '-';
            i++;
        }
        long units = 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean inFraction = false;
        boolean overflow = false;
        boolean offTick = false;
        for (; i < to; i++) {
            char c = chars[i];
            if (c == '.' && !inFraction) {
                inFraction = true;
                continue;
            }
            if (c < '0' || c > '9') {
                return NOT_A_NUMBER;
            }
            digits++;
            int digit = c - '0';
            if (inFraction && fractionDigits == scale) {
                offTick |= digit != 0;
                continue;
            }
            if (units > (Long.MAX_VALUE - digit) / 10) {
                overflow = true;
            } else {
                units = units * 10 + digit;
            }
            if (inFraction) {
                fractionDigits++;
            }
        }
        if (digits == 0) {
            return NOT_A_NUMBER;
        }
        long factor = POWERS_OF_TEN[scale - fractionDigits];
        if (overflow || offTick || negative || units == 0 || units > Long.MAX_VALUE / factor) {
            return INVALID_PRICE;
        }
        units *= factor;
        return units % tickUnits == 0 ? units / tickUnits : INVALID_PRICE;
    }

    /** Writes a price in ticks as a decimal with exactly the decimals of the tick; returns the new position. */
    int format(long ticks, char[] out, int at) {
        long units = ticks * tickUnits;
        int pos = MatchEventWriter.putLong(units / POWERS_OF_TEN[scale], out, at);
        if (scale > 0) {
            out[pos++] = '.';
            long fraction = Math.abs(units % POWERS_OF_TEN[scale]);
            for (int i = scale - 1; i >= 0; i--) {
                out[pos + i] = (char) ('0' + fraction % 10);
                fraction /= 10;
            }
            pos += scale;
        }
        return pos;
    }
}
