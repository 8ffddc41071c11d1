package io.rialto.core.kernel;

import java.time.Duration;

/**
 * Settings of every venue session, from {@code rialto.venue-session} (validated in {@code RialtoSettings}).
 *
 * @param breaker            the circuit breaker; its call timeout is also how long an order may wait for its
 *                           acknowledgement, and a cancel or modify for its answer, before the session reconciles
 * @param initialBackoff     first delay before reconnecting after the venue dropped the connection
 * @param maxBackoff         the delay doubles (by {@code backoffMultiplier}) up to this
 * @param backoffJitter      each delay moves at random by up to this share of itself (0 to 1)
 * @param reconcileInterval  how often a connected session asks the venue for its open orders (catches lost reports)
 * @param feedStaleAfter     no market data from the venue for this long is a stale feed (logged, counted)
 * @param endedOrderMemory   ended orders remembered, so that their late or repeated reports are known as stale
 */
public record VenueSessionSettings(VenueSession.BreakerSettings breaker, Duration initialBackoff, Duration maxBackoff,
                                   double backoffMultiplier, double backoffJitter, Duration reconcileInterval,
                                   Duration feedStaleAfter, int endedOrderMemory) {

    /** The same settings with another circuit breaker. */
    public VenueSessionSettings withBreaker(VenueSession.BreakerSettings b) {
        return new VenueSessionSettings(b, initialBackoff, maxBackoff, backoffMultiplier, backoffJitter,
                reconcileInterval, feedStaleAfter, endedOrderMemory);
    }
}
