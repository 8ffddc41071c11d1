package io.rialto.core.domain;

/**
 * Time in force.
 * <ul>
 *   <li>{@code GTC} rests until cancelled;</li>
 *   <li>{@code IOC} matches what it can and cancels the rest;</li>
 *   <li>{@code FOK} fills completely at once or is cancelled with no trade;</li>
 *   <li>{@code GTX} post-only: rejected if it would cross the best opposite price on arrival.</li>
 * </ul>
 */
public enum TimeInForce {
    GTC,
    IOC,
    FOK,
    GTX
}
