package io.rialto.risk;

import io.rialto.core.domain.ClOrdIds;
import io.rialto.core.domain.ExecutionReport;
import io.rialto.core.domain.Instrument;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.ModifyOrder;
import io.rialto.core.domain.NewOrder;
import io.rialto.core.domain.OrderType;
import io.rialto.core.domain.RejectReason;
import io.rialto.core.domain.Side;
import io.rialto.core.position.PositionLedger;
import io.rialto.core.spi.RiskCheck;
import org.agrona.collections.Int2IntHashMap;
import org.agrona.collections.Long2LongHashMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The default pre-trade risk engine and position keeper. Plain single-threaded Java, no Pekko.
 *
 * <p>Checks, in order: instrument rules ({@code QTY_OUT_OF_RANGE}, a limit price that is not a
 * positive number of ticks is {@code PRICE_NOT_ON_TICK}), {@code MAX_ORDER_QTY}, {@code MAX_OPEN_ORDERS}
 * per strategy, and {@code POSITION_LIMIT} per strategy and instrument counting every open order of
 * that side as if it filled.
 *
 * <p>State is primitive arrays indexed by slot:
 * <pre>
 *   position slot  (strategy, instrument) ─ slotByStrategyInstrument ─▶ openBuy[], openSell[], ledger
 *   order slot     clOrdId ─ orderSlotById ─▶ orderSide[], orderLeaves[], orderPositionSlot[]  (free list)
 * </pre>
 * Nothing is allocated per check once the slots exist.
 */
public final class RiskEngine implements RiskCheck {
    private static final int NULL_INDEX = -1;

    private final RiskSettings settings;
    private final InstrumentRegistry registry;

    private final Long2LongHashMap slotByStrategyInstrument = new Long2LongHashMap(NULL_INDEX);
    private long[] openBuy = new long[64];
    private long[] openSell = new long[64];
    private String[] slotStrategy = new String[64];
    private String[] slotAccount = new String[64];
    private int[] slotInstrument = new int[64];
    private int slots;
    private final PositionLedger ledger = new PositionLedger(64);

    private final Int2IntHashMap openOrdersByStrategy = new Int2IntHashMap(NULL_INDEX);

    private final Long2LongHashMap orderSlotById = new Long2LongHashMap(NULL_INDEX);
    private byte[] orderSide = new byte[256];
    private long[] orderLeaves = new long[256];
    private int[] orderPositionSlot = new int[256];
    private int[] nextFree = new int[256];
    private int freeHead = NULL_INDEX;
    private int orderHighWater;

    private long fillsApplied;

    public RiskEngine(RiskSettings settings, InstrumentRegistry registry) {
        this.settings = settings;
        this.registry = registry;
    }

    @Override
    public RejectReason checkNew(NewOrder order) {
        if (order.instrumentId() < 0 || order.instrumentId() >= registry.size()) {
            return RejectReason.UNKNOWN_INSTRUMENT;
        }
        Instrument instrument = registry.get(order.instrumentId());
        if (order.type() == OrderType.LIMIT && order.priceTicks() <= 0) {
            return RejectReason.PRICE_NOT_ON_TICK;
        }
        if (order.qtyLots() < instrument.minQtyLots() || order.qtyLots() > instrument.maxQtyLots()) {
            return RejectReason.QTY_OUT_OF_RANGE;
        }
        if (order.qtyLots() > settings.maxOrderQty()) {
            return RejectReason.MAX_ORDER_QTY;
        }
        int strategy = ClOrdIds.strategyIndex(order.clOrdId());
        if (openOrders(strategy) >= settings.maxOpenOrders()) {
            return RejectReason.MAX_OPEN_ORDERS;
        }
        if (orderSlotById.get(order.clOrdId()) != NULL_INDEX) {
            return RejectReason.DUPLICATE_ID;
        }
        int slot = positionSlot(strategy, order);
        if (breachesPosition(slot, order.side(), order.qtyLots())) {
            return RejectReason.POSITION_LIMIT;
        }
        if (order.side() == Side.BUY) {
            openBuy[slot] += order.qtyLots();
        } else {
            openSell[slot] += order.qtyLots();
        }
        openOrdersByStrategy.put(strategy, openOrders(strategy) + 1);
        int o = allocateOrder();
        orderSide[o] = (byte) order.side().ordinal();
        orderLeaves[o] = order.qtyLots();
        orderPositionSlot[o] = slot;
        orderSlotById.put(order.clOrdId(), o);
        return RejectReason.NONE;
    }

    /** Live orders of a strategy. */
    public int openOrders(int strategyIndex) {
        int open = openOrdersByStrategy.get(strategyIndex);
        return open == NULL_INDEX ? 0 : open;
    }

    /** Worst case: the position plus every open order of that side plus this quantity, filled. */
    private boolean breachesPosition(int slot, Side side, long addQty) {
        long position = ledger.qty(slot);
        if (side == Side.BUY) {
            return position + openBuy[slot] + addQty > settings.maxPosition();
        }
        return position - openSell[slot] - addQty < -settings.maxPosition();
    }

    @Override
    public RejectReason checkModify(ModifyOrder modify) {
        long o = orderSlotById.get(modify.clOrdId());
        if (o == NULL_INDEX) {
            return RejectReason.UNKNOWN_ORDER;
        }
        int order = (int) o;
        Instrument instrument = registry.get(modify.instrumentId());
        if (modify.newPriceTicks() <= 0) {
            return RejectReason.PRICE_NOT_ON_TICK;
        }
        if (modify.newQtyLots() < instrument.minQtyLots() || modify.newQtyLots() > instrument.maxQtyLots()) {
            return RejectReason.QTY_OUT_OF_RANGE;
        }
        if (modify.newQtyLots() > settings.maxOrderQty()) {
            return RejectReason.MAX_ORDER_QTY;
        }
        long increase = modify.newQtyLots() - orderLeaves[order];
        if (increase > 0 && breachesPosition(orderPositionSlot[order], Side.ofOrdinal(orderSide[order]), increase)) {
            return RejectReason.POSITION_LIMIT;
        }
        return RejectReason.NONE;
    }

    @Override
    public void onNotSent(long clOrdId) {
        long o = orderSlotById.get(clOrdId);
        if (o != NULL_INDEX) {
            release((int) o, clOrdId);
        }
    }

    @Override
    public void onExecution(ExecutionReport report) {
        long found = orderSlotById.get(report.clOrdId());
        if (found == NULL_INDEX) {
            return;
        }
        int o = (int) found;
        int slot = orderPositionSlot[o];
        switch (report.execType()) {
            case TRADE -> {
                ledger.onFill(slot, report.side(), report.lastPxTicks(), report.lastQtyLots(), report.feeE6());
                fillsApplied++;
                adjustOpen(o, report.leavesQtyLots());
                if (report.leavesQtyLots() == 0) {
                    release(o, report.clOrdId());
                }
            }
            case REPLACED -> adjustOpen(o, report.leavesQtyLots());
            case CANCELED, REJECTED -> {
                adjustOpen(o, 0);
                release(o, report.clOrdId());
            }
            default -> {
                // NEW, CANCEL_REJECTED: nothing moves
            }
        }
    }

    private void adjustOpen(int o, long newLeaves) {
        long delta = newLeaves - orderLeaves[o];
        if (orderSide[o] == Side.BUY.ordinal()) {
            openBuy[orderPositionSlot[o]] += delta;
        } else {
            openSell[orderPositionSlot[o]] += delta;
        }
        orderLeaves[o] = newLeaves;
    }

    private void release(int o, long clOrdId) {
        adjustOpen(o, 0);
        orderSlotById.remove(clOrdId);
        int strategy = ClOrdIds.strategyIndex(clOrdId);
        int open = openOrders(strategy) - 1;
        if (open > 0) {
            openOrdersByStrategy.put(strategy, open);
        } else {
            openOrdersByStrategy.remove(strategy);
        }
        nextFree[o] = freeHead;
        freeHead = o;
    }

    private int allocateOrder() {
        if (freeHead != NULL_INDEX) {
            int o = freeHead;
            freeHead = nextFree[o];
            return o;
        }
        if (orderHighWater == orderSide.length) {
            int n = orderHighWater * 2;
            orderSide = Arrays.copyOf(orderSide, n);
            orderLeaves = Arrays.copyOf(orderLeaves, n);
            orderPositionSlot = Arrays.copyOf(orderPositionSlot, n);
            nextFree = Arrays.copyOf(nextFree, n);
        }
        return orderHighWater++;
    }

    private int positionSlot(int strategy, NewOrder order) {
        long key = ((long) strategy << 32) | order.instrumentId();
        long slot = slotByStrategyInstrument.get(key);
        if (slot != NULL_INDEX) {
            return (int) slot;
        }
        if (slots == openBuy.length) {
            int n = slots * 2;
            openBuy = Arrays.copyOf(openBuy, n);
            openSell = Arrays.copyOf(openSell, n);
            slotStrategy = Arrays.copyOf(slotStrategy, n);
            slotAccount = Arrays.copyOf(slotAccount, n);
            slotInstrument = Arrays.copyOf(slotInstrument, n);
        }
        int s = slots++;
        slotStrategy[s] = order.strategyId();
        slotAccount[s] = order.account();
        slotInstrument[s] = order.instrumentId();
        slotByStrategyInstrument.put(key, s);
        return s;
    }

    /** Open buy and sell quantity of a strategy on an instrument (for tests and the API). */
    public long openQty(String strategyId, int instrumentId, Side side) {
        for (int s = 0; s < slots; s++) {
            if (slotStrategy[s].equals(strategyId) && slotInstrument[s] == instrumentId) {
                return side == Side.BUY ? openBuy[s] : openSell[s];
            }
        }
        return 0;
    }

    @Override
    public List<Position> positions() {
        List<Position> out = new ArrayList<>(slots);
        for (int s = 0; s < slots; s++) {
            out.add(new Position(slotStrategy[s], slotAccount[s], slotInstrument[s], ledger.qty(s), ledger.cost(s),
                    ledger.realized(s), ledger.fees(s), ledger.fills(s)));
        }
        return out;
    }

    @Override
    public long fillsApplied() {
        return fillsApplied;
    }
}
