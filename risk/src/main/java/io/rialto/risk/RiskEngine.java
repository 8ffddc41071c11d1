package io.rialto.risk;

import io.rialto.core.domain.CancelOrder;
import io.rialto.core.domain.ClOrdIds;
import io.rialto.core.domain.ExecutionReport;
import io.rialto.core.domain.Instrument;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.ModifyOrder;
import io.rialto.core.domain.NewOrder;
import io.rialto.core.domain.OrderType;
import io.rialto.core.domain.RejectReason;
import io.rialto.core.domain.RiskScope;
import io.rialto.core.domain.Side;
import io.rialto.core.domain.TradingState;
import io.rialto.core.spi.RiskCheck;

import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The default pre-trade risk engine and position keeper. Plain single-threaded Java, no Pekko: the risk actor
 * is its only caller, and every method must be called from that one thread.
 *
 * <p>{@link #checkNew} runs, in this order, stopping at the first failure: instrument rules
 * ({@code UNKNOWN_INSTRUMENT}, {@code QTY_NOT_ON_LOT}, {@code PRICE_NOT_ON_TICK}, {@code QTY_OUT_OF_RANGE},
 * {@code DUPLICATE_ID}); trading states of the firm, venue, instrument, account and strategy (a HALTED scope
 * rejects with the reason it was halted for: {@code KILL_SWITCH}, {@code TRADING_HALTED}, {@code LOSS_LIMIT},
 * {@code REPEATED_EXECUTION}; a REDUCING scope with {@code TRADING_REDUCING} unless the order reduces);
 * {@code MAX_ORDER_QTY}, {@code MAX_ORDER_NOTIONAL}; {@code PRICE_COLLAR} / {@code NO_REFERENCE_PRICE};
 * {@code DUPLICATE_ORDER}; {@code THROTTLED}; {@code MAX_OPEN_ORDERS}, {@code MAX_OPEN_NOTIONAL};
 * {@code POSITION_LIMIT}; {@code EXPOSURE_LIMIT}; {@code SELF_TRADE}. An accepted order takes its throttle
 * tokens and reserves its quantity and notional until its reports (or {@link #onNotSent}) release them.
 *
 * <p>In {@code self-trade = cancel-resting} mode an order that would cross resting orders of its account is
 * accepted, and {@link #selfTradeCancelCount()} / {@link #selfTradeCancel(int)} list the resting orders the
 * caller must cancel before it sends the new order to the venue.
 *
 * <p>State lives in primitive arrays indexed by dense slots ({@link Scopes}, {@link PositionTable},
 * {@link OrderTable}); nothing is allocated on the accept path once the slots exist. Time is read once per
 * message from the injected nanosecond clock. Control-path methods (trading states, limits, queries) are in
 * {@link RiskControl}.
 */
public final class RiskEngine implements RiskCheck {
    private static final int NULL_INDEX = -1;
    private static final int BUY = 0;
    private static final int NEW = 0;
    private static final int MODIFY = 1;
    private static final int CANCEL = 2;
    private static final int MAX_ORDER_QTY = Limit.MAX_ORDER_QTY.ordinal();
    private static final int MAX_ORDER_NOTIONAL = Limit.MAX_ORDER_NOTIONAL.ordinal();
    private static final int COLLAR_TICKS = Limit.PRICE_COLLAR_TICKS.ordinal();
    private static final int COLLAR_PERCENT = Limit.PRICE_COLLAR_PERCENT.ordinal();
    private static final int REFERENCE = Limit.REFERENCE_PRICE.ordinal();
    private static final int NO_REFERENCE = Limit.NO_REFERENCE_PRICE.ordinal();
    private static final int DUPLICATE_WINDOW = Limit.DUPLICATE_WINDOW.ordinal();
    private static final int MAX_OPEN_ORDERS = Limit.MAX_OPEN_ORDERS.ordinal();
    private static final int MAX_OPEN_NOTIONAL = Limit.MAX_OPEN_NOTIONAL.ordinal();
    private static final int MAX_POSITION = Limit.MAX_POSITION.ordinal();
    private static final int MAX_FIRM_POSITION = Limit.MAX_FIRM_POSITION.ordinal();
    private static final long PERCENT_E6 = 100_000_000L;

    final LongSupplier clock;
    final InstrumentRegistry registry;
    final Market market;
    final Scopes strategies = new Scopes("strategy");
    final Scopes accounts = new Scopes("account");
    final Scopes instruments = new Scopes("instrument");
    final Scopes venues = new Scopes("venue");
    final Scopes firm = new Scopes("firm");
    final PositionTable strategyPositions;
    final PositionTable accountPositions;
    final PositionTable firmPositions;
    final OrderTable orders = new OrderTable();
    /** Strategy entity by the strategy index of its clOrdIds (dense, see {@link ClOrdIds}), NULL_INDEX if none. */
    private int[] strategyByIndex = new int[0];
    final FillWindows fillWindows;
    final RiskControl control;
    private final DuplicateFilter duplicates = new DuplicateFilter();
    private final long[] rejects = new long[RejectReason.values().length];
    private final Instrument[] instrumentById;
    private long[] selfTradeCancels = new long[16];
    private int selfTradeCancelCount;
    private long fillsApplied;

    /**
     * @param nanoClock monotonic nanoseconds ({@code System::nanoTime} in production; tests drive their own):
     *                  throttles, duplicate windows and repeated-execution windows run on it
     * @throws IllegalArgumentException when an instrument override names an instrument the registry lacks
     */
    public RiskEngine(RiskSettings settings, InstrumentRegistry registry, LongSupplier nanoClock) {
        this.clock = nanoClock;
        this.registry = registry;
        this.market = new Market(registry);
        this.instrumentById = registry.instruments().toArray(new Instrument[0]);
        this.strategyPositions = new PositionTable(strategies, market, registry.size(), Limit.MAX_DAILY_LOSS,
                false);
        this.accountPositions = new PositionTable(accounts, market, registry.size(), Limit.MAX_ACCOUNT_DAILY_LOSS,
                true);
        this.firmPositions = new PositionTable(firm, market, registry.size(), null, true);
        this.fillWindows = new FillWindows(this);
        this.control = new RiskControl(this, settings);
    }

    @Override
    public RejectReason checkNew(NewOrder order) {
        selfTradeCancelCount = 0;
        RejectReason reason = check(order);
        rejects[reason.ordinal()]++;
        return reason;
    }

    private RejectReason check(NewOrder order) {
        int id = order.instrumentId();
        if (id < 0 || id >= instrumentById.length) {
            return RejectReason.UNKNOWN_INSTRUMENT;
        }
        Instrument instrument = instrumentById[id];
        long qty = order.qtyLots();
        long price = order.priceTicks();
        boolean isMarket = order.type() == OrderType.MARKET;
        if (qty <= 0) {
            return RejectReason.QTY_NOT_ON_LOT;
        }
        if (!isMarket && price <= 0) {
            return RejectReason.PRICE_NOT_ON_TICK;
        }
        if (qty < instrument.minQtyLots() || qty > instrument.maxQtyLots()) {
            return RejectReason.QTY_OUT_OF_RANGE;
        }
        long clOrdId = order.clOrdId();
        if (orders.find(clOrdId) != NULL_INDEX) {
            return RejectReason.DUPLICATE_ID;
        }
        long nowNs = clock.getAsLong();
        int st = strategyOf(clOrdId, order.strategyId());
        int ac = accountOf(st, order.account());
        int venue = instrument.venueIndex();
        int side = order.side().ordinal();
        int sp = strategySlot(st, id);
        int ap = strategyPositions.accountSlot[sp];
        if (strategyPositions.account[sp] != ac) { // the strategy's slot remembers its account's slot
            ap = accountPositions.slot(ac, id);
            strategyPositions.account[sp] = ac;
            strategyPositions.accountSlot[sp] = ap;
        }
        int fp = id; // the firm's slots are made in instrument order
        int sb = st * Limit.COUNT;
        int ib = id * Limit.COUNT;
        long[] sl = strategies.limits;
        long[] il = instruments.limits;
        // looked up here, reported in its place below: the lookup's memory access (the filter is larger than
        // the caches closest to the core) overlaps the checks in between instead of stalling the one after it
        long windowNs = sl[sb + DUPLICATE_WINDOW];
        long slotSide = DuplicateFilter.slotSide(sp, side);
        boolean duplicate = windowNs > 0 && duplicates.isDuplicate(slotSide, order.priceTicks(), qty, nowNs);
        RejectReason reason = stateCheck(st, ac, id, venue, sp, side, qty);
        if (reason != RejectReason.NONE) {
            return reason;
        }
        if (qty > Math.min(sl[sb + MAX_ORDER_QTY], il[ib + MAX_ORDER_QTY])) {
            return RejectReason.MAX_ORDER_QTY;
        }
        long referenceTwice = market.referenceTwice(id, il[ib + REFERENCE]);
        if (isMarket) {
            if (referenceTwice == Market.NONE) {
                return RejectReason.NO_REFERENCE_PRICE; // a market order has no price to value it at
            }
            price = (referenceTwice + 1) / 2;
        }
        long notionalE6 = market.moneyE6(id, price * qty);
        if (notionalE6 > Math.min(sl[sb + MAX_ORDER_NOTIONAL], il[ib + MAX_ORDER_NOTIONAL])) {
            return RejectReason.MAX_ORDER_NOTIONAL;
        }
        if (!isMarket) {
            reason = collar(ib, price, referenceTwice);
            if (reason != RejectReason.NONE) {
                return reason;
            }
        }
        if (duplicate) {
            return RejectReason.DUPLICATE_ORDER;
        }
        if (!strategies.buckets.hasToken(3 * st + NEW, nowNs) || !venues.buckets.hasToken(3 * venue + NEW, nowNs)) {
            return RejectReason.THROTTLED;
        }
        if (strategies.openOrders[st] >= sl[sb + MAX_OPEN_ORDERS]) {
            return RejectReason.MAX_OPEN_ORDERS;
        }
        if (strategies.openNotionalE6[st] + notionalE6 > sl[sb + MAX_OPEN_NOTIONAL]) {
            return RejectReason.MAX_OPEN_NOTIONAL;
        }
        reason = limitsCheck(st, ac, ib, sp, ap, fp, side, qty, notionalE6);
        if (reason != RejectReason.NONE) {
            return reason;
        }
        if (selfTrade(ap, side, price, isMarket, NULL_INDEX)) {
            return RejectReason.SELF_TRADE;
        }
        strategies.buckets.take(3 * st + NEW);
        venues.buckets.take(3 * venue + NEW);
        if (windowNs > 0) {
            duplicates.record(slotSide, order.priceTicks(), qty, nowNs, windowNs);
        }
        int o = orders.add(clOrdId, side, ap);
        orders.priceTicks[o] = price;
        orders.strategy[o] = st;
        orders.account[o] = ac;
        orders.instrument[o] = id;
        orders.venue[o] = venue;
        orders.strategySlot[o] = sp;
        strategies.openOrders[st]++;
        reserve(o, qty, notionalE6);
        return RejectReason.NONE;
    }

    /** HALTED scopes reject with their reason (firm, venue, instrument, account, strategy); REDUCING ones unless reducing. */
    private RejectReason stateCheck(int st, int ac, int id, int venue, int sp, int side, long addLots) {
        byte f = firm.state[0];
        byte v = venues.state[venue];
        byte i = instruments.state[id];
        byte a = accounts.state[ac];
        byte s = strategies.state[st];
        if ((f | v | i | a | s) == Scopes.ACTIVE) {
            return RejectReason.NONE;
        }
        if (f == Scopes.HALTED) {
            return firm.haltReason[0];
        }
        if (v == Scopes.HALTED) {
            return venues.haltReason[venue];
        }
        if (i == Scopes.HALTED) {
            return instruments.haltReason[id];
        }
        if (a == Scopes.HALTED) {
            return accounts.haltReason[ac];
        }
        if (s == Scopes.HALTED) {
            return strategies.haltReason[st];
        }
        return addLots <= 0 || reduces(sp, side, addLots) ? RejectReason.NONE : RejectReason.TRADING_REDUCING;
    }

    /** Whether {@code addLots} more of {@code side} keeps the strategy's position shrinking toward 0, worst case. */
    private boolean reduces(int sp, int side, long addLots) {
        long position = strategyPositions.ledger.qty(sp);
        long worst = strategyPositions.worstPosition(sp, side, addLots);
        return side == BUY ? position < 0 && worst <= 0 : position > 0 && worst >= 0;
    }

    /** A limit price within N ticks or X percent of the reference (both kept doubled, so a mid stays exact). */
    private RejectReason collar(int ib, long priceTicks, long referenceTwice) {
        long ticks = instruments.limits[ib + COLLAR_TICKS];
        long percentE6 = instruments.limits[ib + COLLAR_PERCENT];
        if (ticks == 0 && percentE6 == 0) {
            return RejectReason.NONE;
        }
        if (referenceTwice == Market.NONE) {
            return instruments.limits[ib + NO_REFERENCE] == 0 ? RejectReason.NO_REFERENCE_PRICE : RejectReason.NONE;
        }
        long bandTwice = Math.max(2 * ticks,
                referenceTwice / PERCENT_E6 * percentE6 + referenceTwice % PERCENT_E6 * percentE6 / PERCENT_E6);
        return Math.abs(2 * priceTicks - referenceTwice) > bandTwice ? RejectReason.PRICE_COLLAR : RejectReason.NONE;
    }

    /** Position limits (strategy, account, firm per instrument) and exposure limits (account, firm), worst case. */
    private RejectReason limitsCheck(int st, int ac, int ib, int sp, int ap, int fp, int side, long addLots,
                                     long addNotionalE6) {
        if (addLots > 0 && (beyond(strategyPositions, sp, side, addLots, strategies.limits[st * Limit.COUNT
                + MAX_POSITION])
                || beyond(accountPositions, ap, side, addLots, accounts.limit(ac, Limit.MAX_ACCOUNT_POSITION))
                || beyond(firmPositions, fp, side, addLots, instruments.limits[ib + MAX_FIRM_POSITION]))) {
            return RejectReason.POSITION_LIMIT;
        }
        if (addNotionalE6 > 0 && (accountPositions.grossAfter(ap, side, addNotionalE6)
                > accounts.limit(ac, Limit.MAX_GROSS_EXPOSURE)
                || accountPositions.netAfter(ap, side, addNotionalE6) > accounts.limit(ac, Limit.MAX_NET_EXPOSURE)
                || firmPositions.grossAfter(fp, side, addNotionalE6) > firm.limit(0, Limit.MAX_FIRM_GROSS_EXPOSURE)
                || firmPositions.netAfter(fp, side, addNotionalE6) > firm.limit(0, Limit.MAX_FIRM_NET_EXPOSURE))) {
            return RejectReason.EXPOSURE_LIMIT;
        }
        return RejectReason.NONE;
    }

    private static boolean beyond(PositionTable table, int s, int side, long addLots, long maxLots) {
        long worst = table.worstPosition(s, side, addLots);
        return side == BUY ? worst > maxLots : worst < -maxLots;
    }

    /**
     * Whether the order would cross a resting order of its account on the instrument. In reject mode that
     * rejects it; in cancel-resting mode the crossing orders are listed for the caller and the order passes.
     */
    private boolean selfTrade(int ap, int side, long priceTicks, boolean isMarket, int exclude) {
        boolean reject = firm.limit(0, Limit.SELF_TRADE) == 0;
        for (int r = orders.firstResting(ap, 1 - side); r != NULL_INDEX; r = orders.nextResting(r)) {
            if (r != exclude && orders.crosses(r, side, priceTicks, isMarket)) {
                if (reject) {
                    return true;
                }
                if (selfTradeCancelCount == selfTradeCancels.length) {
                    selfTradeCancels = Arrays.copyOf(selfTradeCancels, selfTradeCancelCount * 2);
                }
                selfTradeCancels[selfTradeCancelCount++] = orders.clOrdId[r];
            }
        }
        return false;
    }

    /** Resting orders the caller must cancel before sending the order just accepted (cancel-resting mode). */
    @Override
    public int selfTradeCancelCount() {
        return selfTradeCancelCount;
    }

    /** The clOrdId of the {@code i}-th resting order to cancel, {@code 0 <= i < selfTradeCancelCount()}. */
    @Override
    public long selfTradeCancel(int i) {
        if (i < 0 || i >= selfTradeCancelCount) {
            throw new IndexOutOfBoundsException(i);
        }
        return selfTradeCancels[i];
    }

    @Override
    public RejectReason checkModify(ModifyOrder modify) {
        selfTradeCancelCount = 0;
        int o = orders.find(modify.clOrdId());
        if (o == NULL_INDEX) {
            return RejectReason.UNKNOWN_ORDER;
        }
        int id = orders.instrument[o];
        Instrument instrument = instrumentById[id];
        long qty = modify.newQtyLots();
        long price = modify.newPriceTicks();
        if (qty <= 0) {
            return RejectReason.QTY_NOT_ON_LOT;
        }
        if (price <= 0) {
            return RejectReason.PRICE_NOT_ON_TICK;
        }
        if (qty < instrument.minQtyLots() || qty > instrument.maxQtyLots()) {
            return RejectReason.QTY_OUT_OF_RANGE;
        }
        long nowNs = clock.getAsLong();
        int st = orders.strategy[o];
        int ac = orders.account[o];
        int venue = orders.venue[o];
        int side = orders.side[o];
        int sp = orders.strategySlot[o];
        int ap = orders.accountSlot[o];
        long addLots = qty - orders.leavesLots[o];
        RejectReason reason = stateCheck(st, ac, id, venue, sp, side, addLots);
        if (reason != RejectReason.NONE) {
            return reason;
        }
        int ib = id * Limit.COUNT;
        if (qty > Math.min(strategies.limits[st * Limit.COUNT + MAX_ORDER_QTY], instruments.limits[ib + MAX_ORDER_QTY])) {
            return RejectReason.MAX_ORDER_QTY;
        }
        long notionalE6 = market.moneyE6(id, price * qty);
        if (notionalE6 > Math.min(strategies.limits[st * Limit.COUNT + MAX_ORDER_NOTIONAL],
                instruments.limits[ib + MAX_ORDER_NOTIONAL])) {
            return RejectReason.MAX_ORDER_NOTIONAL;
        }
        reason = collar(ib, price, market.referenceTwice(id, instruments.limits[ib + REFERENCE]));
        if (reason != RejectReason.NONE) {
            return reason;
        }
        if (!strategies.buckets.hasToken(3 * st + MODIFY, nowNs)
                || !venues.buckets.hasToken(3 * venue + MODIFY, nowNs)) {
            return RejectReason.THROTTLED;
        }
        long addNotionalE6 = notionalE6 - orders.notionalE6[o];
        if (strategies.openNotionalE6[st] + addNotionalE6 > strategies.limit(st, Limit.MAX_OPEN_NOTIONAL)) {
            return RejectReason.MAX_OPEN_NOTIONAL;
        }
        reason = limitsCheck(st, ac, ib, sp, ap, id, side, addLots, addNotionalE6);
        if (reason != RejectReason.NONE) {
            return reason;
        }
        if (price != orders.priceTicks[o] && selfTrade(ap, side, price, false, o)) {
            return RejectReason.SELF_TRADE;
        }
        strategies.buckets.take(3 * st + MODIFY);
        venues.buckets.take(3 * venue + MODIFY);
        return RejectReason.NONE;
    }

    /** Only the cancel throttles (per strategy, per venue) may refuse a cancel; an unknown order passes. */
    @Override
    public RejectReason checkCancel(CancelOrder cancel) {
        int id = cancel.instrumentId();
        if (id < 0 || id >= instrumentById.length) {
            return RejectReason.NONE;
        }
        long nowNs = clock.getAsLong();
        int st = strategyByIndex(ClOrdIds.strategyIndex(cancel.clOrdId()));
        int venue = instrumentById[id].venueIndex();
        if (st != NULL_INDEX && !strategies.buckets.hasToken(3 * st + CANCEL, nowNs)
                || !venues.buckets.hasToken(3 * venue + CANCEL, nowNs)) {
            rejects[RejectReason.THROTTLED.ordinal()]++;
            return RejectReason.THROTTLED;
        }
        if (st != NULL_INDEX) {
            strategies.buckets.take(3 * st + CANCEL);
        }
        venues.buckets.take(3 * venue + CANCEL);
        return RejectReason.NONE;
    }

    @Override
    public void onNotSent(long clOrdId) {
        int o = orders.find(clOrdId);
        if (o != NULL_INDEX) {
            release(o);
        }
    }

    @Override
    public void onExecution(ExecutionReport report) {
        int o = orders.find(report.clOrdId());
        if (o == NULL_INDEX) {
            return;
        }
        switch (report.execType()) {
            case TRADE -> {
                Side side = Side.ofOrdinal(orders.side[o]);
                long px = report.lastPxTicks();
                long qty = report.lastQtyLots();
                strategyPositions.onFill(orders.strategySlot[o], side, px, qty, report.feeE6());
                accountPositions.onFill(orders.accountSlot[o], side, px, qty, report.feeE6());
                firmPositions.onFill(orders.instrument[o], side, px, qty, report.feeE6());
                fillsApplied++;
                fillWindows.onFill(orders.strategy[o], orders.strategySlot[o], clock.getAsLong());
                if (report.leavesQtyLots() == 0) {
                    release(o);
                } else {
                    reserve(o, report.leavesQtyLots() - orders.leavesLots[o],
                            market.moneyE6(orders.instrument[o], orders.priceTicks[o] * report.leavesQtyLots())
                                    - orders.notionalE6[o]);
                }
            }
            case REPLACED -> {
                orders.priceTicks[o] = report.lastPxTicks();
                reserve(o, report.leavesQtyLots() - orders.leavesLots[o],
                        market.moneyE6(orders.instrument[o], report.lastPxTicks() * report.leavesQtyLots())
                                - orders.notionalE6[o]);
            }
            case CANCELED, REJECTED -> release(o);
            default -> {
                // NEW, CANCEL_REJECTED: nothing moves
            }
        }
    }

    /** Adds (or releases, when negative) open quantity and notional of an order everywhere it counts. */
    private void reserve(int o, long addLots, long addNotionalE6) {
        int side = orders.side[o];
        orders.leavesLots[o] += addLots;
        orders.notionalE6[o] += addNotionalE6;
        strategies.openNotionalE6[orders.strategy[o]] += addNotionalE6;
        strategyPositions.reserve(orders.strategySlot[o], side, addLots, addNotionalE6);
        accountPositions.reserve(orders.accountSlot[o], side, addLots, addNotionalE6);
        firmPositions.reserve(orders.instrument[o], side, addLots, addNotionalE6);
    }

    private void release(int o) {
        reserve(o, -orders.leavesLots[o], -orders.notionalE6[o]);
        strategies.openOrders[orders.strategy[o]]--;
        orders.remove(o);
    }

    @Override
    public void onMarketPrice(int instrumentId, long bidTicks, long askTicks) {
        market.bidTicks[instrumentId] = bidTicks;
        market.askTicks[instrumentId] = askTicks;
        remark(instrumentId);
    }

    @Override
    public void onMarketTrade(int instrumentId, long priceTicks) {
        market.lastTicks[instrumentId] = priceTicks;
        if (market.midTwice(instrumentId) == Market.NONE) {
            remark(instrumentId);
        }
    }

    private void remark(int instrumentId) {
        strategyPositions.remark(instrumentId);
        accountPositions.remark(instrumentId);
        firmPositions.remark(instrumentId);
    }

    private int strategyOf(long clOrdId, String strategyId) {
        int index = ClOrdIds.strategyIndex(clOrdId);
        if (index < strategyByIndex.length && strategyByIndex[index] != NULL_INDEX) {
            return strategyByIndex[index];
        }
        if (index >= strategyByIndex.length) {
            int old = strategyByIndex.length;
            strategyByIndex = Arrays.copyOf(strategyByIndex, Math.max(index + 1, 2 * old));
            Arrays.fill(strategyByIndex, old, strategyByIndex.length, NULL_INDEX);
        }
        int st = control.strategy(strategyId);
        strategyByIndex[index] = st;
        return st;
    }

    private int strategyByIndex(int index) {
        return index < strategyByIndex.length ? strategyByIndex[index] : NULL_INDEX;
    }

    /** The strategy's position slot on an instrument, remembered per strategy (the instrument of its last order). */
    private int strategySlot(int st, int id) {
        if (strategies.lastInstrument[st] == id) {
            return strategies.lastSlot[st];
        }
        int sp = strategyPositions.slot(st, id);
        strategies.lastInstrument[st] = id;
        strategies.lastSlot[st] = sp;
        return sp;
    }

    /** The account of an order, remembered per strategy (strategies usually trade for one account). */
    private int accountOf(int st, String account) {
        int ac = strategies.lastAccount[st];
        if (ac == NULL_INDEX || !accounts.names[ac].equals(account)) {
            ac = accountOf(account);
            strategies.lastAccount[st] = ac;
        }
        return ac;
    }

    int accountOf(String account) {
        int ac = accounts.find(account);
        return ac != NULL_INDEX ? ac : control.account(account);
    }

    @Override
    public String setTradingState(RiskScope scope, String target, TradingState state) {
        return control.setTradingState(scope, target, state);
    }

    @Override
    public String updateLimit(String path, String value) {
        return control.updateLimit(path, value);
    }

    /** Operator, tests and the API: states, limits, positions and P&amp;L. */
    @Override
    public void startDay() {
        control.startDay();
    }

    public RiskControl control() {
        return control;
    }

    @Override
    public List<Position> positions() {
        return control.positions(strategyPositions, strategies);
    }

    @Override
    public long fillsApplied() {
        return fillsApplied;
    }

    /** Live orders of a strategy, by the strategy index of its clOrdIds. */
    public int openOrders(int strategyIndex) {
        int st = strategyByIndex(strategyIndex);
        return st == NULL_INDEX ? 0 : strategies.openOrders[st];
    }

    /** Open quantity of a strategy's orders on an instrument and side. */
    public long openQty(String strategyId, int instrumentId, Side side) {
        int st = strategies.find(strategyId);
        int sp = st == NULL_INDEX ? NULL_INDEX : strategyPositions.find(st, instrumentId);
        if (sp == NULL_INDEX) {
            return 0;
        }
        return side == Side.BUY ? strategyPositions.openBuy(sp) : strategyPositions.openSell(sp);
    }

    /** Checks of new orders that ended with {@code reason} ({@code NONE}: accepted), and refused cancels. */
    public long count(RejectReason reason) {
        return rejects[reason.ordinal()];
    }
}
