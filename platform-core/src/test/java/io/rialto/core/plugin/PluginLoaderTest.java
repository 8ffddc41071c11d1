package io.rialto.core.plugin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PluginLoaderTest {
    private final PluginLoader loader = new PluginLoader(PluginLoaderTest.class.getClassLoader());

    @Test
    void shouldLoadEachJarInAClassLoaderOfItsOwn(@TempDir Path dir) throws IOException {
        PluginJars.build(dir, "alpha.jar", Map.of("a.AlphaFactory", PluginJars.factorySource("a", "AlphaFactory",
                "alpha", "")), List.of("a.AlphaFactory"));
        PluginJars.build(dir, "beta.jar", Map.of("b.BetaFactory", PluginJars.factorySource("b", "BetaFactory",
                "beta", "")), List.of("b.BetaFactory"));
        PluginLoader.Scan scan = loader.scan(dir);
        assertEquals(List.of(), scan.errors());
        assertEquals(List.of("alpha.jar", "beta.jar"), scan.plugins().stream().map(PluginLoader.Plugin::name).toList());
        assertEquals("alpha", scan.plugins().get(0).factories().get(0).name());
        assertNotSame(scan.plugins().get(0).loader(), scan.plugins().get(1).loader());
        assertEquals(scan.plugins().get(0).loader(), scan.plugins().get(0).factories().get(0).getClass()
                .getClassLoader());
    }

    @Test
    void shouldReportEachBrokenJarByNameAndStillLoadTheOthers(@TempDir Path dir) throws IOException {
        PluginJars.build(dir, "good.jar", Map.of("g.GoodFactory", PluginJars.factorySource("g", "GoodFactory",
                "good", "")), List.of("g.GoodFactory"));
        Files.writeString(dir.resolve("garbage.jar"), "this is not a zip file");
        PluginJars.build(dir, "missing.jar", Map.of(), List.of("m.NotThere"));
        PluginJars.build(dir, "throws.jar", Map.of("t.ThrowingFactory", PluginJars.factorySource("t",
                "ThrowingFactory", "throwing", "throw new IllegalStateException(\"no licence key\");")),
                List.of("t.ThrowingFactory"));
        PluginJars.build(dir, "empty.jar", Map.of(), List.of());

        PluginLoader.Scan scan = loader.scan(dir);
        assertEquals(List.of("good.jar"), scan.plugins().stream().map(PluginLoader.Plugin::name).toList());
        List<String> errors = scan.errors().stream().map(PluginLoader.PluginError::toString).toList();
        assertEquals(4, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("empty.jar: provides no strategy"), errors.get(0));
        assertTrue(errors.get(1).startsWith("garbage.jar: not a readable JAR"), errors.get(1));
        assertTrue(errors.get(2).startsWith("missing.jar: ") && errors.get(2).contains("m.NotThere"), errors.get(2));
        assertTrue(errors.get(3).startsWith("throws.jar: ") && errors.get(3).contains("no licence key"),
                errors.get(3));
    }

    @Test
    void shouldFindNothingInAMissingDirectory(@TempDir Path dir) {
        PluginLoader.Scan scan = loader.scan(dir.resolve("absent"));
        assertEquals(List.of(), scan.plugins());
        assertEquals(List.of(), scan.errors());
    }
}
