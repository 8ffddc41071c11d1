package io.rialto.core.spi;

import com.typesafe.config.Config;
import io.rialto.core.domain.InstrumentRegistry;

/**
 * Supplies the platform's {@link RiskCheck}. Found through {@link java.util.ServiceLoader}; with no
 * provider on the class path the platform refuses to trade.
 */
public interface RiskProvider {

    String name();

    /**
     * Reads the provider's settings from {@code config} (the whole resolved configuration; the
     * provider reads its own keys, validates them and throws {@link IllegalArgumentException} naming
     * the bad key) and makes the engine.
     */
    RiskCheck create(Config config, InstrumentRegistry instruments);
}
