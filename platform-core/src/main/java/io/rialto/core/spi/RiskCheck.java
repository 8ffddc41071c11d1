package io.rialto.core.spi;

import io.rialto.core.domain.ExecutionReport;
import io.rialto.core.domain.ModifyOrder;
import io.rialto.core.domain.NewOrder;
import io.rialto.core.domain.RejectReason;

import java.util.List;

/**
 * Pre-trade risk and position keeping for every order of the platform. Plain single-threaded engine:
 * the platform's risk actor is its only caller, so implementations need no locks.
 *
 * <p>Checks return {@link RejectReason#NONE} to let an order through and must not allocate on that
 * path. Everything an accepted order reserves (open orders, worst-case position) is released by
 * the reports that finish it, or by {@link #onNotSent} when it never reached its venue.
 */
public interface RiskCheck {

    RejectReason checkNew(NewOrder order);

    RejectReason checkModify(ModifyOrder modify);

    /** An order accepted by {@link #checkNew} never reached its venue (an overloaded venue session). */
    void onNotSent(long clOrdId);

    /** A venue report for an order this check accepted: fills move positions and P&amp;L. */
    void onExecution(ExecutionReport report);

    /** Positions per strategy and instrument (a copy). */
    List<Position> positions();

    /** Fills applied to positions so far. */
    long fillsApplied();

    /**
     * One strategy's position on one instrument.
     *
     * @param costTickLots     signed cost basis of the open position (sum of price x qty, average-cost)
     * @param realizedTickLots realized P&amp;L in tick-lots, fees excluded
     * @param feesE6           fees paid in millionths of a tick-lot (negative: rebates received)
     */
    record Position(String strategyId, String account, int instrumentId, long qtyLots, long costTickLots,
                    long realizedTickLots, long feesE6, long fills) {

        /** Unrealized P&amp;L in tick-lots against a mark price in ticks (may be fractional, e.g. a mid). */
        public double unrealizedTickLots(double markTicks) {
            return qtyLots == 0 ? 0.0 : markTicks * qtyLots - costTickLots;
        }
    }
}
