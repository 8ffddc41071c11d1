package io.rialto.core.record;

import io.rialto.core.domain.BookSnapshot;
import io.rialto.core.domain.MarketData;
import io.rialto.core.domain.MdBatch;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MdFramesTest {
    private final MdRecordFormatTest recordings = new MdRecordFormatTest();

    @Test
    void shouldDecodeEveryFrameToWhatWasEncodedInOrder() throws MdRecordException {
        List<MarketData> data = recordings.marketData(11);
        MdFrames.Encoder encoder = MdFrames.encoder(recordings.registry);
        MdFrames.Decoder decoder = MdFrames.decoder(recordings.registry, "ws://test/md");
        for (MarketData md : data) {
            MarketData back = decoder.decode(ByteBuffer.wrap(encoder.encode(1, md)));
            assertSameMarketData(md, back);
            assertEquals(0L, back instanceof MdBatch b ? b.ingestNs() : ((BookSnapshot) back).ingestNs(),
                    "the receiver stamps ingestNs");
        }
    }

    @Test
    void shouldTakeWhatARecordingTakesPerEvent() {
        MdFrames.Encoder encoder = MdFrames.encoder(recordings.registry);
        List<MarketData> data = recordings.marketData(3);
        long events = 0;
        long bytes = 0;
        for (MarketData md : data) {
            events += md.eventCount();
            bytes += encoder.encode(1, md).length;
        }
        assertTrue(bytes < events * 12, bytes + " bytes for " + events + " events");
    }

    @Test
    void shouldRefuseAFrameThatIsNotExactlyOneRecordNamingTheStream() throws MdRecordException {
        List<MarketData> data = recordings.marketData(7);
        MdFrames.Encoder encoder = MdFrames.encoder(recordings.registry);
        byte[] first = encoder.encode(1, data.get(1));
        byte[] second = encoder.encode(1, data.get(2));

        MdFrames.Decoder cut = MdFrames.decoder(recordings.registry, "ws://test/md");
        MdRecordException e = assertThrows(MdRecordException.class,
                () -> cut.decode(ByteBuffer.wrap(Arrays.copyOf(first, first.length - 1))));
        assertTrue(e.getMessage().startsWith("ws://test/md: record 1 at byte ") && e.getMessage().contains("cut short"),
                e.getMessage());

        MdFrames.Decoder twoInOne = MdFrames.decoder(recordings.registry, "ws://test/md");
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        MdRecordException trailing = assertThrows(MdRecordException.class,
                () -> twoInOne.decode(ByteBuffer.wrap(both)));
        assertEquals("ws://test/md: frame 1 has bytes after its record", trailing.getMessage());

        MdFrames.Decoder empty = MdFrames.decoder(recordings.registry, "ws://test/md");
        assertThrows(MdRecordException.class, () -> empty.decode(ByteBuffer.allocate(0)));
    }

    static void assertSameMarketData(MarketData expected, MarketData actual) {
        if (expected instanceof BookSnapshot s) {
            BookSnapshot r = assertInstanceOf(BookSnapshot.class, actual);
            assertEquals(s.instrumentId(), r.instrumentId());
            assertEquals(s.seq(), r.seq());
            assertArrayEquals(s.bidPricesTicks(), r.bidPricesTicks());
            assertArrayEquals(s.bidQtysLots(), r.bidQtysLots());
            assertArrayEquals(s.askPricesTicks(), r.askPricesTicks());
            assertArrayEquals(s.askQtysLots(), r.askQtysLots());
        } else {
            MdBatch b = (MdBatch) expected;
            MdBatch r = assertInstanceOf(MdBatch.class, actual);
            assertEquals(b.venueIndex(), r.venueIndex());
            assertEquals(b.size(), r.size());
            assertArrayEquals(Arrays.copyOf(b.kinds(), b.size()), r.kinds());
            assertArrayEquals(Arrays.copyOf(b.sides(), b.size()), r.sides());
            assertArrayEquals(Arrays.copyOf(b.instrumentIds(), b.size()), r.instrumentIds());
            assertArrayEquals(Arrays.copyOf(b.pricesTicks(), b.size()), r.pricesTicks());
            assertArrayEquals(Arrays.copyOf(b.qtysLots(), b.size()), r.qtysLots());
            assertArrayEquals(Arrays.copyOf(b.seqs(), b.size()), r.seqs());
        }
    }
}
