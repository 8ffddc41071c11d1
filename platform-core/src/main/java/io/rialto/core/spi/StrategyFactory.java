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

    /**
     * Checks relations between parameters that the {@link ParamSpec} ranges cannot express (for example
     * fast period below slow period). Called once when the strategy is declared, before any instance is made;
     * throws {@link IllegalArgumentException} naming the parameters, and the platform exits 2 naming the
     * strategy.
     */
    default void validate(StrategyParams params) {
    }

    /** A fresh instance; called again on every restart so that state starts clean. */
    Strategy create(StrategyParams params);
}
