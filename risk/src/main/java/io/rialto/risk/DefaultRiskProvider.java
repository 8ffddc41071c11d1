package io.rialto.risk;

import com.typesafe.config.Config;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.spi.RiskCheck;
import io.rialto.core.spi.RiskProvider;

/** Registers {@link RiskEngine} with the platform through ServiceLoader; the engine runs on {@code System::nanoTime}. */
public final class DefaultRiskProvider implements RiskProvider {

    @Override
    public String name() {
        return "default";
    }

    @Override
    public RiskCheck create(Config config, InstrumentRegistry instruments) {
        return new RiskEngine(RiskSettings.create(config), instruments, System::nanoTime);
    }
}
