package io.rialto.venues.replay;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the input rows a replay refuses. The first {@code logLimit} are logged with their file and line;
 * the rest are only counted (no per-event logging). With {@code stop}, the first bad row ends the replay:
 * {@link #report} throws {@link Stop}.
 *
 * <p>Threading: reported from the replay's own thread; read from any.
 */
final class BadRows {
    private static final Logger LOG = LoggerFactory.getLogger(BadRows.class);

    /** The replay stops at this bad row ({@code rialto.replay.on-bad-row = stop}). */
    static final class Stop extends RuntimeException {
        Stop(String message) {
            super(message, null, false, false);
        }
    }

    private final boolean stopOnBadRow;
    private final int logLimit;
    private final AtomicLong count = new AtomicLong();
    private volatile boolean stopped;

    BadRows(boolean stopOnBadRow, int logLimit) {
        this.stopOnBadRow = stopOnBadRow;
        this.logLimit = logLimit;
    }

    /** A bad row at {@code where} (file:line, or file: record n at byte b) for the reason {@code why}. */
    void report(String where, String why) {
        long n = count.incrementAndGet();
        if (stopOnBadRow) {
            stopped = true;
            LOG.error("replay: bad row {}: {}; stopping (rialto.replay.on-bad-row = stop)", where, why);
            throw new Stop(where + ": " + why);
        }
        if (n <= logLimit) {
            LOG.warn("replay: bad row {}: {}{}", where, why, n == logLimit
                    ? " (further bad rows are only counted: md_bad_rows in the summary)" : "");
        }
    }

    long count() {
        return count.get();
    }

    boolean stopped() {
        return stopped;
    }
}
