package io.rialto.risk;

import io.rialto.core.domain.RejectReason;
import io.rialto.core.domain.Side;
import io.rialto.core.position.PositionLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;

/**
 * Positions of one kind of holder (strategies, accounts, or the firm) per instrument, with what their open
 * orders reserve, their worst-case exposure and their P&amp;L, rolled up into the holder's {@link Scopes}.
 * <pre>
 *   slot s ─ slotByKey (holder &lt;&lt; 32 | instrument) ─▶ holder[s], instrument[s], ledger(s): qty, cost, realized, fees
 *          ─ values[8s ..]: openBuy, openSell lots; openBuyE6, openSellE6 money of open orders;
 *            cached longE6 = costE6 + openBuyE6, shortE6 = costE6 - openSellE6 (all buys fill / all sells
 *            fill), grossE6 = max(|long|, |short|), pnlE6; their sums sit in the holder's Scopes row.
 *            One slot's eight values sit together (one or two cache lines, one array to load), buy and sell
 *            side by side so a side ordinal indexes them. A table without exposure (strategies: no limit
 *            reads a strategy's exposure) keeps only the open lots and the P&amp;L
 *          ─ nextOfInstrument[s]: slots of one instrument, for re-marking when its mid moves
 * </pre>
 * Single-threaded; allocates only when it grows.
 */
final class PositionTable {
    private static final Logger LOG = LoggerFactory.getLogger(PositionTable.class);
    static final int NULL_INDEX = -1;

    final PositionLedger ledger = new PositionLedger(64);
    private final LongHashTable slotByKey = new LongHashTable(64, NULL_INDEX);
    private final Scopes holders;
    private final Market market;
    private final Limit lossLimit;
    /** Whether the table keeps open money and worst-case exposure (accounts and the firm have limits on it). */
    private final boolean exposure;
    private final int[] headByInstrument;
    int[] holder = new int[64];
    int[] instrument = new int[64];
    /**
     * The account of a strategy's slot (the account of its last order there), {@link #NULL_INDEX} before its
     * first order, and that account's slot on the instrument in the account table; unused in other tables.
     */
    int[] account = new int[64];
    int[] accountSlot = new int[64];
    private static final int STRIDE = 8;
    private static final int OPEN = 0; // + side: open lots of buys, of sells
    private static final int OPEN_E6 = 2; // + side: their money
    private static final int LONG_E6 = 4;
    private static final int SHORT_E6 = 5;
    private static final int GROSS_E6 = 6;
    private static final int PNL_E6 = 7;
    private long[] values = new long[64 * STRIDE];
    private int[] nextOfInstrument = new int[64];
    int size;

    /**
     * {@code lossLimit} halts a holder whose day P&amp;L falls below minus it; null: no loss limit.
     * {@code exposure}: whether to keep open money and worst-case exposure ({@link #grossAfter},
     * {@link #netAfter} and the holders' sums are left at 0 without it).
     */
    PositionTable(Scopes holders, Market market, int instruments, Limit lossLimit, boolean exposure) {
        this.holders = holders;
        this.market = market;
        this.lossLimit = lossLimit;
        this.exposure = exposure;
        this.headByInstrument = new int[instruments];
        Arrays.fill(headByInstrument, NULL_INDEX);
    }

    int slot(int holderIndex, int instrumentId) {
        long key = ((long) holderIndex << 32) | instrumentId;
        int p = slotByKey.probe(key);
        if (p >= 0) {
            return (int) slotByKey.valueAt(p);
        }
        if (size == holder.length) {
            grow(size * 2);
        }
        int s = size++;
        holder[s] = holderIndex;
        instrument[s] = instrumentId;
        nextOfInstrument[s] = headByInstrument[instrumentId];
        headByInstrument[instrumentId] = s;
        account[s] = NULL_INDEX;
        accountSlot[s] = NULL_INDEX;
        slotByKey.insertAt(p, key, s);
        return s;
    }

    /** The slot of a holder on an instrument, or {@link #NULL_INDEX}. */
    int find(int holderIndex, int instrumentId) {
        return (int) slotByKey.get(((long) holderIndex << 32) | instrumentId);
    }

    /**
     * Adds (or with negative amounts releases) what an open order reserves. The cost basis does not move with
     * orders, so only one side's cached exposure changes, by the notional: the same values {@link #refresh}
     * computes from scratch (longE6 = costE6 + openBuyE6, shortE6 = costE6 - openSellE6), without re-valuing
     * the cost basis.
     */
    void reserve(int s, int side, long qtyLots, long notionalE6) {
        long[] v = values;
        int b = s * STRIDE;
        v[b + OPEN + side] += qtyLots;
        if (!exposure) {
            return;
        }
        int h = holder[s];
        v[b + OPEN_E6 + side] += notionalE6;
        long l = v[b + LONG_E6];
        long sh = v[b + SHORT_E6];
        if (side == 0) {
            l += notionalE6;
            v[b + LONG_E6] = l;
            holders.longE6[h] += notionalE6;
        } else {
            sh -= notionalE6;
            v[b + SHORT_E6] = sh;
            holders.shortE6[h] -= notionalE6;
        }
        long gross = Math.max(Math.abs(l), Math.abs(sh));
        holders.grossE6[h] += gross - v[b + GROSS_E6];
        v[b + GROSS_E6] = gross;
    }

    long openBuy(int s) {
        return values[s * STRIDE + OPEN];
    }

    long openSell(int s) {
        return values[s * STRIDE + OPEN + 1];
    }

    /** Position if every open order of {@code side} and {@code addLots} more filled. */
    long worstPosition(int s, int side, long addLots) {
        long qty = ledger.qty(s);
        long open = values[s * STRIDE + OPEN + side];
        return side == 0 ? qty + open + addLots : qty - open - addLots;
    }

    /** The holder's worst-case gross exposure if an order of {@code side} and {@code notionalE6} were added. */
    long grossAfter(int s, int side, long notionalE6) {
        long[] v = values;
        int b = s * STRIDE;
        long l = side == 0 ? v[b + LONG_E6] + notionalE6 : v[b + LONG_E6];
        long sh = side == 0 ? v[b + SHORT_E6] : v[b + SHORT_E6] - notionalE6;
        return holders.grossE6[holder[s]] - v[b + GROSS_E6] + Math.max(Math.abs(l), Math.abs(sh));
    }

    /** The holder's worst-case absolute net exposure if that order were added. */
    long netAfter(int s, int side, long notionalE6) {
        int h = holder[s];
        long l = side == 0 ? holders.longE6[h] + notionalE6 : holders.longE6[h];
        long sh = side == 0 ? holders.shortE6[h] : holders.shortE6[h] - notionalE6;
        return Math.max(Math.abs(l), Math.abs(sh));
    }

    void onFill(int s, Side side, long priceTicks, long qtyLots, long feeE6) {
        ledger.onFill(s, side, priceTicks, qtyLots, feeE6);
        refresh(s);
    }

    /** The instrument's mark moved: re-values every slot on it that holds a position. */
    void remark(int instrumentId) {
        for (int s = headByInstrument[instrumentId]; s != NULL_INDEX; s = nextOfInstrument[s]) {
            if (ledger.qty(s) != 0) {
                refresh(s);
            }
        }
    }

    /** Recomputes a slot's cached exposure and P&amp;L and moves the differences into its holder. */
    void refresh(int s) {
        refreshExposure(s);
        refreshPnl(s);
    }

    /** Exposure from scratch: after a fill moved the cost basis (P&amp;L does not move with open orders). */
    private void refreshExposure(int s) {
        if (!exposure) {
            return;
        }
        int h = holder[s];
        long costE6 = market.moneyE6(instrument[s], ledger.cost(s));
        long[] v = values;
        int b = s * STRIDE;
        long l = costE6 + v[b + OPEN_E6];
        long sh = costE6 - v[b + OPEN_E6 + 1];
        long gross = Math.max(Math.abs(l), Math.abs(sh));
        holders.longE6[h] += l - v[b + LONG_E6];
        holders.shortE6[h] += sh - v[b + SHORT_E6];
        holders.grossE6[h] += gross - v[b + GROSS_E6];
        v[b + LONG_E6] = l;
        v[b + SHORT_E6] = sh;
        v[b + GROSS_E6] = gross;
    }

    private void refreshPnl(int s) {
        int h = holder[s];
        long pnl = pnlE6(s);
        holders.pnlE6[h] += pnl - values[s * STRIDE + PNL_E6];
        values[s * STRIDE + PNL_E6] = pnl;
        if (lossLimit != null && holders.state[h] != Scopes.HALTED
                && holders.dayPnlE6(h) < -holders.limit(h, lossLimit)) {
            holders.setState(h, Scopes.HALTED, RejectReason.LOSS_LIMIT);
            LOG.warn("risk: {} {} halted: day P&L {} is beyond {} = {}", holders.kind, holders.names[h],
                    Limit.MAX_DAILY_LOSS.render(holders.dayPnlE6(h)), lossLimit.key,
                    lossLimit.render(holders.limit(h, lossLimit)));
        }
    }

    /** Realized - fees + unrealized marked to mid (0 without a mark), micro-units of the quote currency. */
    long pnlE6(int s) {
        int i = instrument[s];
        long pnl = market.moneyE6(i, ledger.realized(s)) - market.feeMoneyE6(i, ledger.fees(s));
        long mark = market.markTwice(i);
        long qty = ledger.qty(s);
        if (mark != Market.NONE && qty != 0) {
            pnl += market.moneyE6(i, qty * mark - 2 * ledger.cost(s)) / 2;
        }
        return pnl;
    }

    private void grow(int n) {
        holder = Arrays.copyOf(holder, n);
        instrument = Arrays.copyOf(instrument, n);
        account = Arrays.copyOf(account, n);
        accountSlot = Arrays.copyOf(accountSlot, n);
        values = Arrays.copyOf(values, n * STRIDE);
        nextOfInstrument = Arrays.copyOf(nextOfInstrument, n);
    }
}
