package io.rialto.venues.replay;

import io.rialto.core.domain.BookSnapshot;
import io.rialto.core.domain.Instrument;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.Side;
import io.rialto.core.record.MdRecordException;
import io.rialto.core.record.MdRecordFormat;
import io.rialto.core.record.MdRecordReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A platform recording ({@code rialto run --record DIR}) read back event by event, with the recorded sequence
 * numbers, so that the books end exactly as they did in the recording run. Times are the recording start plus
 * the recorded gaps between elements. A damaged or cut-short file ends the data at the last good record and
 * counts one bad row naming the record and byte offset.
 */
final class RecordingSource implements ReplaySource {
    private final MdRecordReader reader;
    private final BadRows badRows;
    private long timeNs;
    private int record = MdRecordReader.END_OF_FILE;
    private int index;

    RecordingSource(Path file, BadRows badRows) throws IOException {
        this.reader = MdRecordReader.open(file);
        this.badRows = badRows;
        this.timeNs = reader.startEpochMs() * 1_000_000L;
    }

    @Override
    public String description() {
        return "recording " + reader.file();
    }

    @Override
    public List<String> venues() {
        return reader.venues();
    }

    @Override
    public List<InstrumentRegistry.Listing> listings() {
        return reader.listings();
    }

    @Override
    public boolean hasSequenceNumbers() {
        return true;
    }

    @Override
    public void start(Instrument[] instruments) {
        // prices and quantities are recorded in the instruments' own ticks and lots, checked equal at start-up
    }

    @Override
    public boolean next(ReplayEvent into) throws IOException {
        while (record != MdRecordFormat.BATCH || index == reader.size()) {
            try {
                record = reader.next();
            } catch (MdRecordException e) {
                record = MdRecordReader.END_OF_FILE;
                badRows.report(e.getMessage(), "the rest of the recording cannot be read");
                return false;
            }
            if (record == MdRecordReader.END_OF_FILE) {
                return false;
            }
            timeNs += reader.dtNs();
            index = 0;
            if (record == MdRecordFormat.SNAPSHOT) {
                BookSnapshot s = reader.snapshot();
                into.kind = ReplayEvent.SNAPSHOT;
                into.instrument = s.instrumentId();
                into.timeNs = timeNs;
                into.side = null;
                into.seq = s.seq();
                into.bidPrices = s.bidPricesTicks();
                into.bidQtys = s.bidQtysLots();
                into.askPrices = s.askPricesTicks();
                into.askQtys = s.askQtysLots();
                return true;
            }
        }
        int i = index++;
        into.kind = reader.isTrade(i) ? ReplayEvent.TRADE : ReplayEvent.DEPTH;
        into.instrument = reader.instrumentId(i);
        into.timeNs = timeNs;
        into.side = Side.ofOrdinal(reader.side(i));
        into.priceTicks = reader.priceTicks(i);
        into.qtyLots = reader.qtyLots(i);
        into.seq = reader.seq(i);
        return true;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
