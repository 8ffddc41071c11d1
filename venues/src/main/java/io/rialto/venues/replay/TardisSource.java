package io.rialto.venues.replay;

import io.rialto.core.domain.Instrument;
import io.rialto.core.domain.InstrumentRegistry;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeSet;

/**
 * Tardis.dev CSV files ({@code incremental_book_L2} and {@code trades}, any number of exchanges, symbols and
 * days) merged into one stream in {@code local_timestamp} order; at the same timestamp trades come before book
 * changes (so a trade is seen before the level it emptied shrinks), then files in name order. One venue per
 * exchange, one instrument per exchange and symbol. Tick and lot size are inferred from the most decimals in
 * the first {@code inferRows} rows of the instrument's files; {@code rialto.instruments} overrides them.
 */
final class TardisSource implements ReplaySource {
    private final String description;
    private final List<TardisFileName> files;
    private final int[] instrumentOfFile;
    private final List<String> venues;
    private final List<InstrumentRegistry.Listing> listings;
    private final BadRows badRows;
    private final List<TardisFile> open = new ArrayList<>();
    private final PriorityQueue<TardisFile> heap = new PriorityQueue<>(
            Comparator.comparingLong((TardisFile f) -> f.head.timeNs).thenComparingInt(f -> f.rank));

    /** Reads the file names and infers reference data; files are opened by {@link #start}. */
    TardisSource(String description, List<TardisFileName> files, int inferRows, long maxQtyLots, BadRows badRows)
            throws IOException {
        this.description = description;
        this.files = List.copyOf(files);
        this.badRows = badRows;
        TreeSet<String> exchanges = new TreeSet<>();
        Map<String, int[]> decimalsByInstrument = new LinkedHashMap<>();
        this.instrumentOfFile = new int[files.size()];
        for (TardisFileName f : files) {
            exchanges.add(f.exchange());
            int[] d = TardisFile.inferDecimals(f, inferRows);
            decimalsByInstrument.merge(f.exchange() + ":" + f.symbol(), d,
                    (a, b) -> new int[] {Math.max(a[0], b[0]), Math.max(a[1], b[1])});
        }
        this.venues = List.copyOf(exchanges);
        List<String> keys = new ArrayList<>(decimalsByInstrument.keySet());
        this.listings = new ArrayList<>();
        for (String key : keys) {
            int[] d = decimalsByInstrument.get(key);
            int colon = key.indexOf(':');
            listings.add(new InstrumentRegistry.Listing(key.substring(0, colon), key.substring(colon + 1),
                    DecimalScale.stepOf(d[0]), DecimalScale.stepOf(d[1]), 1, maxQtyLots));
        }
        for (int i = 0; i < files.size(); i++) {
            instrumentOfFile[i] = keys.indexOf(files.get(i).exchange() + ":" + files.get(i).symbol());
        }
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<String> venues() {
        return venues;
    }

    @Override
    public List<InstrumentRegistry.Listing> listings() {
        return listings;
    }

    @Override
    public boolean hasSequenceNumbers() {
        return false;
    }

    @Override
    public void start(Instrument[] instruments) throws IOException {
        for (int i = 0; i < files.size(); i++) {
            Instrument instrument = instruments[instrumentOfFile[i]];
            TardisFile file = new TardisFile(files.get(i), i, instrumentOfFile[i],
                    new DecimalScale(instrument.tickSize()), new DecimalScale(instrument.lotSize()), badRows);
            open.add(file);
            if (file.advance()) {
                heap.add(file);
            }
        }
    }

    @Override
    public boolean next(ReplayEvent into) throws IOException {
        TardisFile first = heap.poll();
        if (first == null) {
            return false;
        }
        into.copyFrom(first.head);
        if (first.advance()) {
            heap.add(first);
        }
        return true;
    }

    /** Rows of incremental_book_L2 files before their first snapshot, skipped as Tardis advises. */
    long skippedBeforeSnapshot() {
        return open.stream().mapToLong(TardisFile::skippedBeforeSnapshot).sum();
    }

    long rows() {
        return open.stream().mapToLong(TardisFile::rows).sum();
    }

    @Override
    public void close() throws IOException {
        for (TardisFile f : open) {
            f.close();
        }
    }
}
