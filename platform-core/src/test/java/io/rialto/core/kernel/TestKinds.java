package io.rialto.core.kernel;

import io.rialto.core.spi.ParamSpec;
import io.rialto.core.spi.Strategy;
import io.rialto.core.spi.StrategyFactory;
import io.rialto.core.spi.StrategyParams;

import java.util.List;
import java.util.function.Supplier;

/** Strategy kinds for kernel tests. */
final class TestKinds {
    private TestKinds() {
    }

    /** A kind without parameters whose instances {@code make} creates (a fresh one on every restart). */
    static StrategyFactory kind(String name, Supplier<Strategy> make) {
        return new StrategyFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return "test kind " + name;
            }

            @Override
            public List<ParamSpec> params() {
                return List.of();
            }

            @Override
            public Strategy create(StrategyParams params) {
                return make.get();
            }
        };
    }
}
