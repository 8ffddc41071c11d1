package io.rialto.core.record;

import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.MarketData;
import io.rialto.core.domain.MdBatch;
import io.rialto.core.domain.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MdRecorderTest {
    @TempDir
    Path dir;

    private final InstrumentRegistry registry = InstrumentRegistry.of(List.of("V1"), List.of(
            new InstrumentRegistry.Listing("V1", "AAA", new BigDecimal("0.01"), BigDecimal.ONE, 1, 1000)));

    private static MarketData batch(long seq) {
        return new MdBatch.Builder(0, 1).depth(0, seq, Side.BUY, 100, seq).build();
    }

    @Test
    void shouldMakeTheFeedWaitWhenTheQueueIsFullAndLoseNothing() throws Exception {
        MdRecorder recorder = MdRecorder.create(dir);
        // the writer has not started: the queue fills, and the next element waits instead of being dropped
        List<CompletableFuture<MarketData>> queued = new ArrayList<>();
        for (int i = 1; i <= MdRecorder.CAPACITY; i++) {
            queued.add(recorder.offer(0, batch(i)).toCompletableFuture());
        }
        assertTrue(queued.stream().allMatch(CompletableFuture::isDone));
        CompletableFuture<MarketData> waiting = recorder.offer(0, batch(MdRecorder.CAPACITY + 1)).toCompletableFuture();
        assertFalse(waiting.isDone(), "a full queue holds the feed back");

        recorder.start(registry);
        waiting.get(10, TimeUnit.SECONDS);
        MdRecorder.Result result = recorder.close();
        assertNull(result.failure());
        assertEquals(MdRecorder.CAPACITY + 1, result.events());
        try (MdRecordReader reader = MdRecordReader.open(result.file())) {
            for (long seq = 1; seq <= MdRecorder.CAPACITY + 1; seq++) {
                assertEquals(MdRecordFormat.BATCH, reader.next());
                assertEquals(seq, reader.seq(0), "in the order the feed produced them");
            }
            assertEquals(MdRecordReader.END_OF_FILE, reader.next());
        }
        assertTrue(recorder.offer(0, batch(1)).toCompletableFuture().isCompletedExceptionally(),
                "a closed recording refuses, it does not swallow");
    }

    @Test
    void shouldRefuseADirectoryThatHoldsARecordingAlready() throws IOException {
        MdRecorder.create(dir).close();
        assertThrows(FileAlreadyExistsException.class, () -> MdRecorder.create(dir));
    }
}
