package io.rialto.core.kernel;

import io.rialto.core.config.RialtoSettings.StrategyDeclaration;
import io.rialto.core.spi.StrategyFactory;
import io.rialto.core.spi.StrategyParams;

import java.util.List;

/**
 * A strategy instance as the platform runs it: validated parameters and resolved symbols.
 *
 * @param index   dense index of the instance (the high bits of its client order ids)
 * @param symbols     symbol indexes it subscribes to
 * @param declaration what it was made from (to start it again, for example after a plug-in redeploy)
 */
public record StrategySpec(int index, String id, String kind, String account, StrategyFactory factory,
                           StrategyParams params, List<Integer> symbols, StrategyDeclaration declaration) {
}
