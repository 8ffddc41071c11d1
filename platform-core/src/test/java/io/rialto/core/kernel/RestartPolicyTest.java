package io.rialto.core.kernel;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RestartPolicyTest {
    private static final long MS = 1_000_000L;
    private final RestartPolicy policy = new RestartPolicy(new RestartPolicy.Settings(4, Duration.ofSeconds(10),
            Duration.ofMillis(100), Duration.ofMillis(250), true));

    @Test
    void shouldDoubleTheBackoffUpToItsMaximumAndStopAtTheLimit() {
        assertEquals(100 * MS, policy.onFailure(0));
        assertEquals(200 * MS, policy.onFailure(1_000 * MS));
        assertEquals(250 * MS, policy.onFailure(2_000 * MS), "capped at max-backoff");
        assertEquals(RestartPolicy.STOP, policy.onFailure(3_000 * MS), "the fourth failure within 10 s stops it");
    }

    @Test
    void shouldForgetFailuresOlderThanTheWindow() {
        policy.onFailure(0);
        policy.onFailure(1_000 * MS);
        policy.onFailure(2_000 * MS);
        assertEquals(200 * MS, policy.onFailure(11_500 * MS), "2.0 s and 11.5 s are within 10 s of each other");
        assertEquals(250 * MS, policy.onFailure(11_800 * MS), "three within the window: 400 ms, capped");
        assertEquals(RestartPolicy.STOP, policy.onFailure(11_900 * MS), "the fourth within the window stops");
    }
}
