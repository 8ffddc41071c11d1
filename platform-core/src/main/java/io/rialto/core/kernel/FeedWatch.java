package io.rialto.core.kernel;

/**
 * When a venue's market data last arrived. The ingestion stream stamps it once per element (a batch or a
 * snapshot); the venue session reads it on a timer to tell a stale feed. Written by one thread, read by
 * another: a single volatile {@code long}, no allocation.
 */
public final class FeedWatch {
    private volatile long lastNs;

    /** Passes an element through, noting that the feed is alive. */
    public <T> T seen(T element) {
        lastNs = System.nanoTime();
        return element;
    }

    /** {@code System.nanoTime()} of the last element, 0 before the first. */
    public long lastNs() {
        return lastNs;
    }
}
