package io.rialto.core.kernel;

import io.rialto.core.config.ConfigLoader;
import io.rialto.core.domain.BookSnapshot;
import io.rialto.core.domain.MdBatch;
import io.rialto.core.domain.Side;
import io.rialto.core.metrics.PlatformMetrics;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A sequence gap makes the book stale and asks its venue for a snapshot; the snapshot makes it whole. */
class SymbolBookResyncTest {
    private static final ActorTestKit KIT = ActorTestKit.create("resync", ConfigLoader.defaults());

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }


    private static void applySnapshot(ActorRef<SymbolBook.Command> book, BookSnapshot snapshot) {
        BatchAck ack = new BatchAck(1);
        book.tell(new SymbolBook.ApplySnapshot(snapshot, 0, ack));
        ack.done().orTimeout(5, TimeUnit.SECONDS).join();
    }

    @Test
    void shouldRequestASnapshotOnAGapAndServeTheBookAgainOnceItArrives() {
        List<Integer> requested = new CopyOnWriteArrayList<>();
        ActorRef<SymbolBook.Command> book = KIT.spawn(SymbolBook.create(TestInstruments.registry(), 0, 5,
                new PlatformMetrics(), null, requested::add));
        TestProbe<BookUpdate> top = KIT.createTestProbe();
        TestProbe<SymbolBook.Stats> stats = KIT.createTestProbe();

        applySnapshot(book, new BookSnapshot(0, 1, new long[] {100}, new long[] {5}, new long[] {101},
                new long[] {5}, 0));
        BookMessages.applyAndWait(book, new MdBatch.Builder(0, 4).depth(0, 2, Side.BUY, 99, 7)
                .depth(0, 4, Side.BUY, 98, 3) // seq 3 is missing
                .depth(0, 5, Side.SELL, 102, 1).build());
        assertEquals(List.of(0), requested, "one snapshot request for the stale instrument");
        book.tell(new SymbolBook.GetTop(0, 5, top.getRef()));
        assertEquals(0, top.receiveMessage().bidLevels(0), "a stale book is not served");

        applySnapshot(book, new BookSnapshot(0, 5, new long[] {100, 99}, new long[] {5, 7},
                new long[] {101, 102}, new long[] {5, 1}, 0));
        BookMessages.applyAndWait(book, new MdBatch.Builder(0, 1).depth(0, 6, Side.BUY, 100, 9).build());
        book.tell(new SymbolBook.GetTop(0, 5, top.getRef()));
        BookUpdate whole = top.receiveMessage();
        assertEquals(2, whole.bidLevels(0));
        assertEquals(9, whole.bidQty(0, 0), "updates after the snapshot apply again");
        book.tell(new SymbolBook.GetStats(0, stats.getRef()));
        SymbolBook.Stats s = stats.receiveMessage();
        assertEquals(1, s.gaps());
        assertEquals(1, s.resyncs());
        assertEquals(List.of(0), requested);
    }
}
