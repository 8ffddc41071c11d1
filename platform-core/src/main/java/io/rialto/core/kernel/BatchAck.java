package io.rialto.core.kernel;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The acknowledgement of one ingested batch: every host applying part of it counts its events off, and the
 * last one completes the future the ingestion stream waits on. One object and one atomic add per host
 * message, instead of an ask (a temporary actor and a scheduled timeout) per symbol slice; the stream's
 * {@code mapAsync} still bounds the batches in flight, so the feed is slowed, never buffered.
 *
 * <p>It lives in this JVM only: ingestion runs on the node that owns the books it feeds.
 */
public final class BatchAck {
    private final AtomicInteger remaining;
    private final int events;
    private final CompletableFuture<Integer> done = new CompletableFuture<>();

    public BatchAck(int events) {
        this.events = events;
        this.remaining = new AtomicInteger(events);
        if (events == 0) {
            done.complete(0);
        }
    }

    /** {@code n} of the batch's events were applied (or counted as misrouted, which is logged). */
    public void applied(int n) {
        if (remaining.addAndGet(-n) == 0) {
            done.complete(events);
        }
    }

    /** Completes with the batch's event count once all are applied. */
    public CompletableFuture<Integer> done() {
        return done;
    }
}
