package io.rialto.core.kernel;

import io.rialto.core.domain.BookSnapshot;
import io.rialto.core.domain.CancelOrder;
import io.rialto.core.domain.ExecutionReport;
import io.rialto.core.domain.Liquidity;
import io.rialto.core.domain.MarketData;
import io.rialto.core.domain.MdBatch;
import io.rialto.core.domain.ModifyOrder;
import io.rialto.core.domain.NewOrder;
import io.rialto.core.domain.Side;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.OverflowStrategy;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.javadsl.SourceQueueWithComplete;


/**
 * A venue for kernel tests: its feed is a book of bid 100.00 x 10 / ask 100.05 x 7 and then one depth
 * update (the ask becomes 9); every order is acknowledged and then filled in full at its limit price, or,
 * when the venue is made {@link #resting()}, left open until cancelled.
 */
final class ScriptedVenue extends TestVenue {
    private final boolean fill;

    ScriptedVenue() {
        this(true);
    }

    private ScriptedVenue(boolean fill) {
        this.fill = fill;
    }

    /** A venue that acknowledges orders and leaves them open. */
    static ScriptedVenue resting() {
        return new ScriptedVenue(false);
    }
    private volatile SourceQueueWithComplete<MarketData> feed;

    @Override
    public Source<MarketData, NotUsed> marketData() {
        return Source.<MarketData>queue(16, OverflowStrategy.backpressure()).mapMaterializedValue(queue -> {
            feed = queue;
            queue.offer(new BookSnapshot(0, 1, new long[] {10000}, new long[] {10}, new long[] {10005},
                    new long[] {7}, 0));
            queue.offer(new MdBatch.Builder(0, 4).depth(0, 2, Side.SELL, 10005, 9).build());
            return NotUsed.getInstance();
        });
    }

    @Override
    public void submit(NewOrder order) {
        ctx.executions().accept(ExecutionReport.ack(order.clOrdId(), order.instrumentId(), order.side(),
                order.priceTicks(), order.qtyLots(), 1));
        if (fill) {
            ctx.executions().accept(ExecutionReport.fill(order.clOrdId(), order.instrumentId(), order.side(),
                    order.priceTicks(), order.qtyLots(), 0, 0, Liquidity.TAKER, 2));
        } else {
            open.put(order.clOrdId(), order);
        }
    }

    private final java.util.Map<Long, NewOrder> open = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void cancel(CancelOrder cancel) {
        NewOrder order = open.remove(cancel.clOrdId());
        if (order == null) {
            ctx.executions().accept(ExecutionReport.cancelRejected(cancel.clOrdId(), cancel.instrumentId(),
                    Side.BUY, 0, io.rialto.core.domain.RejectReason.UNKNOWN_ORDER, 3));
        } else {
            ctx.executions().accept(ExecutionReport.canceled(cancel.clOrdId(), cancel.instrumentId(), order.side(),
                    order.qtyLots(), 3));
        }
    }

    @Override
    public void modify(ModifyOrder modify) {
        throw new IllegalStateException("the scripted venue takes no modify");
    }

    @Override
    public void stopMarketData() {
        if (feed != null) {
            feed.complete();
        }
    }
}
