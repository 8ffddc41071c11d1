package io.rialto.venues.ws;

import com.typesafe.config.Config;
import io.rialto.core.config.ConfigError;
import io.rialto.core.config.Settings;
import org.apache.pekko.event.Logging;
import org.apache.pekko.stream.RestartSettings;

import java.time.Duration;
import java.util.ArrayDeque;

/**
 * How a WebSocket feed client reconnects a lost connection, from {@code rialto.sim.websocket-reconnect}: waits
 * from {@code minBackoff}, doubling up to {@code maxBackoff} (plus up to 20 % jitter) while losses follow each other
 * within {@code maxBackoff}, and gives up, failing the feed, at more than {@code maxRestarts} losses within any
 * {@code maxRestartsWithin}.
 */
public record WebSocketReconnect(Duration minBackoff, Duration maxBackoff, int maxRestarts,
                                 Duration maxRestartsWithin) {
    private static final double JITTER = 0.2;

    /** Reads {@code websocket-reconnect} under {@code sim} ({@code rialto.sim}). */
    public static WebSocketReconnect create(Config sim) {
        Config c = Settings.read(() -> sim.getConfig("websocket-reconnect"));
        Duration min = Settings.positiveDuration(c, "min-backoff");
        Duration max = Settings.positiveDuration(c, "max-backoff");
        if (max.compareTo(min) < 0) {
            throw new ConfigError(Settings.where(c, "max-backoff") + ": rialto.sim.websocket-reconnect.max-backoff "
                    + max + " is below min-backoff " + min);
        }
        return new WebSocketReconnect(min, max, Settings.intIn(c, "max-restarts", 0, 1_000_000),
                Settings.positiveDuration(c, "max-restarts-within"));
    }

    /**
     * Pekko's restart count is not a sliding window (it only resets after a whole window without a restart), so the
     * limit is {@link #allowsAnother}'s; Pekko's window only resets the backoff: a connection that lasted longer than
     * {@code maxBackoff} is followed by the shortest wait again.
     */
    RestartSettings restartSettings() {
        // WebSocketFeedVenue logs each loss in a line that names the venue; Pekko's own line would repeat it
        return RestartSettings.create(minBackoff, maxBackoff, JITTER).withMaxRestarts(Integer.MAX_VALUE, maxBackoff)
                .withLogSettings(RestartSettings.createLogSettings(Logging.DebugLevel()));
    }

    /**
     * Notes a loss at {@code nowNs} in {@code losses} (the times of the earlier ones) and says whether reconnecting
     * is still allowed: no more than {@code maxRestarts} losses within any {@code maxRestartsWithin}.
     */
    boolean allowsAnother(ArrayDeque<Long> losses, long nowNs) {
        losses.addLast(nowNs);
        while (nowNs - losses.peekFirst() > maxRestartsWithin.toNanos()) {
            losses.removeFirst();
        }
        return losses.size() <= maxRestarts;
    }
}
