package io.rialto.core.config;

import com.typesafe.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {

    @Test
    void shouldLetOptionsBeatSetsAndSetsBeatTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("a.conf");
        Files.writeString(file, "rialto.instances.count = 5\nrialto.book.publish-levels = 3\n"
                + "rialto.ingest.parallelism = 2\n");
        Config config = ConfigLoader.load(file, List.of("rialto.instances.count = 6", "rialto.book.publish-levels=4"),
                Map.of("rialto.instances.count", 7));
        assertEquals(7, config.getInt("rialto.instances.count"));
        assertEquals(4, config.getInt("rialto.book.publish-levels"));
        assertEquals(2, config.getInt("rialto.ingest.parallelism"));
        assertEquals(1, config.getDuration("rialto.run.progress-interval").getSeconds(), "defaults fill the rest");
    }

    @Test
    void shouldNameTheFileAndLineOfAnUnknownKey(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("typo.conf");
        Files.writeString(file, "rialto {\n  ingest {\n    paralelism = 2\n  }\n}\n");
        ConfigError e = assertThrows(ConfigError.class, () -> ConfigLoader.load(file, List.of(), Map.of()));
        assertTrue(e.getMessage().contains("typo.conf") && e.getMessage().contains(": 3")
                && e.getMessage().contains("rialto.ingest.paralelism"), e.getMessage());
    }

    @Test
    void shouldAcceptFreeFormStrategyDeclarations() {
        Config config = ConfigLoader.load(null, List.of(
                "rialto.strategies = [{ id = a, kind = k, symbols = [S], account = X, params { anything = 1 } }]"),
                Map.of());
        RialtoSettings settings = RialtoSettings.create(config);
        assertEquals("a", settings.strategies().get(0).id());
        assertEquals(1, settings.strategies().get(0).params().get("anything"));
    }

    @Test
    void shouldNameAnUnknownKeyInAStrategyDeclaration() {
        Config config = ConfigLoader.load(null, List.of(
                "rialto.strategies = [{ id = a, kind = k, symbols = [S], account = X, simbols = [T] }]"), Map.of());
        ConfigError e = assertThrows(ConfigError.class, () -> RialtoSettings.create(config));
        assertTrue(e.getMessage().contains("rialto.strategies[a]: unknown key simbols"), e.getMessage());
    }

    @Test
    void shouldRejectDuplicateStrategyIds() {
        Config config = ConfigLoader.load(null, List.of("rialto.strategies = ["
                + "{ id = a, kind = k, symbols = [S], account = X }, { id = a, kind = k, symbols = [S], account = X }]"),
                Map.of());
        ConfigError e = assertThrows(ConfigError.class, () -> RialtoSettings.create(config));
        assertTrue(e.getMessage().contains("duplicate strategy id a"), e.getMessage());
    }
}
