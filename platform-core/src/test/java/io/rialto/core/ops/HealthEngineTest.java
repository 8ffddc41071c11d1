package io.rialto.core.ops;

import com.typesafe.config.ConfigFactory;
import io.rialto.core.config.ConfigError;
import io.rialto.core.config.ConfigLoader;
import io.rialto.core.ops.HealthEngine.Readings;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every mode transition of the health engine, driven by an injected clock and injected readings. */
class HealthEngineTest {
    private static final long S = 1_000_000_000L;
    private static final long START = 1_000 * S;
    /** The reference defaults: grace 30 s, recover after 10 s, recover factor 0.8, heap 0.80/0.90/0.97. */
    private static final HealthSettings SETTINGS = HealthSettings.create(ConfigLoader.defaults());

    private final List<String> changes = new ArrayList<>();
    private final HealthEngine engine = new HealthEngine(SETTINGS, START,
            (from, to, why) -> changes.add(from + "->" + to));
    private long now = START + 31 * S; // past the grace

    private static Readings heap(double used) {
        return new Readings(0.1, used, 0, 0, 0, 0);
    }

    private HealthMode at(long secondsLater, Readings r) {
        now += secondsLater * S;
        return engine.evaluate(now, r);
    }

    @Test
    void shouldStayFullDuringTheStartUpGrace() {
        assertEquals(HealthMode.FULL, engine.evaluate(START + S, heap(0.99)));
        assertEquals(HealthMode.FULL, engine.evaluate(START + 29 * S, new Readings(1, 1, 1, 1e12, 1, 1)));
        assertEquals("start-up grace", engine.why());
        assertEquals(HealthMode.SAFE, engine.evaluate(START + 30 * S, heap(0.99)));
        assertEquals(List.of("FULL->SAFE"), changes);
    }

    @Test
    void shouldStepUpThroughEveryModeAtOnce() {
        assertEquals(HealthMode.FULL, at(0, heap(0.5)));
        assertEquals(HealthMode.REDUCED, at(1, heap(0.85)));
        assertEquals(HealthMode.EMERGENCY, at(1, heap(0.92)));
        assertEquals(HealthMode.SAFE, at(1, heap(0.98)));
        assertEquals(List.of("FULL->REDUCED", "REDUCED->EMERGENCY", "EMERGENCY->SAFE"), changes);
        assertTrue(engine.why().contains("heap"), engine.why());
    }

    @Test
    void shouldTakeTheWorstSignal() {
        assertEquals(HealthMode.EMERGENCY, at(0, new Readings(0.1, 0.85, 0.35, 0, 0, 0)));
        assertEquals(HealthMode.SAFE, at(1, new Readings(0.1, 0.1, 0, 200_000_000, 0, 0)));
        assertEquals(List.of("FULL->EMERGENCY", "EMERGENCY->SAFE"), changes);
    }

    @Test
    void shouldNeverMovePastReducedOnCpuAlone() {
        assertEquals(HealthMode.REDUCED, at(0, new Readings(1.0, 0, 0, 0, 0, 0)));
        assertEquals(HealthMode.REDUCED, at(60, new Readings(1.0, 0, 0, 0, 0, 0)));
        assertEquals(HealthMode.EMERGENCY, at(1, new Readings(1.0, 0, 0, 0, 0.6, 0)));
        assertEquals(List.of("FULL->REDUCED", "REDUCED->EMERGENCY"), changes);
    }

    @Test
    void shouldStepDownOneModeAtATimeAfterTheRecoveryPeriod() {
        at(0, heap(0.98));
        assertEquals(HealthMode.SAFE, at(1, heap(0.1)));
        assertEquals(HealthMode.SAFE, at(9, heap(0.1)), "not calm for 10 s yet");
        assertEquals(HealthMode.EMERGENCY, at(1, heap(0.1)));
        assertEquals(HealthMode.EMERGENCY, at(9, heap(0.1)));
        assertEquals(HealthMode.REDUCED, at(1, heap(0.1)));
        assertEquals(HealthMode.FULL, at(10, heap(0.1)));
        assertEquals(HealthMode.FULL, at(10, heap(0.1)));
        assertEquals(List.of("FULL->SAFE", "SAFE->EMERGENCY", "EMERGENCY->REDUCED", "REDUCED->FULL"), changes);
    }

    @Test
    void shouldNotStepDownJustBelowTheThreshold() {
        assertEquals(HealthMode.REDUCED, at(0, heap(0.85)));
        // 0.79 is below reduced (0.80) but above the recovery threshold 0.80 x 0.8 = 0.64
        assertEquals(HealthMode.REDUCED, at(60, heap(0.79)));
        assertEquals(HealthMode.REDUCED, at(60, heap(0.79)));
        assertEquals(HealthMode.REDUCED, at(1, heap(0.6)));
        assertEquals(HealthMode.REDUCED, at(9, heap(0.6)));
        assertEquals(HealthMode.FULL, at(1, heap(0.6)));
        assertEquals(List.of("FULL->REDUCED", "REDUCED->FULL"), changes);
    }

    @Test
    void shouldRestartTheRecoveryPeriodAfterARelapse() {
        at(0, heap(0.85));
        at(1, heap(0.1));
        at(8, heap(0.1));
        assertEquals(HealthMode.REDUCED, at(1, heap(0.7)), "a relapse above the recovery threshold");
        assertEquals(HealthMode.REDUCED, at(1, heap(0.1)));
        assertEquals(HealthMode.REDUCED, at(9, heap(0.1)));
        assertEquals(HealthMode.FULL, at(1, heap(0.1)));
    }

    @Test
    void shouldIgnoreSignalsNotMeasured() {
        assertEquals(HealthMode.FULL, at(0, new Readings(Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN)));
        assertEquals(List.of(), changes);
    }

    @Test
    void shouldRefuseThresholdsOutOfOrder() {
        ConfigError e = assertThrows(ConfigError.class, () -> HealthSettings.create(ConfigFactory.parseString(
                "rialto.health.heap { reduced = 0.9, emergency = 0.8 }").withFallback(ConfigLoader.defaults())));
        assertTrue(e.getMessage().contains("reduced <= emergency <= safe"), e.getMessage());
    }
}
