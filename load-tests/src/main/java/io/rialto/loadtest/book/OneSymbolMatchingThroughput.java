package io.rialto.loadtest.book;

import io.rialto.core.book.MatchingBook;
import io.rialto.core.book.SelfTradePrevention;
import io.rialto.core.domain.OrderType;
import io.rialto.core.domain.Side;
import io.rialto.core.domain.TimeInForce;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One thread, one symbol's {@link MatchingBook}, a venue-like mixed flow: ~50% new passive limits near the touch,
 * ~35% cancels, ~10% modifies, ~5% aggressive IOC orders that trade, with ~1,000 live near-touch orders. With
 * {@code deepOrders = 1000000} the book also holds a million resting orders away from the touch (5,000 levels a
 * side), a fifth of the cancels hit one of them at random and the order is re-added.
 *
 * <p>The flow is generated in {@code @Setup} into primitive arrays ({@link MatchingFlow}) and replayed in a cycle;
 * one benchmark operation is one command. Two warm-up passes in setup prove the cycle replays without a reject,
 * and tear-down checks again.
 *
 * <pre>
 * mvn -B -pl load-tests -am package -DskipTests
 * java -jar load-tests/target/benchmarks.jar OneSymbolMatchingThroughput -prof gc -f 1 -wi 3 -w 2s -i 5 -r 2s
 * </pre>
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class OneSymbolMatchingThroughput {

    private static final Side[] SIDES = Side.values();
    private static final TimeInForce[] TIFS = TimeInForce.values();
    private static final int COMMANDS = 1 << 20;

    @Param({"0", "1000000"})
    public int deepOrders;

    private MatchingFlow flow;
    private MatchingBook book;
    private CountingListener listener;
    private int cursor;

    @Setup(Level.Trial)
    public void setUp() {
        flow = MatchingFlow.generate(1_000, deepOrders, COMMANDS, 42);
        listener = new CountingListener();
        book = new MatchingBook(deepOrders + 4_096, SelfTradePrevention.NONE, listener);
        flow.prefill(book);
        int restingAtStart = book.openOrders();
        for (int i = 0; i < 2 * flow.length; i++) {
            step();
        }
        if (listener.rejects != 0 || book.openOrders() != restingAtStart) {
            throw new IllegalStateException("flow does not cycle: " + listener.rejects + " rejects, "
                    + book.openOrders() + " orders instead of " + restingAtStart);
        }
        book.checkConsistency();
        int[] mix = flow.mix;
        System.out.printf("%nflow: %d commands per cycle: %d new passive, %d cancel, %d modify, %d aggressive; "
                        + "%d trades per cycle; %d resting orders%n", flow.length, mix[0], mix[1], mix[2], mix[3],
                listener.trades / 2, restingAtStart);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (listener.rejects != 0) {
            throw new IllegalStateException(listener.rejects + " rejects during the run");
        }
        book.checkConsistency();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public long mixedFlowThroughput() {
        return step();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public long mixedFlowLatency() {
        return step();
    }

    private long step() {
        final MatchingFlow f = flow;
        final int i = cursor;
        final long id = f.ids[i];
        switch (f.actions[i]) {
            case MatchingFlow.NEW:
                book.newOrder(id, SIDES[f.sides[i]], OrderType.LIMIT, TIFS[f.tifs[i]], f.prices[i], f.qtys[i], 0);
                break;
            case MatchingFlow.CANCEL:
                book.cancel(id);
                break;
            default:
                book.modify(id, f.prices[i], f.qtys[i]);
                break;
        }
        cursor = i + 1 == f.length ? 0 : i + 1;
        return listener.events;
    }
}
