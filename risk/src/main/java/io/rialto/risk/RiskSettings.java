package io.rialto.risk;

import com.typesafe.config.Config;
import io.rialto.core.config.Settings;

/**
 * Limits of the default risk engine, read from {@code rialto.risk}; all quantities in lots.
 *
 * @param maxOrderQty       largest quantity of one order (or of a modify's new quantity)
 * @param maxPosition       largest absolute position per strategy and instrument, counting open
 *                          orders as if they filled (worst case)
 * @param maxOpenOrders     live orders per strategy
 */
public record RiskSettings(long maxOrderQty, long maxPosition, int maxOpenOrders) {

    public static RiskSettings create(Config config) {
        Config r = Settings.read(() -> config.getConfig("rialto.risk"));
        return new RiskSettings(
                Settings.longIn(r, "max-order-qty", 1, Long.MAX_VALUE / 4),
                Settings.longIn(r, "max-position", 1, Long.MAX_VALUE / 4),
                Settings.intIn(r, "max-open-orders", 1, 1_000_000));
    }
}
