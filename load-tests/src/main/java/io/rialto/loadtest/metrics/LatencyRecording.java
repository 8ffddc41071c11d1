package io.rialto.loadtest.metrics;

import io.rialto.core.metrics.PlatformMetrics;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The cost of recording one latency on the hot path, as every stage does: {@code PlatformMetrics.record} into
 * an HdrHistogram {@code Recorder} (clamped to range, wait-free, no allocation). A second benchmark adds the
 * {@code System.nanoTime()} a stage reads to get the value.
 *
 * <pre>
 *   java -jar load-tests/target/benchmarks.jar LatencyRecording -prof gc -f 1 -wi 3 -w 1s -i 5 -r 1s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LatencyRecording {
    private final PlatformMetrics metrics = new PlatformMetrics();
    private long value = 1_000;

    @Benchmark
    public void record() {
        value = (value * 1_103_515_245L + 12_345L) & 0xF_FFFF; // latencies from 0 to ~1 ms
        PlatformMetrics.record(metrics.tickToTrade, value);
    }

    @Benchmark
    public void stampAndRecord() {
        PlatformMetrics.record(metrics.tickToTrade, System.nanoTime() - value);
    }
}
