package io.rialto.venues.sim;

import com.typesafe.config.Config;
import io.rialto.core.config.Settings;
import io.rialto.venues.ws.WebSocketReconnect;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * Settings of the simulated venues, read from {@code rialto.sim}.
 *
 * @param websocket     serve each venue's feed over a WebSocket on loopback and read it back with the WebSocket
 *                      client ({@link io.rialto.venues.ws.WebSocketFeedVenue}) instead of in process
 * @param mdRate        total market-data events per second over all venues (0 = no participant flow)
 * @param mdSkew        Zipf exponent of the rate over symbols: 0 spreads it evenly, 1 makes a few symbols hot
 * @param makerFeePpm   maker fee in millionths of notional (negative: a rebate)
 * @param faults        the faults each venue injects, by venue index (see {@link SimFaults})
 * @param wsReconnect   how the WebSocket client reconnects a lost feed connection
 */
public record SimSettings(boolean enabled, boolean websocket, int venues, int symbols, int venuesPerSymbol,
                          double mdRate, double mdSkew, long seed, BigDecimal tickSize, BigDecimal lotSize,
                          long minQtyLots, long maxQtyLots, BigDecimal startPrice, double volatilityTicks,
                          int batchSize, Duration tickInterval, int initialLevels, long makerFeePpm, long takerFeePpm,
                          List<SimFaults> faults, WebSocketReconnect wsReconnect) {

    public static SimSettings create(Config config) {
        Config s = Settings.read(() -> config.getConfig("rialto.sim"));
        BigDecimal tick = decimal(s, "tick-size");
        BigDecimal lot = decimal(s, "lot-size");
        BigDecimal start = decimal(s, "start-price");
        if (start.divideAndRemainder(tick)[1].signum() != 0) {
            throw new IllegalArgumentException(Settings.where(s, "start-price") + ": rialto.sim.start-price "
                    + start + " is not a multiple of rialto.sim.tick-size " + tick);
        }
        long minQty = Settings.longIn(s, "min-qty", 1, Long.MAX_VALUE / 4);
        long maxQty = Settings.longIn(s, "max-qty", 1, Long.MAX_VALUE / 4);
        if (maxQty < minQty) {
            throw new IllegalArgumentException(Settings.where(s, "max-qty") + ": rialto.sim.max-qty " + maxQty
                    + " is below rialto.sim.min-qty " + minQty);
        }
        int venues = Settings.intIn(s, "venues", 1, 1000);
        return new SimSettings(
                Settings.bool(s, "enabled"),
                Settings.bool(s, "websocket"),
                venues,
                Settings.intIn(s, "symbols", 1, 1_000_000),
                Settings.intIn(s, "venues-per-symbol", 1, 1000),
                Settings.doubleIn(s, "md-rate", 0, 1e9),
                Settings.doubleIn(s, "md-skew", 0, 10),
                Settings.longIn(s, "seed", Long.MIN_VALUE, Long.MAX_VALUE),
                tick, lot, minQty, maxQty, start,
                Settings.doubleIn(s, "volatility-ticks", 0, 1e6),
                Settings.intIn(s, "batch-size", 1, 1024),
                Settings.positiveDuration(s, "tick-interval"),
                Settings.intIn(s, "initial-levels", 1, 1000),
                Math.round(Settings.doubleIn(s, "maker-fee-bps", -1e4, 1e4) * 100),
                Math.round(Settings.doubleIn(s, "taker-fee-bps", -1e4, 1e4) * 100),
                SimFaults.create(s, venues),
                WebSocketReconnect.create(s));
    }

    private static BigDecimal decimal(Config s, String key) {
        String raw = Settings.read(() -> s.getValue(key).unwrapped().toString());
        try {
            BigDecimal value = new BigDecimal(raw);
            if (value.signum() <= 0) {
                throw new IllegalArgumentException(Settings.where(s, key) + ": rialto.sim." + key
                        + " must be positive, got " + raw);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Settings.where(s, key) + ": rialto.sim." + key
                    + " is not a decimal number: " + raw, e);
        }
    }

    public static String venueName(int venue) {
        return "SIM" + (venue + 1);
    }

    public static String symbolName(int symbol) {
        return String.format("SYM%04d", symbol);
    }
}
