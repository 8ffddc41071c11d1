package io.rialto.core.book;

import io.rialto.core.domain.OrderType;
import io.rialto.core.domain.Side;
import io.rialto.core.domain.TimeInForce;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Naive matching book written straight from matching-csv.md, with objects, a {@code TreeMap} per side and a deque
 * per level. It is slow and obviously right; {@link MatchingBook} must behave exactly like it.
 */
final class ReferenceBook implements BookUnderTest {

    private static final class Order {
        final long id;
        final Side side;
        final long account;
        long price;
        long qty;

        Order(long id, Side side, long price, long qty, long account) {
            this.id = id;
            this.side = side;
            this.price = price;
            this.qty = qty;
            this.account = account;
        }
    }

    private final TreeMap<Long, ArrayDeque<Order>> bids = new TreeMap<>(Comparator.reverseOrder());
    private final TreeMap<Long, ArrayDeque<Order>> asks = new TreeMap<>();
    private final Map<Long, Order> live = new HashMap<>();
    private final SelfTradePrevention stp;
    private final MatchingListener listener;

    ReferenceBook(SelfTradePrevention stp, MatchingListener listener) {
        this.stp = stp;
        this.listener = listener;
    }

    @Override
    public void newOrder(long id, Side side, OrderType type, TimeInForce tif, long price, long qty, long account) {
        boolean market = type == OrderType.MARKET;
        if (live.containsKey(id)) {
            listener.onRejected(id, MatchReject.DUPLICATE_ID);
        } else if (qty <= 0) {
            listener.onRejected(id, MatchReject.INVALID_QTY);
        } else if (!market && price <= 0) {
            listener.onRejected(id, MatchReject.INVALID_PRICE);
        } else if (!market && tif == TimeInForce.GTX && !opposite(side).isEmpty()
                && crosses(side, price, opposite(side).firstKey())) {
            listener.onRejected(id, MatchReject.WOULD_CROSS);
        } else {
            listener.onAccepted(id);
            TimeInForce effective = market ? TimeInForce.IOC : tif;
            Order order = new Order(id, side, market ? 0 : price, qty, account);
            if (effective == TimeInForce.FOK && !fillable(order)) {
                listener.onCanceled(id, qty);
                return;
            }
            boolean stopped = take(order, market);
            if (order.qty == 0) {
                return;
            }
            if (stopped || effective == TimeInForce.IOC || effective == TimeInForce.FOK) {
                listener.onCanceled(id, order.qty);
            } else {
                rest(order);
            }
        }
    }

    @Override
    public void cancel(long id) {
        Order order = live.remove(id);
        if (order == null) {
            listener.onRejected(id, MatchReject.UNKNOWN_ORDER);
            return;
        }
        removeFromLevel(order);
        listener.onCanceled(id, order.qty);
    }

    @Override
    public void modify(long id, long price, long qty) {
        Order order = live.get(id);
        if (order == null) {
            listener.onRejected(id, MatchReject.UNKNOWN_ORDER);
        } else if (price <= 0) {
            listener.onRejected(id, MatchReject.INVALID_PRICE);
        } else if (qty <= 0) {
            listener.onRejected(id, MatchReject.INVALID_QTY);
        } else if (price == order.price && qty <= order.qty) {
            order.qty = qty;
            listener.onModified(id, price, qty);
        } else {
            removeFromLevel(order);
            listener.onModified(id, price, qty);
            order.price = price;
            order.qty = qty;
            boolean stopped = take(order, false);
            if (order.qty == 0) {
                live.remove(id);
            } else if (stopped) {
                live.remove(id);
                listener.onCanceled(id, order.qty);
            } else {
                rest(order);
            }
        }
    }

    @Override
    public long stateHash() {
        long hash = BookInspector.seed();
        for (Side side : Side.values()) {
            for (Map.Entry<Long, ArrayDeque<Order>> level : book(side).entrySet()) {
                int position = 0;
                for (Order order : level.getValue()) {
                    hash = BookInspector.mixOrder(hash, order.id, side, level.getKey(), order.qty, position++);
                }
            }
        }
        return hash;
    }

    @Override
    public int openOrders() {
        return live.size();
    }

    @Override
    public long levelQty(Side side, long price) {
        ArrayDeque<Order> level = book(side).get(price);
        return level == null ? 0 : level.stream().mapToLong(order -> order.qty).sum();
    }

    @Override
    public int levelCount(Side side) {
        return book(side).size();
    }

    @Override
    public long bestBid() {
        return bestPrice(Side.BUY);
    }

    @Override
    public long bestAsk() {
        return bestPrice(Side.SELL);
    }

    @Override
    public long openQty(long id) {
        Order order = live.get(id);
        return order == null ? -1 : order.qty;
    }

    /** Nothing to check: the reference is its own specification. */
    @Override
    public void checkConsistency() {
    }

    long bestPrice(Side side) {
        return book(side).isEmpty() ? MatchingBook.NO_PRICE : book(side).firstKey();
    }

    private boolean fillable(Order taker) {
        long available = 0;
        for (Map.Entry<Long, ArrayDeque<Order>> level : opposite(taker.side).entrySet()) {
            if (!crosses(taker.side, taker.price, level.getKey())) {
                break;
            }
            for (Order maker : level.getValue()) {
                if (stp != SelfTradePrevention.NONE && maker.account == taker.account) {
                    if (stp == SelfTradePrevention.CANCEL_TAKER) {
                        return false;
                    }
                    continue;
                }
                available += maker.qty;
                if (available >= taker.qty) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Trades the taker against the opposite side; true when cancel-taker stopped it at an own order. */
    private boolean take(Order taker, boolean market) {
        TreeMap<Long, ArrayDeque<Order>> opposite = opposite(taker.side);
        while (taker.qty > 0 && !opposite.isEmpty()) {
            long price = opposite.firstKey();
            if (!market && !crosses(taker.side, taker.price, price)) {
                break;
            }
            ArrayDeque<Order> level = opposite.get(price);
            Iterator<Order> makers = level.iterator();
            while (makers.hasNext() && taker.qty > 0) {
                Order maker = makers.next();
                if (stp != SelfTradePrevention.NONE && maker.account == taker.account) {
                    if (stp == SelfTradePrevention.CANCEL_TAKER) {
                        return true;
                    }
                    makers.remove();
                    live.remove(maker.id);
                    listener.onCanceled(maker.id, maker.qty);
                    continue;
                }
                long fill = Math.min(taker.qty, maker.qty);
                taker.qty -= fill;
                maker.qty -= fill;
                if (maker.qty == 0) {
                    makers.remove();
                    live.remove(maker.id);
                }
                listener.onTrade(taker.id, maker.id, price, fill, taker.qty, maker.qty);
            }
            if (level.isEmpty()) {
                opposite.remove(price);
            }
        }
        return false;
    }

    private void rest(Order order) {
        book(order.side).computeIfAbsent(order.price, price -> new ArrayDeque<>()).addLast(order);
        live.put(order.id, order);
        listener.onRested(order.id, order.price, order.qty);
    }

    private void removeFromLevel(Order order) {
        ArrayDeque<Order> level = book(order.side).get(order.price);
        level.remove(order);
        if (level.isEmpty()) {
            book(order.side).remove(order.price);
        }
    }

    private static boolean crosses(Side takerSide, long takerPrice, long makerPrice) {
        return takerSide == Side.BUY ? makerPrice <= takerPrice : makerPrice >= takerPrice;
    }

    private TreeMap<Long, ArrayDeque<Order>> book(Side side) {
        return side == Side.BUY ? bids : asks;
    }

    private TreeMap<Long, ArrayDeque<Order>> opposite(Side side) {
        return side == Side.BUY ? asks : bids;
    }
}
