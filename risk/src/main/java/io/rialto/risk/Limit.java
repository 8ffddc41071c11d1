package io.rialto.risk;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValueType;

import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;

/**
 * One configurable limit of the risk engine: its key under {@code rialto.risk}, how its value is read and
 * encoded as a {@code long}, and which override blocks ({@code strategies}, {@code accounts},
 * {@code instruments}) may set it. A numeric value of 0 turns the check off.
 *
 * <p>Encodings: lots, counts, ticks and rates as they are; money (quote currency) in micro-units (E6);
 * percentages in parts per million; durations in nanoseconds; choices as the index of the choice.
 */
enum Limit {
    MAX_ORDER_QTY("max-order-qty", Kind.LOTS, Limit.STRATEGY | Limit.INSTRUMENT),
    MAX_ORDER_NOTIONAL("max-order-notional", Kind.MONEY, Limit.STRATEGY | Limit.INSTRUMENT),
    PRICE_COLLAR_TICKS("price-collar-ticks", Kind.LOTS, Limit.INSTRUMENT),
    PRICE_COLLAR_PERCENT("price-collar-percent", Kind.PERCENT, Limit.INSTRUMENT),
    REFERENCE_PRICE("reference-price", Kind.CHOICE, Limit.INSTRUMENT, "mid", "last-trade"),
    NO_REFERENCE_PRICE("no-reference-price", Kind.CHOICE, Limit.INSTRUMENT, "reject", "allow"),
    DUPLICATE_WINDOW("duplicate-window", Kind.DURATION, Limit.STRATEGY),
    MAX_OPEN_ORDERS("max-open-orders", Kind.LOTS, Limit.STRATEGY),
    MAX_OPEN_NOTIONAL("max-open-notional", Kind.MONEY, Limit.STRATEGY),
    MAX_POSITION("max-position", Kind.LOTS, Limit.STRATEGY),
    MAX_ACCOUNT_POSITION("max-account-position", Kind.LOTS, Limit.ACCOUNT),
    MAX_FIRM_POSITION("max-firm-position", Kind.LOTS, Limit.INSTRUMENT),
    MAX_GROSS_EXPOSURE("max-gross-exposure", Kind.MONEY, Limit.ACCOUNT),
    MAX_NET_EXPOSURE("max-net-exposure", Kind.MONEY, Limit.ACCOUNT),
    MAX_FIRM_GROSS_EXPOSURE("max-firm-gross-exposure", Kind.MONEY, 0),
    MAX_FIRM_NET_EXPOSURE("max-firm-net-exposure", Kind.MONEY, 0),
    NEW_PER_SECOND("new-per-second", Kind.RATE, Limit.STRATEGY),
    MODIFY_PER_SECOND("modify-per-second", Kind.RATE, Limit.STRATEGY),
    CANCEL_PER_SECOND("cancel-per-second", Kind.RATE, Limit.STRATEGY),
    VENUE_NEW_PER_SECOND("venue-new-per-second", Kind.RATE, 0),
    VENUE_MODIFY_PER_SECOND("venue-modify-per-second", Kind.RATE, 0),
    VENUE_CANCEL_PER_SECOND("venue-cancel-per-second", Kind.RATE, 0),
    MAX_DAILY_LOSS("max-daily-loss", Kind.MONEY, Limit.STRATEGY),
    MAX_ACCOUNT_DAILY_LOSS("max-account-daily-loss", Kind.MONEY, Limit.ACCOUNT),
    MAX_FILLS("max-fills", Kind.LOTS, Limit.STRATEGY),
    FILLS_WINDOW("fills-window", Kind.DURATION, Limit.STRATEGY),
    SELF_TRADE("self-trade", Kind.CHOICE, 0, "reject", "cancel-resting"),
    TRADING_STATE("trading-state", Kind.CHOICE, Limit.STRATEGY | Limit.ACCOUNT | Limit.INSTRUMENT,
            "ACTIVE", "REDUCING", "HALTED");

    /** May be set in {@code rialto.risk.strategies.<id>}. */
    static final int STRATEGY = 1;
    /** May be set in {@code rialto.risk.accounts.<id>}. */
    static final int ACCOUNT = 2;
    /** May be set in {@code rialto.risk.instruments."<venue>:<symbol>"}. */
    static final int INSTRUMENT = 4;

    static final Limit[] VALUES = values();
    static final int COUNT = VALUES.length;
    /** "Not set here": an override block leaves the value to the defaults. */
    static final long UNSET = Long.MIN_VALUE;

    private static final long MAX_LOTS = 1_000_000_000_000_000L;
    private static final BigDecimal MAX_MONEY = new BigDecimal("1000000000000");
    private static final long MAX_FILLS_RING = 100_000;
    private static final long MAX_RATE = 10_000_000;
    private static final long MAX_DURATION_NS = TimeUnit.DAYS.toNanos(1);

    enum Kind { LOTS, MONEY, PERCENT, RATE, DURATION, CHOICE }

    final String key;
    final Kind kind;
    final int scopes;
    final String[] choices;

    Limit(String key, Kind kind, int scopes, String... choices) {
        this.key = key;
        this.kind = kind;
        this.scopes = scopes;
        this.choices = choices;
    }

    /** A limit whose 0 means "no limit": the engine sees {@link Long#MAX_VALUE} instead. */
    boolean isMaximum() {
        return kind == Kind.LOTS && this != PRICE_COLLAR_TICKS || kind == Kind.MONEY;
    }

    static Limit ofKey(String key) {
        for (Limit limit : VALUES) {
            if (limit.key.equals(key)) {
                return limit;
            }
        }
        return null;
    }

    /**
     * Reads and validates {@code path} of {@code config}. Throws {@link IllegalArgumentException} naming
     * {@code fullPath} and the value's origin when it is of the wrong type or out of range.
     */
    long read(Config config, String path, String fullPath) {
        String where = RiskSettings.origin(config, path);
        try {
            switch (kind) {
                case LOTS:
                    return checked(config.getLong(path), 0, this == MAX_FILLS ? MAX_FILLS_RING : MAX_LOTS, where,
                            fullPath);
                case RATE:
                    return checked(config.getLong(path), 0, MAX_RATE, where, fullPath);
                case DURATION:
                    return checked(config.getDuration(path, TimeUnit.NANOSECONDS), 0, MAX_DURATION_NS, where,
                            fullPath);
                case MONEY:
                    return decimal(config, path, MAX_MONEY, where, fullPath);
                case PERCENT:
                    return decimal(config, path, BigDecimal.valueOf(100), where, fullPath);
                default:
                    return choice(config.getString(path), where, fullPath);
            }
        } catch (ConfigException e) {
            throw new IllegalArgumentException(where + ": " + fullPath + ": " + e.getMessage(), e);
        }
    }

    private long decimal(Config config, String path, BigDecimal max, String where, String fullPath) {
        ConfigValueType type = config.getValue(path).valueType();
        if (type != ConfigValueType.NUMBER && type != ConfigValueType.STRING) {
            throw bad(where, fullPath, config.getValue(path).render(), "a number");
        }
        String text = String.valueOf(config.getValue(path).unwrapped());
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw bad(where, fullPath, text, "a number");
        }
        if (value.signum() < 0 || value.compareTo(max) > 0) {
            throw bad(where, fullPath, text, "a number in [0, " + max.toPlainString() + "]");
        }
        try {
            return value.movePointRight(6).longValueExact();
        } catch (ArithmeticException e) {
            throw bad(where, fullPath, text, "at most 6 decimals");
        }
    }

    private long choice(String text, String where, String fullPath) {
        for (int i = 0; i < choices.length; i++) {
            if (choices[i].equalsIgnoreCase(text)) {
                return i;
            }
        }
        throw bad(where, fullPath, text, "one of " + String.join(", ", choices));
    }

    private static long checked(long value, long min, long max, String where, String fullPath) {
        if (value < min || value > max) {
            throw bad(where, fullPath, Long.toString(value), "a value in [" + min + ", " + max + "]");
        }
        return value;
    }

    private static IllegalArgumentException bad(String where, String fullPath, String value, String expected) {
        return new IllegalArgumentException(where + ": " + fullPath + " = " + value + " is invalid: expected "
                + expected);
    }

    /** The value as a user would write it (for logs and refusals). */
    String render(long value) {
        if (value == UNSET) {
            return "(default)";
        }
        switch (kind) {
            case MONEY:
            case PERCENT:
                return BigDecimal.valueOf(value, 6).stripTrailingZeros().toPlainString();
            case DURATION:
                return value + "ns";
            case CHOICE:
                return choices[(int) value];
            default:
                return Long.toString(value);
        }
    }
}
