package io.rialto.core.kernel;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReconnectBackoffTest {

    private static VenueSessionSettings settings(double jitter) {
        return new VenueSessionSettings(new VenueSession.BreakerSettings(5, Duration.ofSeconds(2),
                Duration.ofSeconds(5)), Duration.ofMillis(100), Duration.ofSeconds(1), 2.0, jitter,
                Duration.ofSeconds(1), Duration.ofSeconds(5), 1024);
    }

    @Test
    void shouldGrowByTheMultiplierUpToTheMaximumAndStartOverAfterAReset() {
        ReconnectBackoff backoff = new ReconnectBackoff(settings(0), 1);
        long[] ms = new long[6];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = backoff.nextDelayNs() / 1_000_000;
        }
        assertEquals(100, ms[0]);
        assertEquals(200, ms[1]);
        assertEquals(400, ms[2]);
        assertEquals(800, ms[3]);
        assertEquals(1000, ms[4], "capped");
        assertEquals(1000, ms[5]);
        assertEquals(6, backoff.attempts());
        backoff.reset();
        assertEquals(100, backoff.nextDelayNs() / 1_000_000);
    }

    @Test
    void shouldMoveEachDelayByAtMostTheJitterAndTheSameWayForTheSameSeed() {
        ReconnectBackoff a = new ReconnectBackoff(settings(0.2), 42);
        ReconnectBackoff b = new ReconnectBackoff(settings(0.2), 42);
        boolean moved = false;
        for (int i = 0; i < 50; i++) {
            double base = Math.min(1e9, 1e8 * Math.pow(2, i));
            long d = a.nextDelayNs();
            assertEquals(d, b.nextDelayNs(), "deterministic for a seed");
            assertTrue(d >= base * 0.8 && d <= base * 1.2, "delay " + d + " within 20% of " + base);
            moved |= d != (long) base;
        }
        assertTrue(moved, "jitter moves delays");
    }
}
