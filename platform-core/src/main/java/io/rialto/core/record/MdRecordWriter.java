package io.rialto.core.record;

import io.rialto.core.domain.BookSnapshot;
import io.rialto.core.domain.Instrument;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.MarketData;
import io.rialto.core.domain.MdBatch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Encodes market data into the {@link MdRecordFormat recording format}. Keeps the per-instrument previous
 * price and sequence number the deltas are taken from, and buffers output in one reused array.
 *
 * <p>Threading: single-threaded (the recorder's writer thread).
 */
final class MdRecordWriter implements AutoCloseable {
    private final OutputStream out;
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private long[] lastPrice = new long[0];
    private long[] lastSeq = new long[0];
    private long lastRecordNs;
    private long records;
    private long events;
    private long bytes;

    MdRecordWriter(OutputStream out) {
        this.out = out;
    }

    /**
     * Starts the delta state as at the beginning of a recording of {@code instruments} instruments; alone, it
     * starts a stream of records without a header ({@link MdFrames}).
     */
    void startHeaderless(int instruments) {
        lastPrice = new long[instruments];
        lastSeq = new long[instruments];
        Arrays.fill(lastSeq, -1);
    }

    void writeHeader(InstrumentRegistry registry, long startEpochMs, long startNs) throws IOException {
        ensure(16);
        System.arraycopy(MdRecordFormat.MAGIC, 0, buf, pos, 8);
        pos += 8;
        buf[pos++] = (byte) (MdRecordFormat.VERSION >>> 8);
        buf[pos++] = (byte) MdRecordFormat.VERSION;
        buf[pos++] = 0;
        buf[pos++] = 0;
        varint(startEpochMs);
        varint(registry.venues().size());
        for (String venue : registry.venues()) {
            string(venue);
        }
        varint(registry.size());
        for (Instrument i : registry.instruments()) {
            varint(i.venueIndex());
            string(i.symbol());
            string(i.tickSize().toPlainString());
            string(i.lotSize().toPlainString());
            varint(i.minQtyLots());
            varint(i.maxQtyLots());
        }
        startHeaderless(registry.size());
        lastRecordNs = startNs;
        drainIfFull();
    }

    void append(int venueIndex, MarketData md, long nowNs) throws IOException {
        long dt = Math.max(0, nowNs - lastRecordNs);
        lastRecordNs = Math.max(lastRecordNs, nowNs);
        if (md instanceof BookSnapshot s) {
            ensure(64 + 20 * (s.bidPricesTicks().length + s.askPricesTicks().length));
            buf[pos++] = MdRecordFormat.SNAPSHOT;
            varint(dt);
            varint(venueIndex);
            int id = s.instrumentId();
            varint(id);
            varint(MdRecordFormat.zigzag(s.seq()));
            varint(s.bidPricesTicks().length);
            varint(s.askPricesTicks().length);
            levels(id, s.bidPricesTicks(), s.bidQtysLots());
            levels(id, s.askPricesTicks(), s.askQtysLots());
            lastSeq[id] = s.seq();
            events++;
        } else {
            MdBatch b = (MdBatch) md;
            int n = b.size();
            ensure(32 + 40 * n);
            buf[pos++] = MdRecordFormat.BATCH;
            varint(dt);
            varint(venueIndex);
            varint(n);
            for (int i = 0; i < n; i++) {
                int id = b.instrumentIds()[i];
                buf[pos++] = (byte) ((b.kinds()[i] == MdBatch.TRADE ? 1 : 0) | (b.sides()[i] << 1));
                varint(id);
                varint(MdRecordFormat.zigzag(b.pricesTicks()[i] - lastPrice[id]));
                varint(b.qtysLots()[i]);
                varint(MdRecordFormat.zigzag(b.seqs()[i] - lastSeq[id] - 1));
                lastPrice[id] = b.pricesTicks()[i];
                lastSeq[id] = b.seqs()[i];
            }
            events += n;
        }
        records++;
        drainIfFull();
    }

    private void levels(int id, long[] prices, long[] qtys) {
        for (int i = 0; i < prices.length; i++) {
            varint(MdRecordFormat.zigzag(prices[i] - lastPrice[id]));
            varint(qtys[i]);
            lastPrice[id] = prices[i];
        }
    }

    long records() {
        return records;
    }

    long events() {
        return events;
    }

    long bytes() {
        return bytes + pos;
    }

    /** Hands what is buffered to the output stream. */
    void flush() throws IOException {
        drain();
    }

    /** Writes the END record and flushes; the stream is closed by its owner. */
    @Override
    public void close() throws IOException {
        ensure(32);
        buf[pos++] = MdRecordFormat.END;
        varint(records);
        varint(events);
        drain();
        out.flush();
    }

    private void ensure(int room) throws IOException {
        if (pos + room > buf.length) {
            if (pos > 0) {
                drain();
            }
            if (room > buf.length) {
                buf = new byte[Integer.highestOneBit(room) << 1];
            }
        }
    }

    private void drainIfFull() throws IOException {
        if (pos > buf.length / 2) {
            drain();
        }
    }

    private void drain() throws IOException {
        out.write(buf, 0, pos);
        bytes += pos;
        pos = 0;
    }

    private void varint(long v) {
        while ((v & ~0x7FL) != 0) {
            buf[pos++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[pos++] = (byte) v;
    }

    private void string(String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        ensure(10 + b.length);
        varint(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }
}
