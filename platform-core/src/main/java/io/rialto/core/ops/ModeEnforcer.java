package io.rialto.core.ops;

import io.rialto.core.domain.RiskScope;
import io.rialto.core.domain.TradingState;
import io.rialto.core.kernel.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies health modes to the order path through the risk engine's firm-wide trading state:
 * <ul>
 *   <li>EMERGENCY: firm-wide REDUCING — only cancels and orders that reduce a position pass;</li>
 *   <li>SAFE: the global kill switch — every open order cancelled, the firm HALTED;</li>
 *   <li>back to FULL or REDUCED from either: the firm ACTIVE again.</li>
 * </ul>
 * and, in every mode but FULL, the cold tier throttled: strategies on cold symbols get their book updates at
 * most once per {@code rialto.dispatch.cold-throttle-interval} (REDUCED changes no trading state; the operations
 * API refuses new strategies in any mode but FULL).
 * Called on the health monitor's thread; the platform's operations are messages, so nothing blocks.
 */
public final class ModeEnforcer implements HealthEngine.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(ModeEnforcer.class);
    private static final String WHO = "health-monitor";

    /** What the enforcer needs of the platform (tests supply their own). */
    public interface Controls {
        void setTradingState(TradingState state, String reason);

        void killSwitch(String reason);

        void throttleColdTier(boolean on);
    }

    private final Controls controls;

    public ModeEnforcer(Controls controls) {
        this.controls = controls;
    }

    /** Enforcing on a running platform. */
    public static ModeEnforcer of(Platform platform) {
        return new ModeEnforcer(new Controls() {
            @Override
            public void setTradingState(TradingState state, String reason) {
                platform.setTradingState(RiskScope.GLOBAL, null, state, WHO, reason);
            }

            @Override
            public void killSwitch(String reason) {
                platform.killSwitch(RiskScope.GLOBAL, null, WHO, reason);
            }

            @Override
            public void throttleColdTier(boolean on) {
                platform.throttleColdTier(on);
            }
        });
    }

    @Override
    public void onModeChange(HealthMode from, HealthMode to, String why) {
        if ((from == HealthMode.FULL) != (to == HealthMode.FULL)) {
            controls.throttleColdTier(to != HealthMode.FULL);
        }
        switch (to) {
            case EMERGENCY -> controls.setTradingState(TradingState.REDUCING, "health mode EMERGENCY: " + why);
            case SAFE -> controls.killSwitch("health mode SAFE: " + why);
            default -> {
                if (from == HealthMode.EMERGENCY || from == HealthMode.SAFE) {
                    controls.setTradingState(TradingState.ACTIVE, "health mode " + to + ": " + why);
                }
            }
        }
        LOG.warn("health mode {} -> {} enforced on the order path", from, to);
    }
}
