package io.rialto.venues.replay;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.rialto.core.config.ConfigError;
import io.rialto.core.config.ConfigLoader;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplaySettingsTest {
    private static Config with(String hocon) {
        return ConfigFactory.parseString(hocon).withFallback(ConfigLoader.defaults()).resolve();
    }

    @Test
    void shouldReadEachSpeed() {
        assertEquals(1.0, ReplaySettings.create(with("")).speed());
        assertEquals(10.0, ReplaySettings.create(with("rialto.replay.speed = 10")).speed());
        assertEquals(0.0, ReplaySettings.create(with("rialto.replay.speed = max")).speed());
        ReplaySettings step = ReplaySettings.create(with("rialto.replay.speed = step\nrialto.dispatch.step = on"));
        assertTrue(step.step());
        assertFalse(ReplaySettings.create(with("rialto.replay.speed = max")).step());
    }

    @Test
    void shouldRefuseToStepAPlatformThatDoesNotRunOnTheStepThread() {
        ConfigError e = assertThrows(ConfigError.class,
                () -> ReplaySettings.create(with("rialto.replay.speed = step")));
        assertTrue(e.getMessage().contains("rialto.replay.speed = step needs rialto.dispatch.step = on"),
                e.getMessage());
    }

    @Test
    void shouldNameTheKeyOfASpeedThatIsNone() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReplaySettings.create(with("rialto.replay.speed = fast")));
        assertTrue(e.getMessage().contains("rialto.replay.speed = fast: expected a positive multiple of real time"),
                e.getMessage());
    }
}
