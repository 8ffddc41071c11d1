package io.rialto.core.spi;

import io.rialto.core.domain.MarketTrade;

/**
 * A trading strategy: plain Java, written by a user, hosted by the platform.
 *
 * <p><b>Threading rule:</b> every callback is called on the strategy's own actor, one at a time, never
 * concurrently, so a strategy keeps its state in plain fields without locks. A callback must not
 * block: it returns quickly and acts through its {@link StrategyContext}.
 *
 * <p>A callback that throws restarts the strategy with backoff (fresh instance, state reset); after
 * repeated failures the strategy is stopped and its orders cancelled. No other strategy notices.
 */
public interface Strategy {

    /** Called once before any other callback. Keep the context: it is valid until {@link #onStop()}. */
    default void onStart(StrategyContext ctx) {
    }

    /**
     * The latest book of a subscribed symbol. Book updates are conflated: a slow strategy sees the most
     * recent book, never a backlog. The view is valid only during this call.
     */
    default void onBook(BookView book) {
    }

    /** A trade printed on a venue for a subscribed symbol. Trades are never conflated. */
    default void onTrade(MarketTrade trade) {
    }

    /** Something happened to one of this strategy's orders. Never conflated, never dropped. */
    default void onOrderUpdate(OrderUpdate update) {
    }

    /** A timer scheduled through {@link StrategyContext#scheduleRepeating} fired. */
    default void onTimer(long timerId) {
    }

    /** Called once when the strategy stops; its open orders are cancelled by the platform afterwards. */
    default void onStop() {
    }
}
