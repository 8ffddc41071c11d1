package io.rialto.loadtest.risk;

import io.rialto.core.domain.ClOrdIds;
import io.rialto.core.domain.ExecutionReport;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.Liquidity;
import io.rialto.core.domain.NewOrder;
import io.rialto.core.domain.OrderType;
import io.rialto.core.domain.RejectReason;
import io.rialto.core.domain.Side;
import io.rialto.core.domain.TimeInForce;
import io.rialto.risk.RiskEngine;
import io.rialto.risk.RiskSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One thread, the default {@link RiskEngine} with every check turned on, and one new order per operation that
 * passes all of them: instrument rules, trading states (firm, venue, instrument, account, strategy), maximum
 * order quantity and notional, price collar around a mid, duplicate window (1 ms), new-order throttles per
 * strategy and venue, open orders and notional, position limits (strategy, account, firm), gross and net
 * exposure (account, firm), self-trade against a resting order of the same account, loss limits and
 * repeated-execution counting (on the fills made in setup). The order is then released with
 * {@code onNotSent} so the state stays steady.
 *
 * <p>What one operation is:
 * <ul>
 *   <li>{@code throughput}, {@code latency}: one order checked, then released (check + release). The check
 *       cannot be timed alone without timer overhead larger than itself, so this is an upper bound on a
 *       check's cost.</li>
 *   <li>{@code batch}: {@value #BATCH} orders checked one after another (so up to {@value #BATCH} more are
 *       open at once, each check seeing the previous ones' reservations), then the {@value #BATCH} released;
 *       JMH divides by {@value #BATCH} ({@code @OperationsPerInvocation}), so the score is still per order,
 *       check + release, without the per-call harness overhead.</li>
 * </ul>
 *
 * <p>The engine reads {@code System.nanoTime()} once per check, as in production. Orders cycle through 65,536
 * clOrdIds and 32,768 distinct price and quantity pairs: a pair comes back 32,768 orders later, outside the 1 ms
 * window at any rate below 30 M orders/s, so the duplicate filter never fires and holds its steady size (one
 * window of orders).
 *
 * <pre>
 * mvn -B -q -pl load-tests -am package -DskipTests
 * java -jar load-tests/target/benchmarks.jar RiskCheckThroughput -prof gc -f 1 -wi 3 -w 2s -i 5 -r 2s
 * </pre>
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RiskCheckThroughput {
    private static final int ORDERS = 1 << 16;
    static final int BATCH = 64;
    private static final String LIMITS = String.join("\n",
            "rialto.risk {",
            "  max-order-qty = 1000, max-order-notional = 1000000",
            "  price-collar-ticks = 0, price-collar-percent = 10, reference-price = mid, no-reference-price = reject",
            "  duplicate-window = 1ms",
            "  max-open-orders = 1000, max-open-notional = 10000000",
            "  max-position = 100000, max-account-position = 100000, max-firm-position = 1000000",
            "  max-gross-exposure = 100000000, max-net-exposure = 100000000",
            "  max-firm-gross-exposure = 1000000000, max-firm-net-exposure = 1000000000",
            "  new-per-second = 10000000, venue-new-per-second = 10000000",
            "  modify-per-second = 1000, cancel-per-second = 1000",
            "  max-daily-loss = 1000000, max-account-daily-loss = 1000000",
            "  max-fills = 1000, fills-window = 1s",
            "  self-trade = reject",
            "  strategies.s1 { max-order-qty = 900 }",
            "  accounts.ACC-1 { max-gross-exposure = 90000000 }",
            "  instruments.\"V1:SYM1\" { price-collar-ticks = 50 }",
            "}");

    private RiskEngine engine;
    private NewOrder[] orders;
    private int cursor;
    private long rejected;

    @Setup(Level.Trial)
    public void setUp() {
        List<InstrumentRegistry.Listing> listings = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            listings.add(new InstrumentRegistry.Listing("V1", "SYM" + i, new BigDecimal("0.01"), BigDecimal.ONE, 1,
                    100_000));
        }
        InstrumentRegistry registry = InstrumentRegistry.of(List.of("V1"), listings);
        engine = new RiskEngine(RiskSettings.parse(LIMITS), registry, System::nanoTime);
        for (int i = 0; i < registry.size(); i++) {
            engine.onMarketPrice(i, 9_990, 10_010);
        }
        // a position with fills (P&L, loss and repeated-execution state), and a resting sell of the same account
        long sequence = 0;
        NewOrder held = new NewOrder(ClOrdIds.of(1, ++sequence), "s1", "ACC-1", 1, Side.BUY, OrderType.LIMIT,
                TimeInForce.GTC, 10_000, 100, 0, 0);
        require(engine.checkNew(held));
        engine.onExecution(ExecutionReport.fill(held.clOrdId(), 1, Side.BUY, 10_000, 40, 60, 1_000, Liquidity.TAKER,
                0));
        engine.onExecution(ExecutionReport.fill(held.clOrdId(), 1, Side.BUY, 10_001, 60, 0, 1_000, Liquidity.TAKER,
                0));
        NewOrder resting = new NewOrder(ClOrdIds.of(2, ++sequence), "s2", "ACC-1", 1, Side.SELL, OrderType.LIMIT,
                TimeInForce.GTC, 10_500, 10, 0, 0);
        require(engine.checkNew(resting));
        orders = new NewOrder[ORDERS];
        for (int i = 0; i < ORDERS; i++) {
            orders[i] = new NewOrder(ClOrdIds.of(1, 1_000 + i), "s1", "ACC-1", 1, Side.BUY, OrderType.LIMIT,
                    TimeInForce.GTC, 9_960 + i % 64, 1 + i / 64 % 512, 0, 0);
        }
        for (int i = 0; i < 2 * ORDERS; i++) {
            checkAndRelease();
        }
        if (rejected != 0) {
            throw new IllegalStateException(rejected + " orders rejected while warming up: the cycle must pass");
        }
    }

    private static void require(RejectReason reason) {
        if (reason != RejectReason.NONE) {
            throw new IllegalStateException("setup order rejected: " + reason);
        }
    }

    private RejectReason checkAndRelease() {
        NewOrder order = orders[cursor];
        cursor = (cursor + 1) & (ORDERS - 1);
        RejectReason reason = engine.checkNew(order);
        if (reason == RejectReason.NONE) {
            engine.onNotSent(order.clOrdId());
        } else {
            rejected++;
        }
        return reason;
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public RejectReason throughput() {
        return checkAndRelease();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public RejectReason latency() {
        return checkAndRelease();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public int batch() {
        int start = cursor;
        int accepted = 0;
        for (int i = 0; i < BATCH; i++) {
            if (engine.checkNew(orders[(start + i) & (ORDERS - 1)]) == RejectReason.NONE) {
                accepted++;
            } else {
                rejected++;
            }
        }
        for (int i = 0; i < BATCH; i++) {
            engine.onNotSent(orders[(start + i) & (ORDERS - 1)].clOrdId());
        }
        cursor = (start + BATCH) & (ORDERS - 1);
        return accepted;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (rejected != 0) {
            throw new IllegalStateException(rejected + " orders rejected during the run: not the accept path");
        }
    }
}
