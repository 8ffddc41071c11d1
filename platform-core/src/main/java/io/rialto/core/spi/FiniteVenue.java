package io.rialto.core.spi;

import java.util.concurrent.CompletionStage;

/**
 * A {@link VenueAdapter} whose market data ends by itself: a replay of recorded data. When every venue of a
 * run is finite, the run ends when the last of them has ended (after its feed drains), with its normal
 * summary.
 *
 * <p>Threading: both methods may be called from any thread.
 */
public interface FiniteVenue {

    /** Completes once the venue has handed its last market-data element to its source. */
    CompletionStage<Void> ended();

    /** Input rows the venue refused as malformed (each counted; the first few logged with file and line). */
    long badRows();

    /** True when the replay stopped at a bad row (per its configuration) instead of at the end of its data. */
    boolean stoppedOnBadRow();
}
