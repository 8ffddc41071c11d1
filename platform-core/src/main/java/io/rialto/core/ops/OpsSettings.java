package io.rialto.core.ops;

import com.typesafe.config.Config;
import io.rialto.core.config.ConfigError;
import io.rialto.core.config.Settings;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.function.Function;

/**
 * The {@code rialto.ops} block, read once and validated.
 *
 * @param token the bearer token, or {@code null} when none is configured (loopback only)
 */
public record OpsSettings(boolean enabled, String host, int port, String token, long maxUploadBytes,
                          Duration requestTimeout) {

    /** The environment variable that supplies the token when {@code rialto.ops.token} is empty. */
    public static final String TOKEN_ENV = "RIALTO_OPS_TOKEN";

    public static OpsSettings create(Config config) {
        return create(config, System::getenv);
    }

    /** Reads the settings; {@code env} looks up environment variables (injected by tests). */
    public static OpsSettings create(Config config, Function<String, String> env) {
        Config o = Settings.read(() -> config.getConfig("rialto.ops"));
        boolean enabled = Settings.bool(o, "enabled");
        String host = Settings.string(o, "host");
        int port = Settings.intIn(o, "port", 0, 65535);
        String token = Settings.string(o, "token");
        if (token.isBlank()) {
            token = env.apply(TOKEN_ENV);
        }
        if (token != null && token.isBlank()) {
            token = null;
        }
        long maxUpload = Settings.read(() -> o.getBytes("max-upload-size"));
        if (maxUpload <= 0) {
            throw Settings.outOfRange(o, "max-upload-size", maxUpload, "a positive size");
        }
        Duration timeout = Settings.positiveDuration(o, "request-timeout");
        if (enabled && token == null && !isLoopback(host)) {
            throw new ConfigError(Settings.where(o, "host") + ": rialto.ops.host = " + host
                    + " is not a loopback address: set rialto.ops.token or " + TOKEN_ENV
                    + " before exposing the operations API");
        }
        return new OpsSettings(enabled, host, port, token, maxUpload, timeout);
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new ConfigError("rialto.ops.host = " + host + ": unknown host");
        }
    }

    /** The same settings with another port ({@code --ops-port}). */
    public OpsSettings withPort(int newPort) {
        return new OpsSettings(enabled, host, newPort, token, maxUploadBytes, requestTimeout);
    }

    @Override
    public String toString() { // never print the token
        return "OpsSettings[enabled=" + enabled + ", host=" + host + ", port=" + port + ", token="
                + (token == null ? "none" : "set") + "]";
    }
}
