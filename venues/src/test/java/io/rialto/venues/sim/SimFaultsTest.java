package io.rialto.venues.sim;

import com.typesafe.config.ConfigFactory;
import io.rialto.core.config.ConfigError;
import io.rialto.core.config.ConfigLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fault settings: off by default, overridable per venue, and a bad key or value named. */
class SimFaultsTest {

    private static SimSettings settings(String hocon) {
        return SimSettings.create(ConfigFactory.parseString(hocon).withFallback(ConfigFactory.defaultReference()));
    }

    @Test
    void shouldBeOffByDefault() {
        SimFaults f = settings("").faults().get(0);
        assertFalse(f.reportFaults());
        assertEquals(0, f.rejectRate());
        assertEquals(Duration.ZERO, f.disconnectInterval());
        assertEquals(Duration.ZERO, f.staleInterval());
        assertFalse(f.cancelOnDisconnect());
    }

    @Test
    void shouldApplyAVenuesOverridesOverTheDefaults() {
        SimSettings s = settings("rialto.sim { venues = 2, faults { drop-report-rate = 0.1, "
                + "venues.SIM2 { drop-report-rate = 0.5, cancel-on-disconnect = true } } }");
        assertEquals(0.1, s.faults().get(0).dropReportRate());
        assertFalse(s.faults().get(0).cancelOnDisconnect());
        assertEquals(0.5, s.faults().get(1).dropReportRate());
        assertTrue(s.faults().get(1).cancelOnDisconnect());
    }

    @Test
    void shouldNameARateOutOfRange() {
        ConfigError e = assertThrows(ConfigError.class, () -> settings("rialto.sim.faults.md-gap-rate = 1.5"));
        assertTrue(e.getMessage().contains("rialto.sim.faults.md-gap-rate = 1.5 is out of range"), e.getMessage());
    }

    @Test
    void shouldNameAnUnknownKeyInAVenuesOverrides() {
        ConfigError e = assertThrows(ConfigError.class,
                () -> settings("rialto.sim.faults.venues.SIM1 { drop-rate = 0.1 }"));
        assertTrue(e.getMessage().contains("unknown key rialto.sim.faults.venues.SIM1.drop-rate"), e.getMessage());
    }

    @Test
    void shouldNameAVenueThatDoesNotExist() {
        ConfigError e = assertThrows(ConfigError.class,
                () -> settings("rialto.sim { venues = 2, faults.venues.SIM3 { reject-rate = 0.1 } }"));
        assertTrue(e.getMessage().contains("rialto.sim.faults.venues.SIM3: no such simulated venue (SIM1..SIM2)"),
                e.getMessage());
    }

    @Test
    void shouldNameANegativeInterval() {
        ConfigError e = assertThrows(ConfigError.class, () -> settings("rialto.sim.faults.stale-interval = -1s"));
        assertTrue(e.getMessage().contains("rialto.sim.faults.stale-interval"), e.getMessage());
    }

    @Test
    void shouldRefuseATypoUnderFaultsWithItsFileAndLine() throws Exception {
        Path file = Files.createTempFile("faults", ".conf");
        Files.writeString(file, "rialto.sim.faults {\n  drop-reports-rate = 0.1\n}\n");
        ConfigError e = assertThrows(ConfigError.class, () -> ConfigLoader.load(file, List.of(), Map.of()));
        assertTrue(e.getMessage().contains(": 2: unknown key rialto.sim.faults.drop-reports-rate"), e.getMessage());
        Files.delete(file);
    }
}
