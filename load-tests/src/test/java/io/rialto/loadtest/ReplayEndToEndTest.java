package io.rialto.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rialto.core.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code rialto run --record} and {@code --replay} with every real module: a recording replays to the same books,
 * a Tardis download replays with strategies trading on its symbols, and each run ends by itself when its data does.
 */
class ReplayEndToEndTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs the command line; a {@code run} gets an operations server on a free port and a safety stop. */
    private int rialto(String... args) {
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--ops-port";
        all[args.length + 1] = "0";
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(all);
    }

    private static JsonNode summary(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void shouldReplayARecordingToTheSameBookDigest(@TempDir Path dir) throws IOException {
        Path recording = dir.resolve("rec");
        Path recorded = dir.resolve("recorded.json");
        assertEquals(0, rialto("run", "--duration", "2s", "--venues", "2", "--symbols", "4", "--strategies", "10",
                "--md-rate", "20000", "--seed", "3", "--record", recording.toString(), "--summary-json",
                recorded.toString()), "stderr:\n" + err);
        assertTrue(out.toString().contains("recorded ") && Files.isRegularFile(recording.resolve("recording.rmd")),
                out.toString());

        Path replayed = dir.resolve("replayed.json");
        // no --duration that matters: the replay ends the run when the recording ends
        assertEquals(0, rialto("run", "--replay", recording.toString(), "--speed", "max", "--strategies", "10",
                "--duration", "120s", "--summary-json", replayed.toString()), "stderr:\n" + err);
        JsonNode a = summary(recorded);
        JsonNode b = summary(replayed);
        assertEquals(a.get("book_digest").asText(), b.get("book_digest").asText());
        assertEquals(a.get("md_events").asLong(), b.get("md_events").asLong(), "every recorded event replayed");
        assertEquals(2, b.get("venues").asInt());
        assertEquals(4, b.get("symbols").asInt());
        assertEquals(0, b.get("md_bad_rows").asLong());
        assertEquals(0, b.get("dropped_orders").asLong(), b.get("reconciliation").toString());
        assertTrue(b.get("duration_s").asDouble() < 100, "ended by itself, not at --duration");
    }

    /**
     * {@code --speed step}: the same recording and the same strategies make the same orders and the same fills in
     * every run, byte for byte, where {@code --speed max} does not promise it (the strategies' orders meet the data
     * wherever the race between them puts them).
     */
    @Test
    void shouldFillTheSameOrdersEveryRunWhenSteppingThroughARecording(@TempDir Path dir) throws IOException {
        Path recording = dir.resolve("rec");
        assertEquals(0, rialto("run", "--duration", "2s", "--venues", "2", "--symbols", "4", "--strategies", "10",
                "--md-rate", "20000", "--seed", "5", "--record", recording.toString()), "stderr:\n" + err);
        List<String> fills = new ArrayList<>();
        List<JsonNode> summaries = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            Path s = dir.resolve("s" + run + ".json");
            Path f = dir.resolve("fills" + run + ".csv");
            assertEquals(0, rialto("run", "--replay", recording.toString(), "--speed", "step", "--strategies", "10",
                    "--duration", "120s", "--summary-json", s.toString(), "--fills-out", f.toString()),
                    "stderr:\n" + err);
            fills.add(Files.readString(f));
            summaries.add(summary(s));
        }
        JsonNode a = summaries.get(0);
        JsonNode b = summaries.get(1);
        assertTrue(a.get("fills").asLong() > 10, "strategies traded: " + a.get("fills"));
        assertEquals(fills.get(0), fills.get(1), "the same fills, at the same venue times, in the same order");
        for (String key : List.of("md_events", "orders_submitted", "orders_rejected", "fills", "cancels",
                "book_digest", "pnl")) {
            assertEquals(a.get(key), b.get(key), key);
        }
        assertEquals(0, b.get("dropped_orders").asLong(), b.get("reconciliation").toString());
        assertTrue(b.get("duration_s").asDouble() < 100, "ended by itself");
    }

    @Test
    void shouldRefuseAStepReplayWithoutStepDispatch(@TempDir Path dir) throws IOException {
        writeTardis(dir, null);
        assertEquals(2, rialto("run", "--replay", dir.toString(), "--set", "rialto.replay.speed = step"));
        assertTrue(err.toString().contains("rialto.dispatch.step = off with rialto.replay.speed = step: step mode "
                + "needs both (--speed step sets both)"), err.toString());
    }

    /** A small Tardis download: one exchange, one symbol, a book snapshot, 3 s of updates and trades. */
    private static long writeTardis(Path dir, String badRow) throws IOException {
        StringBuilder book = new StringBuilder("exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount\n");
        StringBuilder trades = new StringBuilder("exchange,symbol,timestamp,local_timestamp,id,side,price,amount\n");
        long t = 1_709_251_200_000_000L;
        for (int level = 1; level <= 10; level++) {
            book.append(row(t, "true", "bid", 60_000 - level * 0.5, 1.25 + level));
            book.append(row(t, "true", "ask", 60_000 + level * 0.5, 0.75 + level));
        }
        long events = 1;
        for (int i = 0; i < 3000; i++) {
            t += 1000;
            int level = 1 + i % 5;
            book.append(row(t, "false", i % 2 == 0 ? "bid" : "ask", 60_000 + (i % 2 == 0 ? -level : level) * 0.5,
                    0.5 + (i * 7) % 13));
            events++;
            if (i % 10 == 0) {
                boolean buy = i % 20 == 0;
                trades.append("binance,BTCUSDT,").append(t).append(',').append(t).append(",").append(i).append(',')
                        .append(buy ? "buy" : "sell").append(',').append(buy ? "60000.5" : "59999.5").append(",0.25\n");
                events++;
            }
        }
        if (badRow != null) {
            book.append(badRow).append('\n');
        }
        Files.writeString(dir.resolve("binance_incremental_book_L2_2024-03-01_BTCUSDT.csv"), book);
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(
                dir.resolve("binance_trades_2024-03-01_BTCUSDT.csv.gz")))) {
            gz.write(trades.toString().getBytes(StandardCharsets.UTF_8));
        }
        return events;
    }

    private static String row(long t, String snapshot, String side, double price, double amount) {
        return "binance,BTCUSDT," + t + "," + t + "," + snapshot + "," + side + "," + price + "," + amount + "\n";
    }

    @Test
    void shouldReplayATardisDownloadWithStrategiesTradingOnItsSymbol(@TempDir Path dir) throws IOException {
        long events = writeTardis(dir, null);
        Path s = dir.resolve("s.json");
        Path fills = dir.resolve("fills.csv");
        assertEquals(0, rialto("run", "--replay", dir.toString(), "--speed", "10", "--strategies", "5",
                "--duration", "120s", "--summary-json", s.toString(), "--fills-out", fills.toString()),
                "stderr:\n" + err);
        JsonNode j = summary(s);
        assertEquals(1, j.get("venues").asInt());
        assertEquals(1, j.get("symbols").asInt());
        assertEquals(5, j.get("strategies").asInt());
        assertEquals(events, j.get("md_events").asLong(), "the snapshot, every update and every trade");
        assertTrue(j.get("orders_submitted").asLong() > 0, "strategies traded the replayed symbol");
        assertEquals(0, j.get("dropped_orders").asLong(), j.get("reconciliation").toString());
        assertTrue(j.get("duration_s").asDouble() < 100, "ended by itself");
        assertTrue(Files.readAllLines(fills).stream().skip(1).allMatch(l -> l.contains(",binance,BTCUSDT,")));
    }

    @Test
    void shouldCountABadRowOrStopAtItAsConfigured(@TempDir Path dir) throws IOException {
        writeTardis(dir, "binance,BTCUSDT,1709251300000000,1709251300000000,false,middle,60000,1");
        Path s = dir.resolve("s.json");
        assertEquals(0, rialto("run", "--replay", dir.toString(), "--speed", "max", "--strategies", "0",
                "--duration", "120s", "--summary-json", s.toString()), "stderr:\n" + err);
        assertEquals(1, summary(s).get("md_bad_rows").asLong());

        err.getBuffer().setLength(0);
        assertEquals(1, rialto("run", "--replay", dir.toString(), "--speed", "max", "--strategies", "0",
                "--duration", "120s", "--set", "rialto.replay.on-bad-row = stop"));
        assertTrue(err.toString().contains("the replay stopped at a bad row"), err.toString());
    }

    @Test
    void shouldRefuseBadReplayOptionsWithExit2(@TempDir Path dir) {
        assertEquals(2, rialto("run", "--replay", dir.toString(), "--speed", "fast"));
        assertTrue(err.toString().contains("--speed fast"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, rialto("run", "--replay", dir.resolve("missing").toString()));
        assertTrue(err.toString().contains("does not exist"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, rialto("run", "--replay", dir.toString()));
        assertTrue(err.toString().contains("no recording.rmd and no Tardis"), err.toString());
    }
}
