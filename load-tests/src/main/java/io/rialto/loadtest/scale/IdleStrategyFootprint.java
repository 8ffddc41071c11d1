package io.rialto.loadtest.scale;

import com.typesafe.config.Config;
import io.rialto.core.config.ConfigLoader;
import io.rialto.core.kernel.Platform;
import io.rialto.core.metrics.PlatformMetrics;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.Map;

/**
 * Heap per idle strategy: starts the platform (simulated venues with no market data, so every strategy
 * is idle) with 0 and then N strategies, and compares the used heap after full collections.
 *
 * <pre>
 *   java -cp load-tests/target/benchmarks.jar io.rialto.loadtest.scale.IdleStrategyFootprint 10000
 * </pre>
 */
public final class IdleStrategyFootprint {
    private IdleStrategyFootprint() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        long base = usedAfterStart(0);
        long withN = usedAfterStart(n);
        System.out.printf("heap with 0 strategies %.1f MB, with %,d: %.1f MB -> %.0f bytes per idle strategy%n",
                base / 1e6, n, withN / 1e6, (withN - base) / (double) n);
        System.exit(0);
    }

    private static long usedAfterStart(int strategies) throws Exception {
        Config config = ConfigLoader.load(null, List.of("rialto.sim.md-rate = 0"),
                Map.of("rialto.instances.count", strategies, "rialto.strategies", List.of()));
        Platform platform = Platform.start(config, new PlatformMetrics(), null);
        long started = System.nanoTime();
        platform.strategyStats().toCompletableFuture().get();
        System.out.printf("%,d strategies started in %.2f s%n", strategies, (System.nanoTime() - started) / 1e9);
        long used = used();
        platform.shutdown();
        return used;
    }

    private static long used() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) { // the smallest after a few full collections: what is really retained
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
