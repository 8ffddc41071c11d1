package io.rialto.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rialto.core.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code rialto run} with every real module on the class path: simulated venues, the default risk
 * engine and the built-in strategies trade, and the stages reconcile.
 */
class RunEndToEndTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs the command line; a {@code run} gets an operations server on a free port, never a fixed one. */
    private int rialto(String... args) {
        if (args.length > 0 && args[0].equals("run")) {
            String[] withPort = java.util.Arrays.copyOf(args, args.length + 2);
            withPort[args.length] = "--ops-port";
            withPort[args.length + 1] = "0";
            args = withPort;
        }
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    void shouldTradeAndReconcileWithNothingDropped(@TempDir Path dir) throws IOException {
        Path summary = dir.resolve("s.json");
        Path fills = dir.resolve("fills.csv");
        int code = rialto("run", "--duration", "4s", "--warmup", "1s", "--venues", "2", "--symbols", "6",
                "--strategies", "30", "--md-rate", "20000", "--seed", "7", "--summary-json", summary.toString(),
                "--set", "rialto.instruments.SYM0001.tick-size = 0.05",
                "--fills-out", fills.toString());
        assertEquals(0, code, "exit code; stderr:\n" + err + "\nstdout:\n" + out);
        JsonNode s = new ObjectMapper().readTree(summary.toFile());
        assertTrue(s.get("warmup_s").asDouble() >= 1.0, "the first second left out of the latencies: " + s);
        assertTrue(s.get("md_events_per_s_after_warmup").asDouble() > 0, s.toString());
        assertEquals("run", s.get("mode").asText());
        assertEquals(2, s.get("venues").asInt());
        assertEquals(6, s.get("symbols").asInt());
        assertEquals(30, s.get("strategies").asInt());
        assertTrue(s.get("md_events").asLong() > 0, "market data reached the books");
        assertTrue(s.get("orders_submitted").asLong() > 0, "strategies sent orders");
        assertTrue(s.get("fills").asLong() > 0, "orders filled");
        assertEquals(0, s.get("dropped_orders").asLong(), s.get("reconciliation").toString());
        assertTrue(s.get("tick_to_trade_ns").get("count").asLong() > 0, "tick-to-trade measured");
        assertTrue(s.get("risk_check_ns").get("count").asLong() > 0, "risk checks measured");
        assertEquals(64, s.get("book_digest").asText().length());
        List<String> lines = Files.readAllLines(fills);
        assertEquals("time,strategy,account,venue,symbol,side,price,quantity,fee,liquidity", lines.get(0));
        assertEquals(s.get("fills").asLong(), lines.size() - 1, "every fill written to --fills-out");
        List<String> sym1 = lines.stream().filter(l -> l.contains(",SYM0001,")).toList();
        assertTrue(!sym1.isEmpty(), "SYM0001 traded");
        for (String line : sym1) { // reference data from conf: that symbol trades on a 0.05 tick
            BigDecimal price = new BigDecimal(line.split(",")[6]);
            assertEquals(0, price.remainder(new BigDecimal("0.05")).signum(), line);
        }
        assertTrue(out.toString().contains("md ") && out.toString().contains("ev/s"), "a progress line:\n" + out);
    }

    /** {@code rialto.sim.websocket = on}: every simulated feed crosses a real WebSocket on loopback. */
    @Test
    void shouldIngestTheSimulatedFeedsOverWebSocketsWithoutAGap(@TempDir Path dir) throws Exception {
        Path summary = dir.resolve("s.json");
        int code = rialto("run", "--duration", "3s", "--venues", "2", "--symbols", "6", "--strategies", "30",
                "--md-rate", "20000", "--seed", "7", "--summary-json", summary.toString(),
                "--set", "rialto.sim.websocket = on");
        assertEquals(0, code, "exit code; stderr:\n" + err + "\nstdout:\n" + out);
        JsonNode s = new ObjectMapper().readTree(summary.toFile());
        assertTrue(s.get("md_events").asLong() > 1_000, "market data crossed the sockets: " + s.get("md_events"));
        assertEquals(0, s.get("md_gaps").asLong(), "no frame lost or reordered");
        assertTrue(s.get("orders_submitted").asLong() > 0, "strategies sent orders");
        assertTrue(s.get("fills").asLong() > 0, "orders filled");
        assertEquals(0, s.get("dropped_orders").asLong(), s.get("reconciliation").toString());
        Path check = Path.of("../../shared/tools/check-run-summary"); // the format check, where the project has it
        if (Files.isExecutable(check)) {
            Process p = new ProcessBuilder(check.toString(), summary.toString()).redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor(), said);
        }
    }

    @Test
    void shouldNameABadWebSocketSwitchAndExit2() {
        int code = rialto("run", "--duration", "1s", "--set", "rialto.sim.websocket = maybe");
        assertEquals(2, code);
        assertTrue(err.toString().contains("rialto.sim.websocket = maybe") && err.toString().contains("BOOLEAN"),
                err.toString());
    }

    @Test
    void shouldNameTheStrategyAndParameterOfABadParameterAndExit2() {
        int code = rialto("run", "--duration", "1s", "--set", "rialto.strategies = [{ id = mm-x, kind = market-maker,"
                + " symbols = [SYM0000], account = A, params { qty = 0 } }]");
        assertEquals(2, code);
        assertTrue(err.toString().contains("strategy mm-x") && err.toString().contains("'qty'"), err.toString());
    }

    @Test
    void shouldNameTheStrategyOfParametersThatContradictEachOther() {
        int code = rialto("run", "--duration", "1s", "--set", "rialto.strategies = [{ id = mom-x, kind = momentum,"
                + " symbols = [SYM0000], account = A, params { fast-period = 30, slow-period = 20 } }]");
        assertEquals(2, code);
        assertTrue(err.toString().contains("strategy mom-x") && err.toString().contains("'fast-period'"),
                err.toString());
    }

    @Test
    void shouldNameAnUnknownStrategyKind() {
        int code = rialto("run", "--duration", "1s", "--set", "rialto.instances.kinds = [market-maker, scalper]");
        assertEquals(2, code);
        assertTrue(err.toString().contains("unknown strategy kind 'scalper'"), err.toString());
    }

    @Test
    void shouldListTheBuiltInStrategiesWithTheirParameters() {
        assertEquals(0, rialto("strategies"));
        for (String expected : new String[] {"market-maker", "momentum", "mean-reversion", "imbalance-taker",
                "cross-venue-arbitrage", "spread-ticks", "max-inventory", "rsi-period"}) {
            assertTrue(out.toString().contains(expected), expected + " in:\n" + out);
        }
    }

    /** The example plug-in, built as a third party would, copied into a plug-ins directory, trades. */
    @Test
    void shouldTradeWithTheExamplePluginFromAPluginsDirectory(@TempDir Path dir) throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(Path.of(System.getProperty("example.plugin.jar")), plugins.resolve("example-plugin.jar"));
        Path fills = dir.resolve("fills.csv");
        Path summary = dir.resolve("s.json");
        int code = rialto("run", "--duration", "4s", "--symbols", "2", "--md-rate", "10000",
                "--set", "rialto.plugins.dir = \"" + plugins + "\"",
                "--set", "rialto.strategies = [{ id = pinger, kind = example-ping-pong, symbols = [SYM0001],"
                        + " account = ACC-9, params { qty = 2 } }]",
                "--summary-json", summary.toString(), "--fills-out", fills.toString());
        assertEquals(0, code, "stderr:\n" + err);
        JsonNode s = new ObjectMapper().readTree(summary.toFile());
        assertEquals(1, s.get("strategies").asInt());
        assertEquals(0, s.get("dropped_orders").asLong());
        long pingerFills = Files.readAllLines(fills).stream().filter(line -> line.contains(",pinger,ACC-9,")).count();
        assertTrue(pingerFills > 0, "the plug-in strategy traded; fills file:\n" + Files.readString(fills));

        out.getBuffer().setLength(0);
        assertEquals(0, rialto("strategies", "--config", writeConfig(dir, plugins).toString()));
        assertTrue(out.toString().contains("example-ping-pong  (plugin example-plugin.jar"), out.toString());
    }

    private static Path writeConfig(Path dir, Path plugins) throws IOException {
        return Files.writeString(dir.resolve("plugins.conf"), "rialto.plugins.dir = \"" + plugins + "\"\n");
    }
}
