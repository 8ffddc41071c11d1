package io.rialto.risk;

import java.util.Arrays;

/**
 * Token buckets for message throttles, one per index, in fixed point: a token is {@value #ONE} nano-tokens,
 * a bucket refills at {@code rate} tokens per second and holds at most one second's worth (its burst).
 * A rate of 0 means unlimited. Time comes from the caller; single-threaded; no allocation once sized.
 */
final class TokenBuckets {
    private static final long ONE = 1_000_000_000L;

    private long[] rate = new long[16];
    private long[] level = new long[16];
    private long[] lastNs = new long[16];

    void ensure(int buckets) {
        if (buckets > rate.length) {
            int n = Math.max(buckets, rate.length * 2);
            rate = Arrays.copyOf(rate, n);
            level = Arrays.copyOf(level, n);
            lastNs = Arrays.copyOf(lastNs, n);
        }
    }

    /** Sets the rate of a bucket and fills it. */
    void setRate(int bucket, long perSecond, long nowNs) {
        ensure(bucket + 1);
        rate[bucket] = perSecond;
        level[bucket] = perSecond * ONE;
        lastNs[bucket] = nowNs;
    }

    /** Whether the bucket holds a whole token at {@code nowNs} (refilling it first). */
    boolean hasToken(int bucket, long nowNs) {
        long r = rate[bucket];
        if (r == 0) {
            return true;
        }
        long elapsed = nowNs - lastNs[bucket];
        if (elapsed > 0) {
            long capacity = r * ONE;
            level[bucket] = elapsed >= ONE ? capacity : Math.min(capacity, level[bucket] + elapsed * r);
            lastNs[bucket] = nowNs;
        }
        return level[bucket] >= ONE;
    }

    /** Takes a token that {@link #hasToken} found. */
    void take(int bucket) {
        if (rate[bucket] != 0) {
            level[bucket] -= ONE;
        }
    }

    /** Whole tokens left (for tests and the API). */
    long tokens(int bucket, long nowNs) {
        hasToken(bucket, nowNs);
        return rate[bucket] == 0 ? Long.MAX_VALUE : level[bucket] / ONE;
    }
}
