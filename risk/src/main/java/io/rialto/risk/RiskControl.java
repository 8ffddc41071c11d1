package io.rialto.risk;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.rialto.core.domain.RejectReason;
import io.rialto.core.domain.RiskScope;
import io.rialto.core.domain.TradingState;
import io.rialto.core.spi.RiskCheck.Position;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The control path of a {@link RiskEngine}: trading states and the kill switch, limit changes at run time,
 * the start of a new trading day, and read-only queries. Called on the engine's thread, like the engine;
 * may allocate and log (it is not per order).
 *
 * <p>Trading states: {@link #setTradingState} with HALTED is the kill switch: the scope rejects new orders
 * and modifies with {@code KILL_SWITCH} (its caller cancels the open orders, see {@link #openOrderIds}).
 * HALTED set through configuration or {@code updateLimit("...trading-state", "HALTED")} rejects with
 * {@code TRADING_HALTED}; a loss-limit breach with {@code LOSS_LIMIT}; the repeated-execution throttle with
 * {@code REPEATED_EXECUTION}. Setting ACTIVE (or REDUCING) clears any of them. Cancels always pass.
 */
public final class RiskControl {
    private static final Logger LOG = LoggerFactory.getLogger(RiskControl.class);
    private static final String PREFIX = RiskSettings.ROOT + ".";

    private final RiskEngine engine;
    private final long[] defaults;
    private final Map<String, long[]> strategyOverrides = new HashMap<>();
    private final Map<String, long[]> accountOverrides = new HashMap<>();
    private final Map<String, long[]> instrumentOverrides = new HashMap<>();

    RiskControl(RiskEngine engine, RiskSettings settings) {
        this.engine = engine;
        this.defaults = settings.defaults();
        settings.strategies().forEach((id, values) -> strategyOverrides.put(id, values.clone()));
        settings.accounts().forEach((id, values) -> accountOverrides.put(id, values.clone()));
        settings.instruments().forEach((id, values) -> instrumentOverrides.put(id, values.clone()));
        long nowNs = engine.clock.getAsLong();
        for (String key : instrumentOverrides.keySet()) {
            if (engine.registry.find(key.substring(0, Math.max(0, key.indexOf(':'))),
                    key.substring(key.indexOf(':') + 1)) == null) {
                throw new IllegalArgumentException(PREFIX + RiskSettings.INSTRUMENTS + "." + RiskSettings.quoted(key)
                        + ": no venue lists this instrument (expected \"<venue>:<symbol>\")");
            }
        }
        engine.firm.add("firm", defaults, defaults, nowNs);
        engine.registry.instruments().forEach(i -> engine.instruments.add(i.key(), defaults,
                instrumentOverrides.get(i.key()), nowNs));
        engine.registry.instruments().forEach(i -> engine.firmPositions.slot(0, i.id())); // firm slot = id
        engine.registry.venues().forEach(v -> engine.venues.add(v, defaults, null, nowNs));
    }

    int strategy(String name) {
        int st = engine.strategies.find(name);
        return st != Scopes.NULL_INDEX ? st
                : engine.strategies.add(name, defaults, strategyOverrides.get(name), engine.clock.getAsLong());
    }

    int account(String name) {
        int ac = engine.accounts.find(name);
        return ac != Scopes.NULL_INDEX ? ac
                : engine.accounts.add(name, defaults, accountOverrides.get(name), engine.clock.getAsLong());
    }

    /** The table and entity of a scope's target, or null with {@code refusal[0]} set. */
    private int entity(RiskScope scope, String target, Scopes[] table, String[] refusal) {
        if (scope == RiskScope.GLOBAL) {
            table[0] = engine.firm;
            return 0;
        }
        if (target == null || target.isEmpty()) {
            refusal[0] = scope + " needs a target";
            return Scopes.NULL_INDEX;
        }
        switch (scope) {
            case STRATEGY:
                table[0] = engine.strategies;
                return strategy(target);
            case ACCOUNT:
                table[0] = engine.accounts;
                return account(target);
            case INSTRUMENT:
                table[0] = engine.instruments;
                break;
            default:
                table[0] = engine.venues;
                break;
        }
        int e = table[0].find(target);
        if (e == Scopes.NULL_INDEX) {
            refusal[0] = "unknown " + table[0].kind + " " + target;
        }
        return e;
    }

    /** See the class comment; {@code target} is null for GLOBAL. Returns null, or why it was refused. */
    public String setTradingState(RiskScope scope, String target, TradingState state) {
        return setState(scope, target, state, RejectReason.KILL_SWITCH, "setTradingState");
    }

    private String setState(RiskScope scope, String target, TradingState state, RejectReason haltReason,
                            String by) {
        if (scope == null || state == null) {
            return "scope and state are required";
        }
        Scopes[] table = new Scopes[1];
        String[] refusal = new String[1];
        int e = entity(scope, target, table, refusal);
        if (e == Scopes.NULL_INDEX) {
            return refusal[0];
        }
        Scopes scopes = table[0];
        TradingState was = TradingState.values()[scopes.state[e]];
        RejectReason wasReason = scopes.haltReason[e];
        scopes.setState(e, (byte) state.ordinal(), haltReason);
        if (scopes == engine.strategies && state != TradingState.HALTED) {
            engine.fillWindows.clear(e);
        }
        LOG.info("risk: {} {} trading state {} (was {}{}) by {}", scopes.kind, scopes.names[e],
                state == TradingState.HALTED ? "HALTED/" + haltReason : state, was,
                was == TradingState.HALTED ? "/" + wasReason : "", by);
        return null;
    }

    /** The trading state of a scope's target (ACTIVE for a strategy or account not seen yet). */
    public TradingState tradingState(RiskScope scope, String target) {
        return TradingState.values()[stateOf(scope, target)[0]];
    }

    /** What a HALTED scope rejects with ({@code NONE} when not halted). */
    public RejectReason haltReason(RiskScope scope, String target) {
        return RejectReason.values()[stateOf(scope, target)[1]];
    }

    private int[] stateOf(RiskScope scope, String target) {
        Scopes[] table = new Scopes[1];
        int e = entity(scope, target, table, new String[1]);
        if (e == Scopes.NULL_INDEX) {
            throw new IllegalArgumentException("unknown " + scope + " " + target);
        }
        return new int[] {table[0].state[e], table[0].haltReason[e].ordinal()};
    }

    /**
     * Changes one limit, {@code path} relative to {@code rialto.risk} (a default such as {@code max-position},
     * or {@code strategies.<id>.<key>}, {@code accounts.<id>.<key>}, {@code instruments."<venue>:<symbol>".<key>}),
     * {@code value} in HOCON form ("250", "1.5", "200ms", "HALTED"). Re-resolves the limits it affects and
     * refills their throttle buckets; logs the change. Returns null, or why it was refused.
     */
    public String updateLimit(String path, String value) {
        if (path == null || value == null) {
            return "path and value are required";
        }
        String p = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : path;
        String block = null;
        String id = null;
        String key = p;
        int dot = p.indexOf('.');
        if (dot > 0) {
            block = p.substring(0, dot);
            int last = p.lastIndexOf('.');
            if (last <= dot + 1 || !(block.equals(RiskSettings.STRATEGIES) || block.equals(RiskSettings.ACCOUNTS)
                    || block.equals(RiskSettings.INSTRUMENTS))) {
                return "unknown key " + PREFIX + p;
            }
            id = p.substring(dot + 1, last);
            if (id.length() > 1 && id.startsWith("\"") && id.endsWith("\"")) {
                id = id.substring(1, id.length() - 1);
            }
            key = p.substring(last + 1);
        }
        Limit limit = Limit.ofKey(key);
        if (limit == null) {
            return "unknown key " + PREFIX + p;
        }
        int scope = block == null ? 0 : block.equals(RiskSettings.STRATEGIES) ? Limit.STRATEGY
                : block.equals(RiskSettings.ACCOUNTS) ? Limit.ACCOUNT : Limit.INSTRUMENT;
        if (block != null && (limit.scopes & scope) == 0) {
            return PREFIX + p + " does not apply to " + block + " (" + RiskSettings.scopesOf(limit) + ")";
        }
        if (scope == Limit.INSTRUMENT && engine.instruments.find(id) == Scopes.NULL_INDEX) {
            return PREFIX + p + ": no venue lists instrument " + id;
        }
        long parsed;
        try {
            Config one = ConfigFactory.parseString("v = " + value);
            parsed = limit.read(one, "v", PREFIX + p);
        } catch (ConfigException | IllegalArgumentException e) {
            return PREFIX + p + " = " + value + ": " + e.getMessage();
        }
        long[] values = block == null ? defaults : (scope == Limit.STRATEGY ? strategyOverrides
                : scope == Limit.ACCOUNT ? accountOverrides : instrumentOverrides)
                .computeIfAbsent(id, k -> RiskSettings.unset());
        long old = values[limit.ordinal()];
        values[limit.ordinal()] = parsed;
        LOG.info("risk: limit {} changed from {} to {}", PREFIX + p, limit.render(old), limit.render(parsed));
        if (limit == Limit.TRADING_STATE) {
            RiskScope riskScope = block == null ? RiskScope.GLOBAL : scope == Limit.STRATEGY ? RiskScope.STRATEGY
                    : scope == Limit.ACCOUNT ? RiskScope.ACCOUNT : RiskScope.INSTRUMENT;
            return setState(riskScope, id, TradingState.values()[(int) parsed], RejectReason.TRADING_HALTED,
                    "updateLimit");
        }
        reresolve(block == null ? null : scope, id);
        return null;
    }

    private void reresolve(Integer scope, String id) {
        long nowNs = engine.clock.getAsLong();
        if (scope == null || scope == Limit.STRATEGY) {
            resolveAll(engine.strategies, strategyOverrides, id, nowNs);
        }
        if (scope == null || scope == Limit.ACCOUNT) {
            resolveAll(engine.accounts, accountOverrides, id, nowNs);
        }
        if (scope == null || scope == Limit.INSTRUMENT) {
            resolveAll(engine.instruments, instrumentOverrides, id, nowNs);
        }
        if (scope == null) {
            resolveAll(engine.venues, Map.of(), null, nowNs);
            engine.firm.resolve(0, defaults, defaults, nowNs);
        }
    }

    private void resolveAll(Scopes scopes, Map<String, long[]> overrides, String only, long nowNs) {
        for (int e = 0; e < scopes.size; e++) {
            if (only == null || only.equals(scopes.names[e])) {
                scopes.resolve(e, defaults, overrides.get(scopes.names[e]), nowNs);
            }
        }
    }

    /** The current value of a limit as it would be written in configuration (for the API and tests). */
    public String limit(String path) {
        String p = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : path;
        Limit limit = Limit.ofKey(p.substring(p.lastIndexOf('.') + 1));
        if (limit == null) {
            throw new IllegalArgumentException("unknown key " + PREFIX + p);
        }
        if (p.indexOf('.') < 0) {
            return limit.render(defaults[limit.ordinal()]);
        }
        String block = p.substring(0, p.indexOf('.'));
        String id = p.substring(p.indexOf('.') + 1, p.lastIndexOf('.')).replace("\"", "");
        Map<String, long[]> overrides = block.equals(RiskSettings.STRATEGIES) ? strategyOverrides
                : block.equals(RiskSettings.ACCOUNTS) ? accountOverrides : instrumentOverrides;
        long[] values = overrides.get(id);
        return limit.render(values == null ? Limit.UNSET : values[limit.ordinal()]);
    }

    /** Starts a new trading day: loss limits count from the P&amp;L now. Does not change trading states. */
    public void startDay() {
        for (Scopes scopes : new Scopes[] {engine.strategies, engine.accounts}) {
            for (int e = 0; e < scopes.size; e++) {
                scopes.dayStartPnlE6[e] = scopes.pnlE6[e];
            }
        }
        LOG.info("risk: new trading day, loss limits count from now");
    }

    /** P&amp;L of a strategy or account since the start of the day, micro-units of the quote currency. */
    public long dayPnlE6(RiskScope scope, String target) {
        Scopes scopes = scope == RiskScope.STRATEGY ? engine.strategies : engine.accounts;
        if (scope != RiskScope.STRATEGY && scope != RiskScope.ACCOUNT) {
            throw new IllegalArgumentException("P&L is kept per strategy and per account, not per " + scope);
        }
        int e = scopes.find(target);
        return e == Scopes.NULL_INDEX ? 0 : scopes.dayPnlE6(e);
    }

    /** Open orders a scope covers (the kill switch cancels them); {@code target} null for GLOBAL. */
    public long[] openOrderIds(RiskScope scope, String target) {
        OrderTable orders = engine.orders;
        Scopes[] table = new Scopes[1];
        int e = scope == RiskScope.GLOBAL ? 0 : entity(scope, target, table, new String[1]);
        long[] ids = new long[orders.open()];
        int n = 0;
        for (int o = 0; o < orders.highWater() && e != Scopes.NULL_INDEX; o++) {
            if (!orders.isOpen(o)) {
                continue;
            }
            int holder = switch (scope) {
                case GLOBAL -> 0;
                case STRATEGY -> orders.strategy[o];
                case ACCOUNT -> orders.account[o];
                case INSTRUMENT -> orders.instrument[o];
                case VENUE -> orders.venue[o];
            };
            if (holder == e) {
                ids[n++] = orders.clOrdId[o];
            }
        }
        return java.util.Arrays.copyOf(ids, n);
    }

    /** Positions per account and instrument ({@code strategyId} null). */
    public List<Position> accountPositions() {
        return positions(engine.accountPositions, engine.accounts);
    }

    List<Position> positions(PositionTable table, Scopes holders) {
        List<Position> out = new ArrayList<>(table.size);
        boolean strategies = holders == engine.strategies;
        for (int s = 0; s < table.size; s++) {
            int h = table.holder[s];
            String account = strategies ? engine.accounts.names[table.account[s]] : holders.names[h];
            out.add(new Position(strategies ? holders.names[h] : null, account, table.instrument[s],
                    table.ledger.qty(s), table.ledger.cost(s), table.ledger.realized(s), table.ledger.fees(s),
                    table.ledger.fills(s)));
        }
        return out;
    }
}
