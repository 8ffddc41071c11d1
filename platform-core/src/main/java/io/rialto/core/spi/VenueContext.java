package io.rialto.core.spi;

import io.rialto.core.domain.ExecutionReport;
import io.rialto.core.domain.InstrumentRegistry;
import org.apache.pekko.actor.typed.ActorSystem;

import java.util.function.Consumer;

/**
 * What the platform hands a venue adapter when it connects.
 *
 * @param venueIndex      the venue's dense index in {@code instruments}
 * @param executions      where every execution report goes; thread-safe, never blocks
 * @param connectionLost  called by the adapter when the venue dropped the order-entry connection, with why;
 *                        thread-safe, never blocks. Reports delivered before it are processed before it.
 */
public record VenueContext(ActorSystem<?> system, InstrumentRegistry instruments, int venueIndex,
                           Consumer<ExecutionReport> executions, Consumer<String> connectionLost) {

    /** A context whose adapter never reports a lost connection. */
    public VenueContext(ActorSystem<?> system, InstrumentRegistry instruments, int venueIndex,
                        Consumer<ExecutionReport> executions) {
        this(system, instruments, venueIndex, executions, reason -> { });
    }
}
