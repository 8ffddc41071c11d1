package io.rialto.core.record;

import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.MarketData;
import io.rialto.core.spi.VenueAdapter;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Flow;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code rialto run --record DIR}: records every market-data element the platform ingests into
 * {@code DIR/recording.rmd} ({@link MdRecordFormat}), off the hot path. Each venue feed passes through
 * {@link #tap}, which hands the element to a bounded queue and lets it continue once queued; a dedicated
 * writer thread encodes and writes. When the queue is full the feed waits for room (backpressure, through a
 * {@code mapAsync(1)} that holds no thread): nothing is dropped. {@link #close()} drains the queue, writes the
 * END record and closes the file, so the recording is complete on disk when the run ends.
 *
 * <p>Threading: {@link #tap}'s stages call {@link #offer} from stream threads; the writer thread owns the
 * file; {@link #start} and {@link #close} are called once each.
 */
public final class MdRecorder {
    /** Elements (batches of up to a few hundred events, or snapshots) the queue holds before feeds wait. */
    static final int CAPACITY = 1024;

    private record Entry(int venueIndex, MarketData md, long nowNs) {
    }

    private record Waiting(Entry entry, CompletableFuture<MarketData> admitted) {
    }

    /** What a finished recording holds. */
    public record Result(Path file, long records, long events, long bytes, IOException failure) {
    }

    private final Path file;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<Entry> queue = new ArrayDeque<>();
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private final OutputStream out;
    private final MdRecordWriter writer;
    private Thread thread;
    private boolean closing;
    private volatile IOException failure;
    private Result result;

    private MdRecorder(Path file, OutputStream out) {
        this.file = file;
        this.out = out;
        this.writer = new MdRecordWriter(out);
    }

    /**
     * Creates {@code dir} if needed and the recording file in it; refuses a directory that already holds a
     * recording (throws {@link FileAlreadyExistsException}).
     */
    public static MdRecorder create(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(MdRecordFormat.FILE_NAME);
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), 1 << 16);
        return new MdRecorder(file, out);
    }

    public Path file() {
        return file;
    }

    /** The adapters, each wrapped so that its market data is recorded. */
    public List<VenueAdapter> wrap(List<VenueAdapter> adapters) {
        List<VenueAdapter> wrapped = new ArrayList<>(adapters.size());
        for (VenueAdapter adapter : adapters) {
            wrapped.add(new RecordingVenue(adapter, this));
        }
        return wrapped;
    }

    /** Writes the header for this registry and starts the writer thread; later calls do nothing. */
    void start(InstrumentRegistry registry) {
        lock.lock();
        try {
            if (thread != null || closing) {
                return;
            }
            try {
                writer.writeHeader(registry, System.currentTimeMillis(), System.nanoTime());
            } catch (IOException e) {
                failure = e;
            }
            thread = new Thread(this::run, "rialto-recorder");
            thread.setDaemon(true); // close() finishes the file; a run that never calls it must not hang
            thread.start();
        } finally {
            lock.unlock();
        }
    }

    /** A stage that records each element of one venue's feed and passes it on once it is queued. */
    Flow<MarketData, MarketData, NotUsed> tap(int venueIndex) {
        return Flow.<MarketData>create().mapAsync(1, md -> offer(venueIndex, md));
    }

    /** Queues an element; the stage completes when it is queued (at once unless the queue is full). */
    CompletionStage<MarketData> offer(int venueIndex, MarketData md) {
        Entry entry = new Entry(venueIndex, md, System.nanoTime());
        lock.lock();
        try {
            if (closing) {
                return CompletableFuture.failedFuture(new IllegalStateException("the recording is closed"));
            }
            if (queue.size() < CAPACITY && waiting.isEmpty()) {
                queue.add(entry);
                notEmpty.signal();
                return CompletableFuture.completedFuture(md);
            }
            CompletableFuture<MarketData> admitted = new CompletableFuture<>();
            waiting.add(new Waiting(entry, admitted));
            return admitted;
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (true) {
            Entry entry;
            Waiting admitted = null;
            lock.lock();
            try {
                while (queue.isEmpty() && !closing) {
                    notEmpty.awaitUninterruptibly();
                }
                entry = queue.poll();
                if (entry == null) {
                    return;
                }
                if (!waiting.isEmpty()) {
                    admitted = waiting.poll();
                    queue.add(admitted.entry());
                }
            } finally {
                lock.unlock();
            }
            if (admitted != null) {
                admitted.admitted().complete(admitted.entry().md());
            }
            if (failure == null) {
                try {
                    writer.append(entry.venueIndex(), entry.md(), entry.nowNs());
                } catch (IOException e) {
                    failure = e; // keep draining so the feeds never stall; close() reports it
                }
            }
        }
    }

    /**
     * Drains what is queued, writes the END record and closes the file. Call after the feeds have drained.
     * Idempotent; never throws: a failure to write is in {@link Result#failure()}.
     */
    public synchronized Result close() {
        if (result != null) {
            return result;
        }
        Thread writerThread;
        lock.lock();
        try {
            closing = true;
            notEmpty.signalAll();
            writerThread = thread;
            while (!waiting.isEmpty()) { // the writer is gone or going: what still waits is queued for it
                Waiting w = waiting.poll();
                queue.add(w.entry());
                w.admitted().complete(w.entry().md());
            }
        } finally {
            lock.unlock();
        }
        try {
            if (writerThread != null) {
                writerThread.join(TimeUnit.MINUTES.toMillis(5));
            }
            if (failure == null) {
                if (writerThread == null) {
                    failure = new IOException("no venue connected: nothing was recorded");
                } else {
                    drainLeftovers();
                    writer.close();
                }
            }
        } catch (IOException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = new IOException("interrupted while finishing the recording", e);
        } finally {
            try {
                out.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        result = new Result(file, writer.records(), writer.events(), writer.bytes(), failure);
        return result;
    }

    /** Entries queued after the writer saw {@code closing} (admitted waiters) are written here. */
    private void drainLeftovers() throws IOException {
        Entry entry;
        while ((entry = queue.poll()) != null) {
            writer.append(entry.venueIndex(), entry.md(), entry.nowNs());
        }
    }
}
