package io.rialto.core.ops;

import io.rialto.core.config.ConfigLoader;
import io.rialto.core.domain.TradingState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Health modes reach the order path as firm-wide trading states and the kill switch. */
class ModeEnforcerTest {
    private static final long S = 1_000_000_000L;

    private final List<String> actions = new ArrayList<>();
    private final ModeEnforcer enforcer = new ModeEnforcer(new ModeEnforcer.Controls() {
        @Override
        public void setTradingState(TradingState state, String reason) {
            actions.add(state.name());
        }

        @Override
        public void killSwitch(String reason) {
            actions.add("KILL");
        }

        @Override
        public void throttleColdTier(boolean on) {
            actions.add(on ? "THROTTLE" : "UNTHROTTLE");
        }
    });

    @Test
    void shouldMapEveryTransitionToItsAction() {
        enforcer.onModeChange(HealthMode.FULL, HealthMode.REDUCED, "cpu");
        enforcer.onModeChange(HealthMode.REDUCED, HealthMode.EMERGENCY, "heap");
        enforcer.onModeChange(HealthMode.EMERGENCY, HealthMode.SAFE, "heap");
        enforcer.onModeChange(HealthMode.SAFE, HealthMode.EMERGENCY, "recovering");
        enforcer.onModeChange(HealthMode.EMERGENCY, HealthMode.REDUCED, "recovering");
        enforcer.onModeChange(HealthMode.REDUCED, HealthMode.FULL, "recovered");
        assertEquals(List.of("THROTTLE", "REDUCING", "KILL", "REDUCING", "ACTIVE", "UNTHROTTLE"), actions,
                "REDUCED throttles the cold tier; EMERGENCY reduces; SAFE kills; leaving EMERGENCY restores;"
                        + " FULL lifts the throttle");
    }

    @Test
    void shouldReceiveTheMonitorsTransitions() {
        AtomicReference<HealthEngine.Readings> next = new AtomicReference<>(HealthEngine.Readings.CALM);
        HealthMonitor monitor = new HealthMonitor(HealthSettings.create(ConfigLoader.defaults()), 0,
                now -> next.get(), enforcer);
        monitor.tick(31 * S);
        next.set(new HealthEngine.Readings(0, 0.95, 0, 0, 0, 0)); // heap: EMERGENCY
        monitor.tick(32 * S);
        assertEquals(HealthMode.EMERGENCY, monitor.mode());
        assertEquals(List.of("THROTTLE", "REDUCING"), actions);
    }
}
