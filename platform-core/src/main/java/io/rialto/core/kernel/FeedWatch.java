package io.rialto.core.kernel;

/**
 * Whether a venue's market-data feed is alive. The ingestion stream stamps it once per element (a batch or a
 * snapshot) through {@link #seen}; the venue session calls {@link #check} on its timer, which tells a feed
 * silent for longer than the threshold (stale) and its return, and counts the stalls and the time stale.
 * Threading: the stamp is one volatile {@code long} written by the stream (no allocation); everything else
 * belongs to the session's thread.
 */
public final class FeedWatch {
    /** {@link #check}: nothing changed. */
    static final int SAME = 0;
    /** {@link #check}: the feed has just gone stale. */
    static final int WENT_STALE = 1;
    /** {@link #check}: data arrived again after a stale period. */
    static final int RECOVERED = 2;

    private volatile long lastNs;
    private boolean stale;
    private long staleSinceNs;
    private long stalls;
    private long endedStaleNs;
    private long lastPeriodNs;

    /** Passes an element through, noting that the feed is alive. */
    public <T> T seen(T element) {
        lastNs = System.nanoTime();
        return element;
    }

    /** {@code System.nanoTime()} of the last element, 0 before the first. */
    public long lastNs() {
        return lastNs;
    }

    /** Returns {@link #SAME}, {@link #WENT_STALE} or {@link #RECOVERED}; before the first element, always SAME. */
    int check(long nowNs, long staleAfterNs) {
        long last = lastNs;
        if (last == 0) {
            return SAME;
        }
        if (!stale && nowNs - last > staleAfterNs) {
            stale = true;
            stalls++;
            staleSinceNs = last;
            return WENT_STALE;
        }
        if (stale && last - staleSinceNs > 0) {
            stale = false;
            lastPeriodNs = last - staleSinceNs;
            endedStaleNs += lastPeriodNs;
            return RECOVERED;
        }
        return SAME;
    }

    boolean stale() {
        return stale;
    }

    long stalls() {
        return stalls;
    }

    /** Time without data over the stale periods, the current one included; since the last element while stale. */
    long staleNs(long nowNs) {
        return endedStaleNs + (stale ? nowNs - staleSinceNs : 0);
    }

    /** Time since the last element. */
    long silentNs(long nowNs) {
        return nowNs - lastNs;
    }

    /** How long the last stale period lasted, from the last element before it to the first after it. */
    long lastPeriodNs() {
        return lastPeriodNs;
    }
}
