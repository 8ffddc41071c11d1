package io.rialto.core.kernel;

import java.util.SplittableRandom;

/**
 * Delays between reconnection attempts: {@code initial x multiplier^attempt}, capped at {@code max}, each moved
 * at random by up to {@code ± jitter} of itself so that venues that dropped together do not retry together.
 * Deterministic for a seed. Plain single-threaded: owned by one {@link VenueSession}.
 */
final class ReconnectBackoff {
    private final long initialNs;
    private final long maxNs;
    private final double multiplier;
    private final double jitter;
    private final SplittableRandom random;
    private int attempts;

    ReconnectBackoff(VenueSessionSettings settings, long seed) {
        this.initialNs = settings.initialBackoff().toNanos();
        this.maxNs = settings.maxBackoff().toNanos();
        this.multiplier = settings.backoffMultiplier();
        this.jitter = settings.backoffJitter();
        this.random = new SplittableRandom(seed);
    }

    /** The delay before the next attempt; counts the attempt. */
    long nextDelayNs() {
        double base = Math.min(maxNs, initialNs * Math.pow(multiplier, Math.min(attempts, 64)));
        attempts++;
        double factor = 1 + jitter * (2 * random.nextDouble() - 1);
        return Math.max(1, (long) (base * factor));
    }

    /** Connected again: the next outage starts from the initial delay. */
    void reset() {
        attempts = 0;
    }

    int attempts() {
        return attempts;
    }
}
