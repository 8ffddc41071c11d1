package io.rialto.core.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher's options and its error messages: bad input names what is wrong and exits 2. */
class RunCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    void shouldListEveryRunOptionInItsHelp() {
        assertEquals(0, run("run", "--help"));
        for (String option : new String[] {"--duration", "--config", "--set", "--seed", "--venues", "--symbols",
                "--strategies", "--md-rate", "--summary-json", "--fills-out", "--record", "--replay", "--speed",
                "--warmup"}) {
            assertTrue(out.toString().contains(option), option + " in:\n" + out);
        }
    }

    @Test
    void shouldListTheCommandsInTheTopLevelHelp() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("run") && out.toString().contains("match")
                && out.toString().contains("strategies"), out.toString());
    }

    @Test
    void shouldRejectAnUnknownOption() {
        assertEquals(2, run("run", "--frobnicate"));
        assertTrue(err.toString().contains("--frobnicate"), err.toString());
    }

    @Test
    void shouldRejectANumberOptionThatIsNotANumber() {
        assertEquals(2, run("run", "--venues", "two"));
        assertTrue(err.toString().contains("--venues") && err.toString().contains("two"), err.toString());
    }

    @Test
    void shouldRejectADurationThatIsNotADuration() {
        assertEquals(2, run("run", "--duration", "soon"));
        assertTrue(err.toString().contains("--duration soon"), err.toString());
        assertFalse(err.toString().contains("Exception"), "no stack trace: " + err);
    }

    @Test
    void shouldRejectAWarmupThatIsNotADurationOrOutlastsTheRun() {
        assertEquals(2, run("run", "--warmup", "a-while"));
        assertTrue(err.toString().contains("--warmup a-while: not a duration"), err.toString());
        assertEquals(2, run("run", "--duration", "5s", "--warmup", "5s"));
        assertTrue(err.toString().contains("--warmup 5s: must be shorter than --duration 5s"), err.toString());
        assertFalse(err.toString().contains("Exception"), "no stack trace: " + err);
    }

    @Test
    void shouldRefuseToStepWithoutAReplayOrWhileRecording() {
        assertEquals(2, run("run", "--speed", "step"));
        assertTrue(err.toString().contains("--speed step: steps through a replay; give --replay PATH"), err.toString());
        assertEquals(2, run("run", "--replay", "somewhere", "--speed", "step", "--record", "elsewhere"));
        assertTrue(err.toString().contains("--speed step cannot record (--record)"), err.toString());
        assertEquals(2, run("run", "--set", "rialto.dispatch.step = on"));
        assertTrue(err.toString().contains("rialto.dispatch.step = on with rialto.replay.speed not step: step mode "
                + "needs both"), err.toString());
    }

    @Test
    void shouldRejectASetWithoutAValue() {
        assertEquals(2, run("run", "--set", "rialto.sim.venues"));
        assertTrue(err.toString().contains("--set rialto.sim.venues: expected key=value"), err.toString());
    }

    @Test
    void shouldNameAnUnknownKeyAndWhereItCameFrom() {
        assertEquals(2, run("run", "--set", "rialto.run.progres-interval=2s"));
        assertTrue(err.toString().contains("unknown key rialto.run.progres-interval"), err.toString());
        assertTrue(err.toString().contains("--set rialto.run.progres-interval=2s"), err.toString());
    }

    @Test
    void shouldNameTheFileLineAndKeyOfABadValue(@TempDir Path dir) throws IOException {
        Path conf = dir.resolve("bad.conf");
        Files.writeString(conf, "rialto {\n  run {\n    progress-interval = banana\n  }\n}\n");
        assertEquals(2, run("run", "--config", conf.toString()));
        String message = err.toString();
        assertTrue(message.contains("bad.conf") && message.contains("3") && message.contains("progress-interval"),
                message);
        assertFalse(message.contains("\tat "), "no stack trace: " + message);
    }

    @Test
    void shouldRejectAnOutOfRangeValue() {
        assertEquals(2, run("run", "--set", "rialto.ingest.parallelism=0"));
        assertTrue(err.toString().contains("rialto.ingest.parallelism") && err.toString().contains("out of range"),
                err.toString());
    }

    @Test
    void shouldRejectAMissingConfigFile() {
        assertEquals(2, run("run", "--config", "/nonexistent/rialto.conf"));
        assertTrue(err.toString().contains("/nonexistent/rialto.conf"), err.toString());
    }

    /** platform-core alone has no risk engine on its class path: it must refuse to trade. */
    @Test
    void shouldRefuseToTradeWithoutARiskProvider() {
        assertEquals(2, run("run", "--duration", "1s"));
        assertTrue(err.toString().contains("no risk provider"), err.toString());
    }
}
