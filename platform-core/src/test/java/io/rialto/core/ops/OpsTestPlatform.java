package io.rialto.core.ops;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.rialto.core.config.ConfigLoader;
import io.rialto.core.domain.BookSnapshot;
import io.rialto.core.domain.CancelOrder;
import io.rialto.core.domain.ExecutionReport;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.MarketData;
import io.rialto.core.domain.ModifyOrder;
import io.rialto.core.domain.NewOrder;
import io.rialto.core.domain.OrderType;
import io.rialto.core.domain.RejectReason;
import io.rialto.core.domain.RiskScope;
import io.rialto.core.domain.Side;
import io.rialto.core.domain.TimeInForce;
import io.rialto.core.domain.TradingState;
import io.rialto.core.kernel.Platform;
import io.rialto.core.kernel.StrategyCatalog;
import io.rialto.core.metrics.PlatformMetrics;
import io.rialto.core.spi.BookView;
import io.rialto.core.spi.ParamSpec;
import io.rialto.core.spi.RiskCheck;
import io.rialto.core.spi.RiskProvider;
import io.rialto.core.spi.Strategy;
import io.rialto.core.spi.StrategyContext;
import io.rialto.core.spi.StrategyFactory;
import io.rialto.core.spi.StrategyParams;
import io.rialto.core.spi.VenueAdapter;
import io.rialto.core.spi.VenueContext;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.OverflowStrategy;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.javadsl.SourceQueueWithComplete;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A platform for operations tests: one venue TEST listing ABC (bid 100.00 x 10 / ask 100.05 x 7) that
 * acknowledges orders and leaves them open, a risk check that accepts everything but halted scopes, and a
 * strategy kind {@code one-bid} that rests one bid below the market.
 */
final class OpsTestPlatform {
    private OpsTestPlatform() {
    }

    static Platform start(Path pluginsDir, String strategies) {
        // the test venue sends one snapshot and then nothing: its feed must not turn stale during the tests
        Config config = ConfigFactory.parseString(strategies + "\nrialto.plugins.dir = \""
                + pluginsDir.toString().replace("\\", "/") + "\"\nrialto.venue-session.feed-stale-after = 1h")
                .withFallback(ConfigLoader.defaults());
        return Platform.start(config, new PlatformMetrics(), null, new HaltableRisk(), List.of(new RestingVenue()),
                new StrategyCatalog(List.of(new OneBidFactory())));
    }

    static final class OneBidFactory implements StrategyFactory {
        @Override
        public String name() {
            return "one-bid";
        }

        @Override
        public String description() {
            return "rests one bid";
        }

        @Override
        public List<ParamSpec> params() {
            return List.of();
        }

        @Override
        public Strategy create(StrategyParams params) {
            return new Strategy() {
                private StrategyContext ctx;
                private boolean sent;

                @Override
                public void onStart(StrategyContext ctx) {
                    this.ctx = ctx;
                }

                @Override
                public void onBook(BookView book) {
                    if (!sent && book.bidLevels(0) > 0) {
                        sent = true;
                        ctx.submit(book.instrumentId(0), Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
                                book.bidPrice(0, 0) - 1, 1);
                    }
                }
            };
        }
    }

    /** Accepts orders unless halted; accepts a change of {@code max-order-qty} and refuses any other. */
    static final class HaltableRisk implements RiskCheck, RiskProvider {
        private final Map<String, Boolean> halted = new ConcurrentHashMap<>();

        @Override
        public String name() {
            return "haltable";
        }

        @Override
        public RiskCheck create(Config config, InstrumentRegistry instruments) {
            return this;
        }

        @Override
        public RejectReason checkNew(NewOrder order) {
            return halted.isEmpty() ? RejectReason.NONE : RejectReason.KILL_SWITCH;
        }

        @Override
        public RejectReason checkModify(ModifyOrder modify) {
            return RejectReason.NONE;
        }

        @Override
        public void onNotSent(long clOrdId) {
        }

        @Override
        public void onExecution(ExecutionReport report) {
        }

        @Override
        public List<Position> positions() {
            return List.of(new Position("a", "ACC-A", 0, 3, 30000, 0, 0, 1));
        }

        @Override
        public long fillsApplied() {
            return 0;
        }

        @Override
        public String setTradingState(RiskScope scope, String target, TradingState state) {
            if (scope == RiskScope.ACCOUNT && target.equals("NOPE")) {
                return "unknown account NOPE";
            }
            halted.put(scope + ":" + target, state == TradingState.HALTED);
            return null;
        }

        @Override
        public String updateLimit(String path, String value) {
            return path.equals("max-order-qty") ? null : path + " cannot be changed at run time";
        }
    }

    static final class RestingVenue implements VenueAdapter {
        private final Map<Long, NewOrder> open = new ConcurrentHashMap<>();
        private volatile VenueContext ctx;
        private volatile SourceQueueWithComplete<MarketData> feed;

        @Override
        public String name() {
            return "TEST";
        }

        @Override
        public List<InstrumentRegistry.Listing> listings() {
            return List.of(new InstrumentRegistry.Listing("TEST", "ABC", new BigDecimal("0.01"), BigDecimal.ONE, 1,
                    1_000_000));
        }

        @Override
        public void connect(VenueContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Source<MarketData, NotUsed> marketData() {
            return Source.<MarketData>queue(16, OverflowStrategy.backpressure()).mapMaterializedValue(queue -> {
                feed = queue;
                queue.offer(new BookSnapshot(0, 1, new long[] {10000}, new long[] {10}, new long[] {10005},
                        new long[] {7}, 0));
                return NotUsed.getInstance();
            });
        }

        @Override
        public void submit(NewOrder order) {
            open.put(order.clOrdId(), order);
            ctx.executions().accept(ExecutionReport.ack(order.clOrdId(), order.instrumentId(), order.side(),
                    order.priceTicks(), order.qtyLots(), 1));
        }

        @Override
        public void cancel(CancelOrder cancel) {
            NewOrder order = open.remove(cancel.clOrdId());
            if (order == null) {
                ctx.executions().accept(ExecutionReport.cancelRejected(cancel.clOrdId(), cancel.instrumentId(),
                        Side.BUY, 0, RejectReason.UNKNOWN_ORDER, 3));
            } else {
                ctx.executions().accept(ExecutionReport.canceled(cancel.clOrdId(), cancel.instrumentId(),
                        order.side(), order.qtyLots(), 3));
            }
        }

        @Override
        public void modify(ModifyOrder modify) {
            throw new IllegalStateException("no modify");
        }

        @Override
        public void stopMarketData() {
            if (feed != null) {
                feed.complete();
            }
        }

        @Override
        public void disconnect() {
        }
    }
}
