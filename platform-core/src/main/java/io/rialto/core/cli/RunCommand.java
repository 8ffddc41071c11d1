package io.rialto.core.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.rialto.core.config.ConfigError;
import io.rialto.core.config.ConfigLoader;
import io.rialto.core.config.RialtoSettings;
import io.rialto.core.kernel.MailboxDepths;
import io.rialto.core.kernel.Platform;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import io.rialto.core.metrics.PlatformMetrics;
import io.rialto.core.ops.HealthMode;
import io.rialto.core.ops.HealthMonitor;
import org.HdrHistogram.HistogramLogWriter;
import io.rialto.core.ops.ModeEnforcer;
import io.rialto.core.ops.HealthSettings;
import io.rialto.core.ops.OpsServer;
import io.rialto.core.ops.OpsSettings;
import io.rialto.core.ops.PlatformCollector;
import io.rialto.core.record.MdRecorder;
import io.rialto.core.spi.VenueAdapter;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code rialto run}: starts the platform, prints a progress line every second, and on
 * {@code --duration}, Ctrl-C or SIGTERM shuts down gracefully, prints the summary and exits 0.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the platform (by default: simulated venues and built-in strategies, from "
                + "conf/application.conf) until --duration, Ctrl-C or SIGTERM, then print a summary.")
public final class RunCommand implements java.util.concurrent.Callable<Integer> {

    /** conf/application.conf of the installation ({@code -Drialto.home}, set by the launcher). */
    static final Path DEFAULT_CONFIG = Path.of(System.getProperty("rialto.home", "."), "conf", "application.conf");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--duration", paramLabel = "DURATION",
            description = "Stop after this long, e.g. 30s, 5m, 1h (default: run until Ctrl-C or SIGTERM).")
    String duration;

    @Option(names = "--warmup", paramLabel = "DURATION",
            description = "Leave the first DURATION out of the summary's latency percentiles (JIT compilation, "
                    + "start-up garbage collections, the first tier moves), e.g. 10s (default: 0, measure it all).")
    String warmup;

    @Option(names = "--config", paramLabel = "FILE",
            description = "HOCON configuration (default: conf/application.conf when it exists).")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override any configuration key, e.g. --set rialto.risk.max-position=100 (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the simulation (rialto.sim.seed).")
    Long seed;

    @Option(names = "--venues", paramLabel = "N", description = "Simulated venues (rialto.sim.venues).")
    Integer venues;

    @Option(names = "--symbols", paramLabel = "N",
            description = "Distinct symbols, each on rialto.sim.venues-per-symbol venues (rialto.sim.symbols).")
    Integer symbols;

    @Option(names = "--strategies", paramLabel = "N",
            description = "Run N instances cycling through rialto.instances.kinds instead of the declared "
                    + "strategies, round-robin over symbols and accounts.")
    Integer strategies;

    @Option(names = "--md-rate", paramLabel = "EVENTS_PER_S",
            description = "Total simulated market-data rate, Zipf-skewed over symbols by rialto.sim.md-skew.")
    Double mdRate;

    @Option(names = "--summary-json", paramLabel = "FILE", description = "Write the run summary as JSON.")
    Path summaryJson;

    @Option(names = "--fills-out", paramLabel = "FILE", description = "Write every fill as CSV.")
    Path fillsOut;

    @Option(names = "--record", paramLabel = "DIR",
            description = "Record every market-data event the platform ingests into DIR/recording.rmd.")
    Path record;

    @Option(names = "--replay", paramLabel = "PATH",
            description = "Replay a recording directory, a Tardis CSV file or a directory of them instead of the "
                    + "simulated venues (rialto.replay.path); the run ends when the data does.")
    String replay;

    @Option(names = "--speed", paramLabel = "1|10|max|step",
            description = "Replay speed: a multiple of real time, max, or step: event by event, each after the "
                    + "platform has finished reacting to the last, the same fills every run (rialto.replay.speed).")
    String speed;

    @Option(names = "--ops-port", paramLabel = "PORT",
            description = "Port of the operations API, /metrics and /health (rialto.ops.port; 0 picks a free one).")
    Integer opsPort;

    /** Released by --duration or by a shutdown signal. */
    private final CountDownLatch stop = new CountDownLatch(1);
    /** Released when the summary is out: lets the signal handler finish the JVM with exit code 0. */
    private final CountDownLatch finished = new CountDownLatch(1);

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Config cfg;
        Duration runFor;
        OpsSettings opsSettings;
        HealthSettings healthSettings;
        Duration warmFor;
        try {
            runFor = parseDuration("--duration", duration);
            warmFor = warmup == null ? Duration.ZERO : parseDuration("--warmup", warmup);
            if (runFor != null && warmFor.compareTo(runFor) >= 0) {
                throw new ConfigError("--warmup " + warmup + ": must be shorter than --duration " + duration);
            }
            checkSpeed();
            cfg = Platform.stepMode(ConfigLoader.load(configFile(), sets, options()));
            checkStep(cfg);
            RialtoSettings.create(cfg);
            opsSettings = OpsSettings.create(cfg);
            healthSettings = HealthSettings.create(cfg);
        } catch (ConfigError e) {
            err.println("rialto: " + e.getMessage());
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        PlatformMetrics metrics = new PlatformMetrics();
        Platform platform;
        long launchNs = System.nanoTime();
        MdRecorder recorder = null;
        Replays replays;
        try {
            List<VenueAdapter> adapters = Platform.venueAdapters(cfg);
            if (record != null) {
                recorder = createRecorder();
                adapters = recorder.wrap(adapters);
            }
            replays = new Replays(adapters);
            platform = Platform.start(cfg, metrics, fillsOut, adapters);
        } catch (ConfigError e) {
            if (recorder != null) {
                discard(recorder);
            }
            err.println("rialto: " + e.getMessage());
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        replays.ended().thenRun(stop::countDown); // a replay ends the run when its data ends
        long startNs = launchNs;
        // started means every strategy has run onStart and answered once, not merely been spawned
        platform.strategyStats().toCompletableFuture().join();
        long startedNs = System.nanoTime();
        HealthMonitor health = healthSettings.enabled()
                ? HealthMonitor.start(healthSettings, metrics,
                        MailboxDepths.of(Adapter.toClassic(platform.system()))::maxSaturation,
                        ModeEnforcer.of(platform)) : null;
        Supplier<HealthMode> mode = health == null ? () -> HealthMode.FULL : health::mode;
        OpsServer ops = null;
        if (opsSettings.enabled()) {
            try {
                ops = OpsServer.start(platform, cfg, opsSettings, mode, new PlatformCollector(platform, mode)::scrape);
            } catch (IllegalStateException e) {
                err.println("rialto: " + e.getMessage() + " (choose another with --ops-port, or set "
                        + "rialto.ops.enabled = false)");
                err.flush();
                if (health != null) {
                    health.close();
                }
                platform.shutdown();
                if (recorder != null) {
                    finishRecording(recorder, out, err);
                }
                return CommandLine.ExitCode.SOFTWARE;
            }
        }
        out.printf("rialto: %d venues, %d symbols, %d strategies started in %.2f s%s; %s%n", platform.venueCount(),
                platform.registry().symbols().size(), platform.strategiesStarted(), (startedNs - startNs) / 1e9,
                runFor == null ? "" : ", running for " + duration, "Ctrl-C stops gracefully");
        if (ops != null) {
            out.printf("rialto: operations API on http://%s:%d (/health, /metrics, /api/...)%n", opsSettings.host(),
                    ops.port());
        }
        out.flush();
        Thread hook = new Thread(this::onSignal, "rialto-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rialto-progress");
            t.setDaemon(true);
            return t;
        });
        HistogramLogWriter latencyLog = latencyLog(RialtoSettings.create(cfg).latencyLog(), err);
        Warmup warm = new Warmup(metrics, warmFor.isZero() ? 0 : System.nanoTime() + warmFor.toNanos());
        ProgressLine progress = new ProgressLine(platform, out, startNs, latencyLog, warm);
        long intervalMs = RialtoSettings.create(cfg).progressInterval().toMillis();
        reporter.scheduleAtFixedRate(progress::print, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
        try {
            if (runFor == null) {
                stop.await();
            } else {
                stop.await(runFor.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long stopNs = System.nanoTime();
        reporter.shutdownNow();
        try {
            reporter.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (latencyLog != null) {
            latencyLog.close();
        }
        if (ops != null) {
            ops.close();
        }
        if (health != null) {
            health.close();
        }
        out.println("rialto: stopping: draining feeds, cancelling open orders, reconciling");
        out.flush();
        int code = 0;
        try {
            Platform.Result result = platform.shutdown();
            if (recorder != null && !finishRecording(recorder, out, err)) {
                code = 1;
            }
            RunSummary summary = RunSummary.of(result, metrics, platform.registry(), platform.venueCount(),
                    platform.strategiesStarted(), (stopNs - startNs) / 1e9, stopNs);
            if (replays.any()) {
                summary.fields().put("md_bad_rows", replays.badRows());
            }
            warm.describe(summary.fields(), startNs, stopNs);
            if (warm.cutShort()) {
                err.println("rialto: the run stopped before the --warmup " + warmup + " ended (it ends at a progress "
                        + "tick): the latency percentiles include it");
            }
            SummaryPrinter.print(summary, out);
            if (summaryJson != null) {
                summary.write(summaryJson);
                out.println("summary written to " + summaryJson);
            }
            if (fillsOut != null) {
                out.printf("%d fills written to %s%n", result.fillsWritten(), fillsOut);
            }
            if (result.reconciliation().dropped() != 0) {
                err.println("rialto: reconciliation found " + result.reconciliation().dropped()
                        + " discrepancies: " + RunSummary.problems(result.reconciliation()));
                code = 1;
            }
            if (replays.stoppedOnBadRow()) {
                err.println("rialto: the replay stopped at a bad row (rialto.replay.on-bad-row = stop); the log names it");
                code = 1;
            }
        } catch (IOException | RuntimeException e) {
            err.println("rialto: shutdown failed: " + e);
            LoggerFactory.getLogger(RunCommand.class).error("shutdown failed", e);
            code = 1;
        } finally {
            if (recorder != null) {
                recorder.close(); // idempotent: complete on disk before a signal's hook ends the JVM
            }
            out.flush();
            err.flush();
            exitCode = code;
            finished.countDown();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // a signal arrived: the hook is running and ends the JVM with our exit code
        }
        return code;
    }

    private volatile int exitCode;

    /** JVM shutdown hook (SIGTERM, Ctrl-C): stop, wait for the graceful shutdown, exit with its code. */
    private void onSignal() {
        stop.countDown();
        try {
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(exitCode);
    }

    /** Opens the interval-histogram log ({@code rialto.latency.log-file}), or returns null when it is off. */
    private static HistogramLogWriter latencyLog(Path file, PrintWriter err) {
        if (file == null) {
            return null;
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            HistogramLogWriter log = new HistogramLogWriter(file.toFile());
            long now = System.currentTimeMillis();
            log.outputLogFormatVersion();
            log.outputStartTime(now);
            log.setBaseTime(now);
            log.outputLegend();
            return log;
        } catch (IOException e) {
            err.println("rialto: cannot write the latency log " + file + ": " + e.getMessage() + "; running without");
            return null;
        }
    }

    /** {@code value} of {@code option} as a positive duration; {@code null} when not given. */
    private static Duration parseDuration(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            Duration d = ConfigFactory.parseString("d = " + value).getDuration("d");
            if (d.isNegative() || d.isZero()) {
                throw new ConfigError(option + " " + value + ": must be positive");
            }
            return d;
        } catch (ConfigException e) {
            throw new ConfigError(option + " " + value + ": not a duration (try 30s, 5m, 1h)");
        }
    }

    private MdRecorder createRecorder() {
        try {
            return MdRecorder.create(record);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new ConfigError("--record " + record + ": " + e.getFile() + " already exists; record into another "
                    + "directory");
        } catch (IOException e) {
            throw new ConfigError("--record " + record + ": cannot create the recording: " + e.getMessage());
        }
    }

    /** Finishes the recording and says where it is; false (and why, on stderr) when it could not be written. */
    private static boolean finishRecording(MdRecorder recorder, PrintWriter out, PrintWriter err) {
        MdRecorder.Result r = recorder.close();
        if (r.failure() != null) {
            err.println("rialto: the recording " + r.file() + " is incomplete: " + r.failure().getMessage());
            return false;
        }
        out.printf("recorded %,d market-data events (%,d records, %,d bytes) to %s%n", r.events(), r.records(),
                r.bytes(), r.file());
        return true;
    }

    /** A start that failed leaves no half-made recording behind. */
    private static void discard(MdRecorder recorder) {
        recorder.close();
        try {
            Files.deleteIfExists(recorder.file());
        } catch (IOException ignored) {
            // best effort: the start failed already and says why
        }
    }

    /**
     * Step mode, however it was asked for (--speed step, --set, a config file): the replay steps exactly when the
     * platform runs on the step thread, there is a replay, and nothing records (the recorder's writer thread would
     * be outside the step). A half-configured step mode would run, look stepped and not be.
     */
    private void checkStep(Config cfg) {
        boolean dispatchStep = cfg.getBoolean("rialto.dispatch.step");
        boolean replayStep = cfg.hasPath("rialto.replay.speed")
                && "step".equals(String.valueOf(cfg.getValue("rialto.replay.speed").unwrapped()).trim());
        if (dispatchStep != replayStep) {
            throw new ConfigError("rialto.dispatch.step = " + (dispatchStep ? "on" : "off") + " with rialto.replay"
                    + ".speed " + (replayStep ? "= step" : "not step") + ": step mode needs both (--speed step sets "
                    + "both)");
        }
        if (replayStep && (!cfg.hasPath("rialto.replay.path") || cfg.getString("rialto.replay.path").isBlank())) {
            throw new ConfigError("--speed step: steps through a replay; give --replay PATH");
        }
        if (replayStep && record != null) {
            throw new ConfigError("--speed step cannot record (--record): the recorder's writer thread is outside "
                    + "the step");
        }
    }

    private void checkSpeed() {
        if ("step".equals(speed) && replay == null) {
            throw new ConfigError("--speed step: steps through a replay; give --replay PATH");
        }
        if ("step".equals(speed) && record != null) {
            throw new ConfigError("--speed step cannot record (--record): the recorder's writer thread is outside "
                    + "the step");
        }
        if (speed != null && !speed.equals("max") && !speed.equals("step")) {
            try {
                double x = Double.parseDouble(speed);
                if (x > 0 && Double.isFinite(x)) {
                    return;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new ConfigError("--speed " + speed + ": expected a positive multiple of real time (1, 10, 0.5), max"
                    + " or step");
        }
    }

    private Path configFile() {
        if (config != null) {
            return config;
        }
        return Files.isReadable(DEFAULT_CONFIG) ? DEFAULT_CONFIG : null;
    }

    private Map<String, Object> options() {
        Map<String, Object> o = new LinkedHashMap<>();
        if (seed != null) {
            o.put("rialto.sim.seed", seed);
        }
        if (venues != null) {
            o.put("rialto.sim.venues", venues);
        }
        if (symbols != null) {
            o.put("rialto.sim.symbols", symbols);
        }
        if (mdRate != null) {
            o.put("rialto.sim.md-rate", mdRate);
        }
        if (opsPort != null) {
            o.put("rialto.ops.port", opsPort);
        }
        if (replay != null) {
            o.put("rialto.replay.path", replay);
            o.put("rialto.sim.enabled", false);
        }
        if (speed != null) {
            o.put("rialto.replay.speed", speed);
            if (speed.equals("step")) {
                o.put("rialto.dispatch.step", true);
            }
        }
        if (strategies != null) {
            o.put("rialto.instances.count", strategies);
            o.put("rialto.strategies", List.of());
        }
        return o;
    }
}
