package io.rialto.risk;

import java.util.Arrays;

/**
 * Token buckets for message throttles, one per index, in fixed point: a token is {@value #ONE} nano-tokens,
 * a bucket refills at {@code rate} tokens per second and holds at most one second's worth (its burst).
 * A rate of 0 means unlimited. A bucket's three values sit together, so a check loads one cache line:
 * <pre>
 *   values[4b ..]: rate (tokens per second), level (nano-tokens), lastNs (when it was last refilled), unused
 * </pre>
 * Time comes from the caller; single-threaded; no allocation once sized.
 */
final class TokenBuckets {
    private static final long ONE = 1_000_000_000L;
    private static final int STRIDE = 4;
    private static final int RATE = 0;
    private static final int LEVEL = 1;
    private static final int LAST_NS = 2;

    private long[] values = new long[16 * STRIDE];

    void ensure(int buckets) {
        if (buckets * STRIDE > values.length) {
            values = Arrays.copyOf(values, Math.max(buckets * STRIDE, values.length * 2));
        }
    }

    /** Sets the rate of a bucket and fills it. */
    void setRate(int bucket, long perSecond, long nowNs) {
        ensure(bucket + 1);
        int b = bucket * STRIDE;
        values[b + RATE] = perSecond;
        values[b + LEVEL] = perSecond * ONE;
        values[b + LAST_NS] = nowNs;
    }

    /** Whether the bucket holds a whole token at {@code nowNs} (refilling it first). */
    boolean hasToken(int bucket, long nowNs) {
        long[] v = values;
        int b = bucket * STRIDE;
        long r = v[b + RATE];
        if (r == 0) {
            return true;
        }
        long elapsed = nowNs - v[b + LAST_NS];
        if (elapsed > 0) {
            long capacity = r * ONE;
            v[b + LEVEL] = elapsed >= ONE ? capacity : Math.min(capacity, v[b + LEVEL] + elapsed * r);
            v[b + LAST_NS] = nowNs;
        }
        return v[b + LEVEL] >= ONE;
    }

    /** Takes a token that {@link #hasToken} found. */
    void take(int bucket) {
        int b = bucket * STRIDE;
        if (values[b + RATE] != 0) {
            values[b + LEVEL] -= ONE;
        }
    }

    /** Whole tokens left (for tests and the API). */
    long tokens(int bucket, long nowNs) {
        hasToken(bucket, nowNs);
        int b = bucket * STRIDE;
        return values[b + RATE] == 0 ? Long.MAX_VALUE : values[b + LEVEL] / ONE;
    }
}
