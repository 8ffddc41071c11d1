package io.rialto.venues.ws;

import com.typesafe.config.Config;
import io.rialto.core.config.ConfigError;
import io.rialto.core.config.Settings;
import org.apache.pekko.event.Logging;
import org.apache.pekko.stream.RestartSettings;

import java.time.Duration;

/**
 * How a WebSocket feed client reconnects a lost connection, from {@code rialto.sim.websocket-reconnect}: waits
 * from {@code minBackoff}, doubling up to {@code maxBackoff} (plus up to 20 % jitter), and gives up, failing the
 * feed, after more than {@code maxRestarts} losses within {@code maxRestartsWithin}.
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

    RestartSettings restartSettings() {
        // WebSocketFeedVenue logs each loss in a line that names the venue; Pekko's own line would repeat it
        return RestartSettings.create(minBackoff, maxBackoff, JITTER).withMaxRestarts(maxRestarts, maxRestartsWithin)
                .withLogSettings(RestartSettings.createLogSettings(Logging.DebugLevel()));
    }
}
