package io.rialto.venues.replay;

import io.rialto.core.domain.Instrument;
import io.rialto.core.domain.InstrumentRegistry;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Where a replay's events come from, read as a stream (never a whole file in memory): a platform recording
 * or Tardis CSV files.
 *
 * <p>Threading: single-threaded; the replay's exchange actor reads it.
 */
interface ReplaySource extends Closeable {

    /** What is replayed, for messages. */
    String description();

    /** The venues, in order. */
    List<String> venues();

    /** The instruments with the reference data the source knows; events name them by index in this list. */
    List<InstrumentRegistry.Listing> listings();

    /**
     * True when events carry the venue's sequence numbers (a recording, replayed exactly as it was ingested);
     * false when the replay numbers them and keeps the books uncrossed itself (Tardis).
     */
    boolean hasSequenceNumbers();

    /** Called once before the first {@link #next}: each listing as the platform's registry finally has it. */
    void start(Instrument[] instruments) throws IOException;

    /**
     * Reads the next event into {@code into}; false at the end of the data. A malformed row is reported to
     * the replay's {@link BadRows} (which may end the replay by throwing) and skipped.
     */
    boolean next(ReplayEvent into) throws IOException;
}
