package io.rialto.core.spi;

import io.rialto.core.domain.ExecutionReport;
import io.rialto.core.domain.InstrumentRegistry;
import org.apache.pekko.actor.typed.ActorSystem;

import java.util.function.Consumer;

/**
 * What the platform hands a venue adapter when it connects.
 *
 * @param venueIndex  the venue's dense index in {@code instruments}
 * @param executions  where every execution report goes; thread-safe, never blocks
 */
public record VenueContext(ActorSystem<?> system, InstrumentRegistry instruments, int venueIndex,
                           Consumer<ExecutionReport> executions) {
}
