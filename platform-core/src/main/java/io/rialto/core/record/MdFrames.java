package io.rialto.core.record;

import io.rialto.core.domain.BookSnapshot;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.MarketData;
import io.rialto.core.domain.MdBatch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Market data as a stream of frames, one {@link MdRecordFormat} record per frame: an {@link MdBatch} is a BATCH
 * record, a {@link BookSnapshot} a SNAPSHOT record, byte for byte as in a recording, without the header and the
 * END record. Both ends know the instrument registry (the platform's), so instrument ids need no table. Prices
 * and sequence numbers are deltas from the previous frame of the instrument, as in a recording, so the frames
 * of one stream must be decoded in order, each exactly once, by one {@link Decoder}: a transport that loses or
 * reorders frames cannot carry them (a WebSocket, over TCP, does neither). {@code dt} is always 0; the receiver
 * stamps {@code ingestNs} when it ingests.
 *
 * <p>Threading: an encoder and a decoder are each single-threaded (one stream stage).
 */
public final class MdFrames {
    private MdFrames() {
    }

    /** An encoder for one stream of frames over {@code registry}'s instruments. */
    public static Encoder encoder(InstrumentRegistry registry) {
        return new Encoder(registry.size());
    }

    /**
     * A decoder for one stream of frames over {@code registry}'s instruments; {@code source} names the stream in
     * error messages.
     */
    public static Decoder decoder(InstrumentRegistry registry, String source) {
        return new Decoder(registry, source);
    }

    /** Turns market data into frames. */
    public static final class Encoder {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        private final MdRecordWriter writer = new MdRecordWriter(out);

        private Encoder(int instruments) {
            writer.startHeaderless(instruments);
        }

        /**
         * One frame holding {@code md}. {@code venueIndex} is the venue a snapshot belongs to (a batch carries
         * its own).
         */
        public byte[] encode(int venueIndex, MarketData md) {
            int venue = md instanceof MdBatch b ? b.venueIndex() : venueIndex;
            try {
                writer.append(venue, md, 0L);
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a ByteArrayOutputStream does not throw
            }
            byte[] frame = out.toByteArray();
            out.reset();
            return frame;
        }
    }

    /** Turns frames back into market data (not yet stamped: {@code ingestNs} is 0). */
    public static final class Decoder {
        private final FrameInput input = new FrameInput();
        private final MdRecordReader reader;
        private final String source;

        private Decoder(InstrumentRegistry registry, String source) {
            List<InstrumentRegistry.Listing> listings = new ArrayList<>(registry.size());
            registry.instruments().forEach(i -> listings.add(new InstrumentRegistry.Listing(
                    registry.venues().get(i.venueIndex()), i.symbol(), i.tickSize(), i.lotSize(), i.minQtyLots(),
                    i.maxQtyLots())));
            this.reader = new MdRecordReader(source, input, registry.venues(), listings);
            this.source = source;
        }

        /**
         * The market data of one frame. Throws {@link MdRecordException} naming the stream, the frame number and
         * the byte offset when the frame is not exactly one BATCH or SNAPSHOT record; the decoder cannot go on
         * after that.
         */
        public MarketData decode(ByteBuffer frame) throws MdRecordException {
            input.frame = frame;
            int type;
            try {
                type = reader.next();
            } catch (MdRecordException e) {
                throw e;
            } catch (IOException e) {
                throw new MdRecordException(source + ": " + e.getMessage());
            }
            if (type != MdRecordFormat.BATCH && type != MdRecordFormat.SNAPSHOT) {
                throw new MdRecordException(source + ": frame " + (reader.records() + 1)
                        + " is not a BATCH or SNAPSHOT record");
            }
            if (!reader.drained() || frame.hasRemaining()) {
                throw new MdRecordException(source + ": frame " + reader.records()
                        + " has bytes after its record");
            }
            return type == MdRecordFormat.BATCH ? reader.batch() : reader.snapshot();
        }
    }

    /** The reader's input: the bytes of the current frame, then the end of input. */
    private static final class FrameInput extends InputStream {
        private ByteBuffer frame = ByteBuffer.allocate(0);

        @Override
        public int read() {
            return frame.hasRemaining() ? frame.get() & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (!frame.hasRemaining()) {
                return -1;
            }
            int n = Math.min(len, frame.remaining());
            frame.get(b, off, n);
            return n;
        }
    }
}
