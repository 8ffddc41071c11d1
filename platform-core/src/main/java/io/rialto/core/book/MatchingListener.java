package io.rialto.core.book;

/**
 * Receives every event of a {@link MatchingBook}, in the order they happen, with primitive arguments only.
 *
 * <p>Threading: called synchronously on the thread that calls the book, from inside
 * {@code newOrder}, {@code cancel} and {@code modify}. An implementation must not call back into the book
 * that is notifying it (the book may be between two steps of a match) and should not block.
 */
public interface MatchingListener {

    /** A new order passed every check. Followed by its trades, then {@code onRested} or {@code onCanceled}. */
    void onAccepted(long orderId);

    /**
     * One execution at the maker's price.
     *
     * @param takerLeavesQty open quantity of the taker right after this trade
     * @param makerLeavesQty open quantity of the maker right after this trade (0: it left the book)
     */
    void onTrade(long takerId, long makerId, long priceTicks, long qtyLots, long takerLeavesQty,
                 long makerLeavesQty);

    /** The order (new, or modified with loss of priority) now rests in the book. */
    void onRested(long orderId, long priceTicks, long openQtyLots);

    /** Explicit cancel, IOC or market remainder, FOK kill, or self-trade prevention. */
    void onCanceled(long orderId, long canceledQtyLots);

    /**
     * A modify was applied. An in-place change (same price, quantity not above the open quantity) emits only
     * this; any other modify is followed by the order's trades and {@code onRested} or {@code onCanceled}.
     */
    void onModified(long orderId, long priceTicks, long openQtyLots);

    /** The command was refused; nothing else is emitted for it. */
    void onRejected(long orderId, MatchReject reason);
}
