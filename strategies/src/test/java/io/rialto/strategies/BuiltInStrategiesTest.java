package io.rialto.strategies;

import io.rialto.core.spi.ParamSpec;
import io.rialto.core.spi.StrategyFactory;
import io.rialto.core.spi.StrategyParams;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the platform sees of the built-ins: their names through ServiceLoader and their parameters. */
class BuiltInStrategiesTest {
    private static final List<String> NAMES =
            List.of("market-maker", "momentum", "mean-reversion", "imbalance-taker", "cross-venue-arbitrage");

    private static List<StrategyFactory> factories() {
        return ServiceLoader.load(StrategyFactory.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    @Test
    void shouldRegisterTheFiveBuiltInsUnderTheirNames() {
        assertEquals(NAMES, factories().stream().map(StrategyFactory::name).toList());
    }

    @Test
    void shouldCreateEachBuiltInWithItsDefaults() {
        for (StrategyFactory factory : factories()) {
            assertNotNull(factory.create(StrategyParams.of(factory.params(), Map.of())), factory.name());
            for (ParamSpec spec : factory.params()) {
                assertTrue(!spec.description().isBlank(), factory.name() + " " + spec.name());
            }
        }
    }

    @Test
    void shouldNameTheParameterWhenQtyIsZero() {
        for (StrategyFactory factory : factories()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> StrategyParams.of(factory.params(), Map.of("qty", 0)), factory.name());
            assertTrue(e.getMessage().contains("'qty'"), factory.name() + ": " + e.getMessage());
        }
    }

    @Test
    void shouldNameAnUnknownParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StrategyParams.of(new MeanReversion.Factory().params(), Map.of("widht-sigmas", 2.0)));
        assertTrue(e.getMessage().contains("'widht-sigmas'"), e.getMessage());
    }

    @Test
    void shouldRefuseAFastPeriodNotBelowTheSlowOne() {
        Momentum.Factory factory = new Momentum.Factory();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> factory.validate(
                StrategyParams.of(factory.params(), Map.of("fast-period", 26, "slow-period", 26))));
        assertTrue(e.getMessage().contains("'fast-period'"), e.getMessage());
    }
}
