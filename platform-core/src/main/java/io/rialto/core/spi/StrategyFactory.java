package io.rialto.core.spi;

import java.util.List;

/**
 * Makes instances of one kind of strategy. Found through {@link java.util.ServiceLoader}: list the
 * implementation in {@code META-INF/services/io.rialto.core.spi.StrategyFactory} of your JAR.
 */
public interface StrategyFactory {

    /** The kind's name, as strategies are declared in config ({@code kind = "market-maker"}). */
    String name();

    String description();

    List<ParamSpec> params();

    /** A fresh instance; called again on every restart so that state starts clean. */
    Strategy create(StrategyParams params);
}
