package io.rialto.core.book;

/**
 * What the matching engine does when an incoming order reaches a resting order of the same account.
 * <ul>
 *   <li>{@code NONE}: accounts are ignored, orders of one account trade with each other;</li>
 *   <li>{@code CANCEL_TAKER}: the incoming order's remaining quantity is cancelled, earlier trades stand;</li>
 *   <li>{@code CANCEL_MAKER}: the resting order is cancelled and matching continues.</li>
 * </ul>
 */
public enum SelfTradePrevention {
    NONE,
    CANCEL_TAKER,
    CANCEL_MAKER
}
