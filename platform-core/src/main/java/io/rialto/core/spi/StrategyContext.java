package io.rialto.core.spi;

import io.rialto.core.domain.Instrument;
import io.rialto.core.domain.OrderType;
import io.rialto.core.domain.Side;
import io.rialto.core.domain.TimeInForce;
import org.slf4j.Logger;

import java.time.Duration;
import java.util.List;

/**
 * What a strategy can do and see. Only valid on the strategy's own thread (inside its callbacks).
 * Prices are ticks and quantities lots of the instrument; see {@link Instrument} for conversions.
 */
public interface StrategyContext {

    String strategyId();

    String account();

    /**
     * Instruments this strategy trades: every venue listing of the symbols it subscribed to, now or before (an
     * unsubscribed symbol stays tradable, so that a position can still be closed).
     */
    List<Instrument> instruments();

    /**
     * Starts the book updates and trades of {@code symbol} (its first book arrives when the book has one) and makes
     * its listings tradable. Nothing happens if already subscribed. Throws IllegalArgumentException for a symbol the
     * platform does not list.
     */
    void subscribe(String symbol);

    /** Stops the book updates and trades of {@code symbol}; orders and positions in it are unaffected. */
    void unsubscribe(String symbol);

    /** The symbols subscribed now. */
    java.util.Set<String> subscriptions();

    Instrument instrument(int instrumentId);

    StrategyParams params();

    /**
     * Sends a new order through pre-trade risk to its venue. Returns the client order id at once; the
     * outcome arrives in {@link Strategy#onOrderUpdate}. Never throws for a refused order: a refusal
     * is an update with status REJECTED and a reason.
     */
    long submit(int instrumentId, Side side, OrderType type, TimeInForce tif, long priceTicks, long qtyLots);

    /** Asks to cancel an open order. Returns false when the order is not open (or already pending). */
    boolean cancel(long clOrdId);

    /** Asks to change an open order's price and open quantity. Returns false when it cannot be modified. */
    boolean modify(long clOrdId, long newPriceTicks, long newQtyLots);

    /** Client order ids of this strategy's live orders (not yet filled, cancelled or rejected). */
    long[] openOrders();

    /** Open quantity of a live order, or 0. */
    long leavesQty(long clOrdId);

    /** This strategy's net position in lots on an instrument (from its own fills). */
    long position(int instrumentId);

    /** Realized P&amp;L of this strategy in tick-lots of the instrument (average-cost method), fees excluded. */
    long realizedPnlTickLots(int instrumentId);

    /**
     * Unrealized P&amp;L in tick-lots of this strategy's position on an instrument, marked to the mid of the
     * last book it saw for that instrument; NaN before it has seen a two-sided book there.
     */
    default double unrealizedPnlTickLots(int instrumentId) {
        return Double.NaN;
    }

    /** Schedules {@link Strategy#onTimer} every {@code interval}; returns the timer id. */
    long scheduleRepeating(Duration interval);

    void cancelTimer(long timerId);

    /** The platform clock in nanoseconds (injected: tests drive it). */
    long nanoTime();

    Logger log();

    /** Adds to a named counter of this strategy, exported with the platform's metrics. */
    void count(String counter, long delta);
}
