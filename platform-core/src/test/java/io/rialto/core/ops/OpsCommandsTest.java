package io.rialto.core.ops;

import com.typesafe.config.ConfigFactory;
import io.rialto.core.cli.Main;
import io.rialto.core.config.ConfigLoader;
import io.rialto.core.kernel.Platform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command-line commands that talk to a running platform, against a real server on a free port. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpsCommandsTest {
    private static final String TOKEN = "cli-token";

    private Platform platform;
    private OpsServer server;
    private String url;
    private StringWriter out;
    private StringWriter err;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        platform = OpsTestPlatform.start(Files.createDirectories(dir.resolve("plugins")),
                "rialto.strategies = [{ id = a, kind = one-bid, symbols = [ABC], account = ACC-A }]");
        OpsSettings settings = OpsSettings.create(ConfigFactory.parseString("rialto.ops { port = 0, token = \""
                + TOKEN + "\" }").withFallback(ConfigLoader.defaults()), name -> null);
        server = OpsServer.start(platform, ConfigFactory.empty(), settings, () -> HealthMode.FULL, () -> "");
        url = "http://127.0.0.1:" + server.port();
        System.setProperty("rialto.ops.token", TOKEN);
    }

    @AfterAll
    void stop() {
        System.clearProperty("rialto.ops.token");
        server.close();
        platform.shutdown();
    }

    @BeforeEach
    void streams() {
        System.setProperty("rialto.ops.token", TOKEN);
        out = new StringWriter();
        err = new StringWriter();
    }

    private int rialto(String... args) {
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    void shouldRefuseToRunWithAnOpenBindAndNoToken() {
        Assumptions.assumeTrue(System.getenv(OpsSettings.TOKEN_ENV) == null, "a token is set in the environment");
        assertEquals(2, rialto("run", "--duration", "1s", "--set", "rialto.ops.host = \"0.0.0.0\""));
        assertTrue(err.toString().contains("is not a loopback address"), err.toString());
    }

    @Test
    void shouldPrintTheStatus() {
        assertEquals(0, rialto("status", "--ops-url", url), err.toString());
        assertTrue(out.toString().contains("\"mode\" : \"FULL\""), out.toString());
    }

    @Test
    void shouldExitOneAndPrintTheErrorWhenTheTokenIsWrong() {
        System.setProperty("rialto.ops.token", "wrong");
        assertEquals(1, rialto("status", "--ops-url", url));
        assertTrue(err.toString().contains("401") && err.toString().contains("missing or wrong bearer token"),
                err.toString());
    }

    @Test
    void shouldExitOneWhenNoPlatformListens() {
        assertEquals(1, rialto("status", "--ops-url", "http://127.0.0.1:1"));
        assertTrue(err.toString().contains("cannot reach the platform"), err.toString());
    }

    @Test
    void shouldPullTheKillSwitch() {
        assertEquals(0, rialto("kill", "--ops-url", url, "--scope", "venue", "--target", "TEST", "--reason",
                "venue outage"), err.toString());
        assertTrue(out.toString().contains("\"scope\" : \"VENUE\""), out.toString());
        assertEquals(1, rialto("kill", "--ops-url", url, "--scope", "venue", "--target", "NOPE", "--reason", "x"));
        assertTrue(err.toString().contains("no venue NOPE"), err.toString());
    }

    @Test
    void shouldRefuseBadKillUsageWithExitTwo() {
        assertEquals(2, rialto("kill", "--ops-url", url, "--scope", "venue", "--reason", "x"));
        assertTrue(err.toString().contains("needs --target"), err.toString());
        assertEquals(2, rialto("kill", "--ops-url", url, "--scope", "global"));
        assertEquals(2, rialto("kill", "--ops-url", url, "--scope", "planet", "--reason", "x"));
    }

    @Test
    void shouldStartAndStopAStrategy() {
        assertEquals(0, rialto("strategy", "start", "cli-1", "--ops-url", url, "--kind", "one-bid", "--symbols",
                "ABC", "--account", "ACC-C", "--reason", "test"), err.toString());
        assertTrue(platform.strategies().runningIds().contains("cli-1"));
        assertEquals(0, rialto("strategy", "stop", "cli-1", "--ops-url", url, "--reason", "done"), err.toString());
        assertTrue(!platform.strategies().runningIds().contains("cli-1"));
        assertEquals(1, rialto("strategy", "stop", "cli-1", "--ops-url", url));
        assertTrue(err.toString().contains("404"), err.toString());
        assertEquals(2, rialto("strategy", "start", "cli-2", "--ops-url", url));
        assertEquals(2, rialto("strategy"));
    }

    @Test
    void shouldDeployAJarAndRefuseAMissingFile(@TempDir Path dir) throws Exception {
        Path broken = Files.write(dir.resolve("broken.jar"), new byte[] {1, 2, 3});
        assertEquals(1, rialto("deploy", "--ops-url", url, broken.toString()));
        assertTrue(err.toString().contains("not deployed"), err.toString());
        assertEquals(2, rialto("deploy", "--ops-url", url, dir.resolve("missing.jar").toString()));
        assertTrue(err.toString().contains("cannot read"), err.toString());
    }
}
