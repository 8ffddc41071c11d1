package io.rialto.core.record;

/**
 * The platform's market-data recording format, version 1: everything a run ingested, in the order it was
 * ingested, with what is needed to rebuild the instrument registry. One file, {@code recording.rmd}, in the
 * recording directory. All integers are unsigned LEB128 varints unless noted; signed values are zigzag
 * varints ({@code (v << 1) ^ (v >> 63)}); strings are a varint byte length and UTF-8 bytes.
 * <pre>
 * header   magic "RIALTOMD" (8 bytes) | version u16 big-endian (= 1) | flags u16 (= 0)
 *          | start wall clock, ms since the epoch (varint)
 *          | venues: count, then each venue name (string), in registry order
 *          | instruments: count, then each: venue index, symbol, tick size (string), lot size (string),
 *            min qty lots, max qty lots    -- the registry of the recording run, overrides applied; an
 *                                             instrument's id is its position in this list
 * records  one type byte, then:
 *   BATCH    (1) dt ns | venue index | n | n events, each:
 *                kind-and-side byte (bit 0: 0 depth, 1 trade; bit 1: side, 0 buy/bid, 1 sell/ask)
 *                | instrument id | price ticks - previous price of the instrument (zigzag)
 *                | qty lots | seq - previous seq of the instrument - 1 (zigzag)
 *   SNAPSHOT (2) dt ns | venue index | instrument id | seq (zigzag) | bid levels | ask levels
 *                | each bid, then each ask, best first: price - previous price (zigzag) | qty lots
 *   END      (3) records before it | events before it
 * </pre>
 * {@code dt} is the time since the previous record (the first record: since the recording started), measured
 * with {@code System.nanoTime()} as each element entered the platform; a replay at speed 1 reproduces it.
 * "Previous price" and "previous seq" start at 0 and -1 per instrument and are updated by every event and
 * snapshot level of the instrument, in file order. A file without END was cut short (the process was killed);
 * a reader reports that as a bad record.
 */
public final class MdRecordFormat {
    public static final String FILE_NAME = "recording.rmd";
    public static final byte[] MAGIC = {'R', 'I', 'A', 'L', 'T', 'O', 'M', 'D'};
    public static final int VERSION = 1;

    public static final int BATCH = 1;
    public static final int SNAPSHOT = 2;
    public static final int END = 3;

    private MdRecordFormat() {
    }

    static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }
}
