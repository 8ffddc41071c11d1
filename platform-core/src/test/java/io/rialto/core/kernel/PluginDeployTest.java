package io.rialto.core.kernel;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import io.rialto.core.config.ConfigError;
import io.rialto.core.config.ConfigLoader;
import io.rialto.core.config.RialtoSettings;
import io.rialto.core.metrics.PlatformMetrics;
import io.rialto.core.plugin.PluginJars;
import io.rialto.core.plugin.PluginProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plug-in strategies at run time: start, stop, and a new version deployed without a restart. */
class PluginDeployTest {
    private Platform platform;

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.shutdown();
        }
        PluginProbe.EVENTS.clear();
        PluginProbe.LOADERS.clear();
    }

    private Platform start(Path plugins, String declarations) {
        Config config = ConfigFactory.parseString(declarations)
                .withValue("rialto.plugins.dir", ConfigValueFactory.fromAnyRef(plugins.toString()))
                .withFallback(ConfigLoader.defaults());
        StrategyCatalog catalog = StrategyCatalog.discover(PluginDeployTest.class.getClassLoader(),
                RialtoSettings.create(config).pluginsDir());
        assertEquals(List.of(), catalog.pluginErrors());
        return Platform.start(config, new PlatformMetrics(), null, new AcceptingRisk().asProvider(),
                List.of(ScriptedVenue.resting()), catalog);
    }

    private static void expect(String event) throws InterruptedException {
        String next = PluginProbe.EVENTS.poll(10, TimeUnit.SECONDS);
        assertEquals(event, next);
    }

    @Test
    void shouldRedeployAPluginWithoutARestartAndReleaseTheOldClassLoader(@TempDir Path dir) throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginJars.build(plugins, "probe.jar", Map.of("probe.ProbeFactory", PluginProbe.strategySource("v1")),
                List.of("probe.ProbeFactory"));
        platform = start(plugins, "rialto.strategies = [{ id = p1, kind = probe, symbols = [ABC], account = A }]");
        expect("v1:started");
        expect("v1:NEW");

        Path upload = Files.createDirectories(dir.resolve("upload"));
        Path v2 = PluginJars.build(upload, "probe.jar", Map.of("probe.ProbeFactory",
                PluginProbe.strategySource("v2")), List.of("probe.ProbeFactory"));
        StrategyDirector.DeployResult result = platform.strategies().deploy(v2);
        assertEquals(List.of(), result.problems());
        assertEquals(List.of("probe"), result.kinds());
        assertEquals(List.of("p1"), result.stopped());
        assertEquals(List.of("p1"), result.started());
        expect("v2:started");
        expect("v2:NEW");
        assertTrue(Files.readAllBytes(plugins.resolve("probe.jar")).length > 0, "the new version replaced the old");

        // the old version's class loader is closed and nothing of the platform holds it any more
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (PluginProbe.LOADERS.get(0).get() != null && System.nanoTime() < deadline) {
            System.gc();
            PluginProbe.EVENTS.poll(50, TimeUnit.MILLISECONDS); // gives the collector time between requests
        }
        assertEquals(null, PluginProbe.LOADERS.get(0).get(), "the v1 class loader was released");

        Platform.Result end = platform.shutdown();
        platform = null;
        assertEquals(0, end.reconciliation().dropped(), end.reconciliation().failed().toString());
        assertEquals(2, end.strategies().size(), "the v1 and the v2 instance of p1");
        assertEquals(2, end.venues().get(0).canceled(), "each instance's order cancelled when it stopped");
    }

    @Test
    void shouldStartAndStopAStrategyAtRunTime(@TempDir Path dir) throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginJars.build(plugins, "probe.jar", Map.of("probe.ProbeFactory", PluginProbe.strategySource("v1")),
                List.of("probe.ProbeFactory"));
        platform = start(plugins, "rialto.strategies = []\nrialto.instances.count = 0");
        platform.strategies().start(new RialtoSettings.StrategyDeclaration("late", "probe", List.of("ABC"), "A",
                Map.of(), "test"));
        expect("v1:started");
        expect("v1:NEW");
        assertEquals(List.of("late"), platform.strategies().runningIds());
        StrategyHost.Stats stats = platform.strategies().stop("late");
        assertEquals(1, stats.canceled(), "its open order was cancelled");
        assertEquals(0, stats.open());
        assertEquals(List.of(), platform.strategies().runningIds());
        ConfigError unknown = assertThrows(ConfigError.class, () -> platform.strategies().stop("late"));
        assertTrue(unknown.getMessage().contains("no running strategy late"));
        ConfigError badKind = assertThrows(ConfigError.class, () -> platform.strategies().start(
                new RialtoSettings.StrategyDeclaration("x", "nope", List.of("ABC"), "A", Map.of(), "test")));
        assertTrue(badKind.getMessage().contains("unknown strategy kind 'nope'"), badKind.getMessage());
    }

    @Test
    void shouldRefuseABrokenJarAndKeepTheRunningVersion(@TempDir Path dir) throws IOException, InterruptedException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginJars.build(plugins, "probe.jar", Map.of("probe.ProbeFactory", PluginProbe.strategySource("v1")),
                List.of("probe.ProbeFactory"));
        platform = start(plugins, "rialto.strategies = [{ id = p1, kind = probe, symbols = [ABC], account = A }]");
        expect("v1:started");
        Path broken = Files.writeString(Files.createDirectories(dir.resolve("upload")).resolve("probe.jar"), "junk");
        StrategyDirector.DeployResult result = platform.strategies().deploy(broken);
        assertTrue(result.problems().get(0).contains("not a readable JAR"), result.problems().toString());
        assertEquals(List.of(), result.stopped());
        assertEquals(List.of("p1"), platform.strategies().runningIds());
    }
}
