package io.rialto.core.kernel;

import io.rialto.core.domain.BookSnapshot;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.MarketData;
import io.rialto.core.domain.MdBatch;
import io.rialto.core.metrics.PlatformMetrics;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Market-data ingestion of one venue feed: stamps each element with the time it entered the platform,
 * splits a batch by the host actor of each symbol ({@link BookDirectory}) and sends each host one message
 * with its part, grouped by symbol, and completes the element when every event is applied ({@link BatchAck}).
 * {@code mapAsync(parallelism)} bounds the batches in flight, so a feed faster than the books is slowed by
 * demand, never buffered without bound. A batch over a hundred cold symbols is one message to the cold host.
 *
 * <p>The grouping is a two-level counting sort (symbols, then their hosts): one {@code int[]} permutation per
 * batch, shared by every host's slice. Scratch arrays are reused: the routing function is called by one stream
 * stage, one element at a time.
 *
 * <p><b>Fences.</b> The router remembers the host it last sent each symbol to. When the directory names a new
 * one (a tier move), it first sends a {@link SymbolBook.Fence} to the old host, behind everything it sent
 * there; the new host holds this feed's events back until the fence has come through. Moves are noticed on
 * every element, also for symbols the element does not touch, so no move waits for this feed's next event of
 * that symbol.
 */
public final class IngestRouter {
    private final InstrumentRegistry registry;
    private final BookDirectory directory;
    private final int feed;
    private final ActorSystem<?> system;
    private final Duration ackTimeout;
    private final PlatformMetrics metrics;
    private final int[] countBySymbol;
    private final int[] startBySymbol;
    private final int[] touched;
    private final int[] symbolOfEvent = new int[1024];
    private final BookDirectory.Host[] lastHost;
    private final int[] feedSymbols;
    private long movesSeen;
    private int[] countByHost = new int[16];
    private int[] startByHost = new int[16];
    private BookDirectory.Host[] hostById = new BookDirectory.Host[16];
    private final int[] touchedHosts;

    /**
     * @param feed the venue index of the feed: the books only take this feed's events for the venue's listings
     */
    public IngestRouter(InstrumentRegistry registry, BookDirectory directory, int feed, ActorSystem<?> system,
                        Duration ackTimeout, PlatformMetrics metrics) {
        this.registry = registry;
        this.directory = directory;
        this.feed = feed;
        this.system = system;
        this.ackTimeout = ackTimeout;
        this.metrics = metrics;
        int symbols = registry.symbols().size();
        this.countBySymbol = new int[symbols];
        this.startBySymbol = new int[symbols];
        this.touched = new int[symbols];
        this.touchedHosts = new int[symbols];
        this.lastHost = new BookDirectory.Host[symbols];
        this.feedSymbols = registry.instruments().stream()
                .filter(instrument -> instrument.venueIndex() == feed)
                .mapToInt(instrument -> instrument.symbolIndex()).distinct().toArray();
        this.movesSeen = directory.moves();
        for (int s : feedSymbols) {
            lastHost[s] = directory.host(s);
        }
    }

    /** Runs the feed into the books until it completes; the stage completes with the stream. */
    public CompletionStage<Done> run(Source<MarketData, ?> feedSource, int parallelism) {
        return feedSource
                .map(md -> {
                    long now = System.nanoTime();
                    metrics.onIngest(now);
                    return md.stamped(now);
                })
                .mapAsync(parallelism, this::route)
                .runWith(Sink.ignore(), system);
    }

    CompletionStage<Integer> route(MarketData md) {
        fenceMovedSymbols();
        if (md instanceof BookSnapshot snapshot) {
            BatchAck ack = new BatchAck(1);
            hostOf(registry.get(snapshot.instrumentId()).symbolIndex()).ref()
                    .tell(new SymbolBook.ApplySnapshot(snapshot, feed, ack));
            return withTimeout(ack);
        }
        MdBatch batch = (MdBatch) md;
        int n = batch.size();
        if (n > symbolOfEvent.length) {
            throw new IllegalArgumentException("batch of " + n + " events exceeds " + symbolOfEvent.length);
        }
        int touchedCount = 0;
        for (int i = 0; i < n; i++) {
            int symbol = registry.symbolOf(batch.instrumentIds()[i]);
            symbolOfEvent[i] = symbol;
            if (countBySymbol[symbol]++ == 0) {
                touched[touchedCount++] = symbol;
            }
        }
        // second level: the touched symbols' events counted per host, then laid out host by host
        int hostCount = 0;
        for (int t = 0; t < touchedCount; t++) {
            BookDirectory.Host host = hostOf(touched[t]);
            int id = host.id();
            if (id >= countByHost.length) {
                growHostArrays(id);
            }
            if (countByHost[id] == 0) {
                touchedHosts[hostCount++] = id;
                hostById[id] = host;
            }
            countByHost[id] += countBySymbol[touched[t]];
        }
        int running = 0;
        for (int h = 0; h < hostCount; h++) {
            int id = touchedHosts[h];
            startByHost[id] = running;
            running += countByHost[id];
        }
        for (int t = 0; t < touchedCount; t++) {
            int symbol = touched[t];
            int id = lastHost[symbol].id();
            startBySymbol[symbol] = startByHost[id];
            startByHost[id] += countBySymbol[symbol];
            countBySymbol[symbol] = 0;
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[startBySymbol[symbolOfEvent[i]]++] = i;
        }
        BatchAck ack = new BatchAck(n);
        for (int h = 0; h < hostCount; h++) {
            int id = touchedHosts[h];
            int to = startByHost[id];
            int from = to - countByHost[id];
            countByHost[id] = 0;
            BookDirectory.Host host = hostById[id];
            hostById[id] = null;
            host.ref().tell(new SymbolBook.Apply(batch, order, from, to, feed, ack));
        }
        return withTimeout(ack);
    }

    private CompletionStage<Integer> withTimeout(BatchAck ack) {
        return ack.done().orTimeout(ackTimeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The symbol's current host; if it changed since this feed last used it, the old host is fenced first. */
    private BookDirectory.Host hostOf(int symbol) {
        BookDirectory.Host now = directory.host(symbol);
        BookDirectory.Host last = lastHost[symbol];
        if (now != last) {
            if (last != null) {
                last.ref().tell(new SymbolBook.Fence(symbol, feed));
            }
            lastHost[symbol] = now;
        }
        return now;
    }

    private void fenceMovedSymbols() {
        long moves = directory.moves();
        if (moves != movesSeen) {
            movesSeen = moves;
            for (int s : feedSymbols) {
                hostOf(s);
            }
        }
    }

    private void growHostArrays(int id) {
        int n = Math.max(id + 1, countByHost.length * 2);
        countByHost = Arrays.copyOf(countByHost, n);
        startByHost = Arrays.copyOf(startByHost, n);
        hostById = Arrays.copyOf(hostById, n);
    }
}
