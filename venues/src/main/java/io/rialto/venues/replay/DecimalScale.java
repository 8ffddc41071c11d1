package io.rialto.venues.replay;

import java.math.BigDecimal;

/**
 * Exact conversion of decimal text to a whole number of steps (ticks or lots) without {@code BigDecimal} on the
 * common path: the text is read as an unscaled {@code long} and its scale, then divided by the step. Text with
 * more digits than a long holds, or in exponent notation, goes through {@code BigDecimal}.
 */
final class DecimalScale {
    /** Returned by {@link #steps} when the text is not a non-negative decimal on the step grid. */
    static final long INVALID = Long.MIN_VALUE;
    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private final BigDecimal step;
    private final long stepUnscaled;
    private final int stepScale;

    /** @param step the tick or lot size (positive) */
    DecimalScale(BigDecimal step) {
        BigDecimal s = step.stripTrailingZeros();
        this.step = s;
        if (s.scale() < 0) { // 100, 1E+2: whole multiples of 10^k
            s = s.setScale(0);
        }
        this.stepScale = s.scale();
        this.stepUnscaled = s.unscaledValue().bitLength() < 63 ? s.unscaledValue().longValue() : -1;
    }

    BigDecimal step() {
        return step;
    }

    /** The number of steps {@code text[from, to)} is, or {@link #INVALID}. */
    long steps(CharSequence text, int from, int to) {
        long unscaled = 0;
        int scale = -1;
        int digits = 0;
        if (from >= to || stepUnscaled <= 0) {
            return slow(text, from, to);
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits > 18) {
                    return slow(text, from, to);
                }
                unscaled = unscaled * 10 + (c - '0');
                if (scale >= 0) {
                    scale++;
                }
            } else if (c == '.' && scale < 0) {
                scale = 0;
            } else {
                return slow(text, from, to);
            }
        }
        if (digits == 0) {
            return INVALID;
        }
        scale = Math.max(scale, 0);
        if (scale > stepScale) {
            long drop = POW10[scale - stepScale];
            if (unscaled % drop != 0) {
                return INVALID;
            }
            unscaled /= drop;
        } else if (scale < stepScale) {
            int up = stepScale - scale;
            if (up >= POW10.length || unscaled > Long.MAX_VALUE / POW10[up]) {
                return slow(text, from, to);
            }
            unscaled *= POW10[up];
        }
        return unscaled % stepUnscaled == 0 ? unscaled / stepUnscaled : INVALID;
    }

    private long slow(CharSequence text, int from, int to) {
        try {
            BigDecimal v = new BigDecimal(text.subSequence(from, to).toString());
            if (v.signum() < 0) {
                return INVALID;
            }
            BigDecimal[] qr = v.divideAndRemainder(step);
            return qr[1].signum() == 0 ? qr[0].longValueExact() : INVALID;
        } catch (NumberFormatException | ArithmeticException e) {
            return INVALID;
        }
    }

    /**
     * Digits after the decimal point of {@code text[from, to)}, trailing zeros not counted; -1 when it is not a
     * plain decimal (inference then ignores it).
     */
    static int decimals(CharSequence text, int from, int to) {
        int dot = -1;
        int last = to;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                if (dot >= 0) {
                    return -1;
                }
                dot = i;
            } else if (c < '0' || c > '9') {
                return -1;
            }
        }
        if (dot < 0) {
            return 0;
        }
        while (last > dot + 1 && text.charAt(last - 1) == '0') {
            last--;
        }
        return last - dot - 1;
    }

    /** 10^-decimals: the step a column with that many decimals is on. */
    static BigDecimal stepOf(int decimals) {
        return BigDecimal.ONE.movePointLeft(decimals);
    }
}
