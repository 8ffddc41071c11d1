package io.rialto.core.spi;

import io.rialto.core.domain.ExecutionReport;
import io.rialto.core.domain.OrderStatus;
import io.rialto.core.domain.Side;

import java.util.List;

/**
 * One order of this platform as its venue knows it: the answer to a reconciliation query
 * ({@link VenueAdapter#openOrders()}, {@link VenueAdapter#orderStatus(long[])}).
 *
 * @param status        {@code NEW} or {@code PARTIALLY_FILLED} while the order is open at the venue;
 *                      {@code FILLED}, {@code CANCELED} or {@code REJECTED} once it has ended there
 * @param priceTicks    the order's price at the venue now (after any modify the venue applied)
 * @param leavesQtyLots its open quantity at the venue now (0 once ended)
 * @param reports       every execution report the venue produced for the order, oldest first, each with its
 *                      {@link ExecutionReport#execId() exec id} — including those that never reached the platform
 *                      (lost on the way, or produced while the connection was down)
 */
public record VenueOrder(long clOrdId, int instrumentId, Side side, OrderStatus status, long priceTicks,
                         long leavesQtyLots, List<ExecutionReport> reports) {

    public boolean isOpen() {
        return !status.isTerminal();
    }
}
