package io.rialto.core.kernel;

import io.rialto.core.domain.BookSnapshot;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.MarketData;
import io.rialto.core.domain.MdBatch;
import io.rialto.core.metrics.PlatformMetrics;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Market-data ingestion of one venue feed: stamps each element with the time it entered the platform,
 * splits a batch by symbol and hands each symbol's slice to its {@link SymbolBook}, and completes the
 * element only when every book has acknowledged its slice. {@code mapAsync(parallelism)} bounds the
 * batches in flight, so a feed faster than the books is slowed by demand, never buffered without
 * bound.
 *
 * <p>The grouping is a counting sort over the symbols the batch touches: one {@code int[]} per batch
 * (the permutation, shared by all slices) and one message per symbol. Scratch arrays are reused: the
 * routing function is called by one stream stage, one element at a time.
 */
public final class IngestRouter {
    private final InstrumentRegistry registry;
    private final List<ActorRef<SymbolBook.Command>> books;
    private final ActorSystem<?> system;
    private final Duration ackTimeout;
    private final PlatformMetrics metrics;
    private final int[] countBySymbol;
    private final int[] startBySymbol;
    private final int[] touched;
    private final int[] symbolOfEvent = new int[1024];

    public IngestRouter(InstrumentRegistry registry, List<ActorRef<SymbolBook.Command>> books, ActorSystem<?> system,
                        Duration ackTimeout, PlatformMetrics metrics) {
        this.registry = registry;
        this.books = books;
        this.system = system;
        this.ackTimeout = ackTimeout;
        this.metrics = metrics;
        int symbols = registry.symbols().size();
        this.countBySymbol = new int[symbols];
        this.startBySymbol = new int[symbols];
        this.touched = new int[symbols];
    }

    /** Runs the feed into the books until it completes; the stage completes with the stream. */
    public CompletionStage<Done> run(Source<MarketData, ?> feed, int parallelism) {
        return feed
                .map(md -> {
                    long now = System.nanoTime();
                    metrics.onIngest(now);
                    return md.stamped(now);
                })
                .mapAsync(parallelism, this::route)
                .runWith(Sink.ignore(), system);
    }

    CompletionStage<Integer> route(MarketData md) {
        if (md instanceof BookSnapshot snapshot) {
            int symbol = registry.get(snapshot.instrumentId()).symbolIndex();
            return AskPattern.<SymbolBook.Command, SymbolBook.Applied>ask(books.get(symbol),
                    replyTo -> new SymbolBook.ApplySnapshot(snapshot, replyTo), ackTimeout, system.scheduler())
                    .thenApply(SymbolBook.Applied::events);
        }
        MdBatch batch = (MdBatch) md;
        int n = batch.size();
        if (n > symbolOfEvent.length) {
            throw new IllegalArgumentException("batch of " + n + " events exceeds " + symbolOfEvent.length);
        }
        int touchedCount = 0;
        for (int i = 0; i < n; i++) {
            int symbol = registry.get(batch.instrumentIds()[i]).symbolIndex();
            symbolOfEvent[i] = symbol;
            if (countBySymbol[symbol]++ == 0) {
                touched[touchedCount++] = symbol;
            }
        }
        int running = 0;
        for (int t = 0; t < touchedCount; t++) {
            int symbol = touched[t];
            startBySymbol[symbol] = running;
            running += countBySymbol[symbol];
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[startBySymbol[symbolOfEvent[i]]++] = i;
        }
        @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array for CompletableFuture.allOf
        CompletableFuture<SymbolBook.Applied>[] acks = new CompletableFuture[touchedCount];
        for (int t = 0; t < touchedCount; t++) {
            int symbol = touched[t];
            int to = startBySymbol[symbol];
            int from = to - countBySymbol[symbol];
            countBySymbol[symbol] = 0;
            acks[t] = AskPattern.<SymbolBook.Command, SymbolBook.Applied>ask(books.get(symbol),
                    replyTo -> new SymbolBook.Apply(batch, order, from, to, replyTo), ackTimeout,
                    system.scheduler()).toCompletableFuture();
        }
        return CompletableFuture.allOf(acks).thenApply(ignored -> n);
    }
}
