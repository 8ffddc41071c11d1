package io.rialto.core.spi;

import io.rialto.core.domain.CancelOrder;
import io.rialto.core.domain.ExecutionReport;
import io.rialto.core.domain.ModifyOrder;
import io.rialto.core.domain.NewOrder;
import io.rialto.core.domain.RejectReason;
import io.rialto.core.domain.RiskScope;
import io.rialto.core.domain.TradingState;

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

    /** A cancel request; only a throttle may refuse it. */
    default RejectReason checkCancel(CancelOrder cancel) {
        return RejectReason.NONE;
    }

    /** The venue's best bid and ask changed ({@code Long.MIN_VALUE} for an empty side): collars, marks. */
    default void onMarketPrice(int instrumentId, long bidTicks, long askTicks) {
    }

    /** A trade printed on the venue: the last-trade reference price. */
    default void onMarketTrade(int instrumentId, long priceTicks) {
    }

    /**
     * Sets the trading state of a scope ({@code target} is {@code null} for {@link RiskScope#GLOBAL}).
     * The kill switch sets {@link TradingState#HALTED}; the caller cancels the open orders it covers.
     * Returns {@code null} when applied, or why it was refused.
     */
    default String setTradingState(RiskScope scope, String target, TradingState state) {
        return getClass().getName() + " has no trading states";
    }

    /**
     * Changes one limit at run time, {@code path} relative to {@code rialto.risk} (for example
     * {@code max-position} or {@code strategies.mm-1.max-position}). Returns {@code null} when applied,
     * or why it was refused (unknown key, bad value) so the caller can report it.
     */
    default String updateLimit(String path, String value) {
        return "limits of " + getClass().getName() + " cannot be changed at run time";
    }

    /**
     * After {@link #checkNew} accepted an order: how many resting orders of the same account it would
     * cross and that must be cancelled before it is sent (self-trade prevention that cancels the resting
     * side). Valid until the next check; 0 when the engine rejects self-trades instead.
     */
    default int selfTradeCancelCount() {
        return 0;
    }

    /** The client order id of the {@code i}-th resting order to cancel (see {@link #selfTradeCancelCount}). */
    default long selfTradeCancel(int i) {
        throw new IndexOutOfBoundsException("no self-trade cancels: " + i);
    }

    /** A new trading day starts: daily loss limits count from zero again. */
    default void startDay() {
    }

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
