package io.rialto.core.record;

import io.rialto.core.domain.BookSnapshot;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.MdBatch;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Streams a {@link MdRecordFormat recording} back, one record at a time, into reused columns (a batch) or a
 * new {@link BookSnapshot}. Never holds more than one record. A malformed or cut-short file raises
 * {@link MdRecordException} naming the file, the record number and the byte offset.
 *
 * <p>Threading: single-threaded.
 */
public final class MdRecordReader implements Closeable {
    /** {@link #next()} at the end of a complete file. */
    public static final int END_OF_FILE = -1;

    private final Path file;
    private final String source;
    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private long consumed;
    private final List<String> venues = new ArrayList<>();
    private final List<InstrumentRegistry.Listing> listings = new ArrayList<>();
    private final long startEpochMs;
    private long[] lastPrice;
    private long[] lastSeq;
    private long records;
    private long events;
    private boolean ended;

    private long dtNs;
    private int venueIndex;
    private int size;
    private byte[] kinds = new byte[256];
    private byte[] sides = new byte[256];
    private int[] instrumentIds = new int[256];
    private long[] prices = new long[256];
    private long[] qtys = new long[256];
    private long[] seqs = new long[256];
    private BookSnapshot snapshot;

    private MdRecordReader(Path file) throws IOException {
        this.file = file;
        this.source = file.toString();
        this.in = Files.newInputStream(file);
        try {
            byte[] magic = new byte[8];
            for (int i = 0; i < 8; i++) {
                magic[i] = (byte) readByte();
            }
            if (!Arrays.equals(magic, MdRecordFormat.MAGIC)) {
                throw error("not a Rialto recording (bad magic)");
            }
            int version = (readByte() << 8) | readByte();
            if (version != MdRecordFormat.VERSION) {
                throw error("format version " + version + "; this build reads version " + MdRecordFormat.VERSION);
            }
            readByte();
            readByte();
            startEpochMs = varint();
            int venueCount = count(1 << 16);
            for (int v = 0; v < venueCount; v++) {
                venues.add(string());
            }
            int instrumentCount = count(1 << 24);
            for (int i = 0; i < instrumentCount; i++) {
                int venue = count(venueCount - 1);
                String symbol = string();
                BigDecimal tick = decimal();
                BigDecimal lot = decimal();
                listings.add(new InstrumentRegistry.Listing(venues.get(venue), symbol, tick, lot, varint(), varint()));
            }
            lastPrice = new long[instrumentCount];
            lastSeq = new long[instrumentCount];
            Arrays.fill(lastSeq, -1);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * A reader of records without a header ({@link MdFrames}): the venues and instruments are the given ones,
     * and the delta state starts as at the beginning of a recording.
     */
    MdRecordReader(String source, InputStream in, List<String> venues, List<InstrumentRegistry.Listing> listings) {
        this.file = null;
        this.source = source;
        this.in = in;
        this.venues.addAll(venues);
        this.listings.addAll(listings);
        this.startEpochMs = 0;
        lastPrice = new long[listings.size()];
        lastSeq = new long[listings.size()];
        Arrays.fill(lastSeq, -1);
    }

    /** Opens a recording and reads its header. */
    public static MdRecordReader open(Path file) throws IOException {
        return new MdRecordReader(file);
    }

    public Path file() {
        return file;
    }

    public List<String> venues() {
        return venues;
    }

    /** The recording run's instruments; an instrument id in the records is an index into this list. */
    public List<InstrumentRegistry.Listing> listings() {
        return listings;
    }

    public long startEpochMs() {
        return startEpochMs;
    }

    /**
     * Reads the next record: {@link MdRecordFormat#BATCH}, {@link MdRecordFormat#SNAPSHOT}, or
     * {@link #END_OF_FILE} after the END record (whose counts are checked). Throws {@link MdRecordException}
     * for a malformed or cut-short record; the reader cannot continue after that.
     */
    public int next() throws IOException {
        if (ended) {
            return END_OF_FILE;
        }
        int type = peekEof() ? -1 : readByte();
        if (type == -1) {
            throw error("cut short: no END record after " + records + " records (the recording run did not finish)");
        }
        switch (type) {
            case MdRecordFormat.BATCH -> readBatch();
            case MdRecordFormat.SNAPSHOT -> readSnapshot();
            case MdRecordFormat.END -> {
                long r = varint();
                long e = varint();
                if (r != records || e != events) {
                    throw error("END says " + r + " records, " + e + " events; read " + records + " and " + events);
                }
                ended = true;
                return END_OF_FILE;
            }
            default -> throw error("unknown record type " + type);
        }
        records++;
        return type;
    }

    private void readBatch() throws IOException {
        dtNs = varint();
        venueIndex = count(venues.size() - 1);
        size = count(1 << 20);
        if (size > kinds.length) {
            int n = Integer.highestOneBit(size) << 1;
            kinds = new byte[n];
            sides = new byte[n];
            instrumentIds = new int[n];
            prices = new long[n];
            qtys = new long[n];
            seqs = new long[n];
        }
        for (int i = 0; i < size; i++) {
            int flags = readByte();
            if ((flags & ~3) != 0) {
                throw error("bad event flags " + flags + " in event " + i);
            }
            kinds[i] = (byte) (flags & 1);
            sides[i] = (byte) (flags >>> 1);
            int id = count(lastPrice.length - 1);
            instrumentIds[i] = id;
            prices[i] = lastPrice[id] + MdRecordFormat.unzigzag(varint());
            qtys[i] = varint();
            seqs[i] = lastSeq[id] + 1 + MdRecordFormat.unzigzag(varint());
            lastPrice[id] = prices[i];
            lastSeq[id] = seqs[i];
        }
        events += size;
    }

    private void readSnapshot() throws IOException {
        dtNs = varint();
        venueIndex = count(venues.size() - 1);
        int id = count(lastPrice.length - 1);
        long seq = MdRecordFormat.unzigzag(varint());
        int bids = count(1 << 24);
        int asks = count(1 << 24);
        long[] bp = new long[bids];
        long[] bq = new long[bids];
        long[] ap = new long[asks];
        long[] aq = new long[asks];
        levels(id, bp, bq);
        levels(id, ap, aq);
        lastSeq[id] = seq;
        snapshot = new BookSnapshot(id, seq, bp, bq, ap, aq, 0L);
        size = 1;
        events++;
    }

    private void levels(int id, long[] p, long[] q) throws IOException {
        for (int i = 0; i < p.length; i++) {
            p[i] = lastPrice[id] + MdRecordFormat.unzigzag(varint());
            q[i] = varint();
            lastPrice[id] = p[i];
        }
    }

    /** Nanoseconds between the previous record's ingestion and this one's. */
    public long dtNs() {
        return dtNs;
    }

    /** The recording run's venue index of this record (an index into {@link #venues()}). */
    public int venueIndex() {
        return venueIndex;
    }

    /** Events in this batch. */
    public int size() {
        return size;
    }

    public boolean isTrade(int i) {
        return kinds[i] == 1;
    }

    /** {@link io.rialto.core.domain.Side} ordinal of event {@code i}. */
    public int side(int i) {
        return sides[i];
    }

    public int instrumentId(int i) {
        return instrumentIds[i];
    }

    public long priceTicks(int i) {
        return prices[i];
    }

    public long qtyLots(int i) {
        return qtys[i];
    }

    public long seq(int i) {
        return seqs[i];
    }

    /** The snapshot just read (its instrument id is the recording's). */
    public BookSnapshot snapshot() {
        return snapshot;
    }

    /** The batch just read, as a new {@link MdBatch} of its own arrays (not yet stamped). */
    public MdBatch batch() {
        return new MdBatch(venueIndex, size, Arrays.copyOf(kinds, size), Arrays.copyOf(instrumentIds, size),
                Arrays.copyOf(sides, size), Arrays.copyOf(prices, size), Arrays.copyOf(qtys, size),
                Arrays.copyOf(seqs, size), 0L);
    }

    /** True when every byte the input has delivered so far has been read. */
    boolean drained() {
        return pos == limit;
    }

    /** Records read so far (the number of the current record, from 1). */
    public long records() {
        return records;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private MdRecordException error(String what) {
        return new MdRecordException(source + ": record " + (records + 1) + " at byte " + (consumed + pos) + ": "
                + what);
    }

    private boolean peekEof() throws IOException {
        return pos == limit && !fill();
    }

    private boolean fill() throws IOException {
        consumed += limit;
        pos = 0;
        limit = 0;
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        limit = n;
        return true;
    }

    private int readByte() throws IOException {
        if (pos == limit && !fill()) {
            throw error("cut short: end of file inside a record (the recording run did not finish)");
        }
        return buf[pos++] & 0xFF;
    }

    private long varint() throws IOException {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw error("varint longer than 10 bytes");
    }

    private int count(int max) throws IOException {
        long v = varint();
        if (v < 0 || v > max) {
            throw error("value " + v + " out of range [0, " + max + "]");
        }
        return (int) v;
    }

    private String string() throws IOException {
        int n = count(1 << 16);
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) readByte();
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    private BigDecimal decimal() throws IOException {
        String s = string();
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw error("bad decimal '" + s + "'");
        }
    }
}
