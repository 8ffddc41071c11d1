package io.rialto.core.config;

/**
 * A configuration value or option that is wrong. The message names the key and where it came from
 * (file and line, or the command-line option); the launcher prints it and exits 2.
 */
public final class ConfigError extends RuntimeException {
    public ConfigError(String message) {
        super(message);
    }

    public ConfigError(String message, Throwable cause) {
        super(message, cause);
    }
}
