package io.rialto.core.spi;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A {@link StrategyFactory} made of its parts. Subclass it with a public no-argument constructor (what
 * {@link java.util.ServiceLoader} needs):
 * <pre>
 *   public static final class Factory extends BasicStrategyFactory {
 *       public Factory() {
 *           super("buy-the-dip", "buys when the book leans to the bid",
 *                   List.of(ParamSpec.ofLong("qty", 1, 1, 100, "lots per order")), BuyTheDip::new);
 *       }
 *   }
 * </pre>
 */
public abstract class BasicStrategyFactory implements StrategyFactory {
    private final String name;
    private final String description;
    private final List<ParamSpec> params;
    private final Consumer<StrategyParams> validate;
    private final Function<StrategyParams, Strategy> create;

    protected BasicStrategyFactory(String name, String description, List<ParamSpec> params,
                                   Function<StrategyParams, Strategy> create) {
        this(name, description, params, p -> { }, create);
    }

    /** @param validate checks relations between parameters; throws IllegalArgumentException naming them */
    protected BasicStrategyFactory(String name, String description, List<ParamSpec> params,
                                   Consumer<StrategyParams> validate, Function<StrategyParams, Strategy> create) {
        this.name = name;
        this.description = description;
        this.params = List.copyOf(params);
        this.validate = validate;
        this.create = create;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<ParamSpec> params() {
        return params;
    }

    @Override
    public final void validate(StrategyParams p) {
        validate.accept(p);
    }

    @Override
    public final Strategy create(StrategyParams p) {
        return create.apply(p);
    }
}
