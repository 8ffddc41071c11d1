package io.rialto.loadtest.book;

import io.rialto.core.book.MatchReject;
import io.rialto.core.book.MatchingBook;
import io.rialto.core.book.MatchingListener;
import io.rialto.core.book.SelfTradePrevention;
import io.rialto.core.domain.OrderType;
import io.rialto.core.domain.Side;
import io.rialto.core.domain.TimeInForce;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A pre-generated, cyclic order flow on one symbol, shaped like a venue: new passive limits near the touch,
 * cancels, modifies (in place and re-priced) and aggressive IOC orders that trade, around a fixed mid price.
 * Optionally a deep book of resting orders far from the touch, of which some are cancelled and re-added.
 *
 * <p>The flow is generated against a real {@link MatchingBook} so every cancel and modify names a live order.
 * It ends by cancelling the live near-touch orders and re-adding the initial ones, so the book is back in its
 * starting state and the flow can be replayed forever without a single reject.
 */
final class MatchingFlow {

    static final byte NEW = 0;
    static final byte CANCEL = 1;
    static final byte MODIFY = 2;
    static final long MID = 1_000_000;

    private static final int NEAR_TOUCH_TICKS = 20;
    private static final int DEEP_OFFSET_TICKS = 100;
    private static final int DEEP_LEVELS_PER_SIDE = 5_000;

    final int activeOrders;
    final int deepOrders;
    final byte[] actions;
    final long[] ids;
    final byte[] sides;
    final byte[] tifs;
    final long[] prices;
    final long[] qtys;
    /** Commands generated: new passive, cancel, modify, aggressive. */
    final int[] mix = new int[4];
    int length;

    private final long[] initialPrices;
    private final long[] initialQtys;

    private MatchingFlow(int activeOrders, int deepOrders, int capacity) {
        this.activeOrders = activeOrders;
        this.deepOrders = deepOrders;
        actions = new byte[capacity];
        ids = new long[capacity];
        sides = new byte[capacity];
        tifs = new byte[capacity];
        prices = new long[capacity];
        qtys = new long[capacity];
        initialPrices = new long[activeOrders];
        initialQtys = new long[activeOrders];
    }

    /** Generates {@code commands} flow commands plus the closing commands that restore the starting state. */
    static MatchingFlow generate(int activeOrders, int deepOrders, int commands, long seed) {
        MatchingFlow flow = new MatchingFlow(activeOrders, deepOrders, commands + 3 * activeOrders + 16);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < activeOrders; i++) {
            flow.initialPrices[i] = nearTouchPrice(sideOf(i), random);
            flow.initialQtys[i] = 1 + random.nextInt(100);
        }
        return new Generator(flow, random).run(commands);
    }

    /** Puts the deep and initial near-touch orders in a book: the state the flow starts from and returns to. */
    void prefill(MatchingBook book) {
        for (int i = 0; i < deepOrders; i++) {
            book.newOrder(i + 1, sideOf(i), OrderType.LIMIT, TimeInForce.GTC, deepPrice(i), deepQty(i), 0);
        }
        for (int i = 0; i < activeOrders; i++) {
            book.newOrder(firstActiveId() + i, sideOf(i), OrderType.LIMIT, TimeInForce.GTC, initialPrices[i],
                    initialQtys[i], 0);
        }
    }

    long firstActiveId() {
        return deepOrders + 1L;
    }

    private static Side sideOf(int i) {
        return (i & 1) == 0 ? Side.BUY : Side.SELL;
    }

    private static long nearTouchPrice(Side side, SplittableRandom random) {
        int ticks = 1 + Math.min(random.nextInt(NEAR_TOUCH_TICKS), random.nextInt(NEAR_TOUCH_TICKS));
        return side == Side.BUY ? MID - ticks : MID + ticks;
    }

    private static long deepPrice(int i) {
        long ticks = DEEP_OFFSET_TICKS + (i >> 1) % DEEP_LEVELS_PER_SIDE;
        return sideOf(i) == Side.BUY ? MID - ticks : MID + ticks;
    }

    private static long deepQty(int i) {
        return 1 + (i * 31L) % 100;
    }

    /** Builds the flow against a real book, tracking which near-touch orders are live. */
    private static final class Generator implements MatchingListener {

        private final MatchingFlow flow;
        private final SplittableRandom random;
        private final MatchingBook book;
        private final long[] live;
        private final Map<Long, Integer> positionById = new HashMap<>();
        private final Map<Long, Long> priceById = new HashMap<>();
        private final Map<Long, Side> sideById = new HashMap<>();
        private int liveCount;
        private int length;
        private long nextId;

        Generator(MatchingFlow flow, SplittableRandom random) {
            this.flow = flow;
            this.random = random;
            this.live = new long[flow.activeOrders * 4 + 64];
            this.book = new MatchingBook(flow.deepOrders + flow.activeOrders * 4, SelfTradePrevention.NONE, this);
            for (int i = 0; i < flow.activeOrders; i++) {
                sideById.put(flow.firstActiveId() + i, sideOf(i));
            }
            flow.prefill(book);
            nextId = flow.firstActiveId() + flow.activeOrders;
        }

        MatchingFlow run(int commands) {
            int target = flow.activeOrders;
            while (length < commands) {
                int dice = random.nextInt(100);
                if (dice < 50 && liveCount > target * 11 / 10) {
                    dice = 50;
                } else if (dice >= 50 && dice < 85 && liveCount < target * 9 / 10) {
                    dice = 0;
                }
                if (dice < 50) {
                    Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                    add(NEW, nextId++, side, TimeInForce.GTC, nearTouchPrice(side, random), 1 + random.nextInt(100));
                } else if (dice < 85) {
                    if (flow.deepOrders > 0 && random.nextInt(5) == 0) {
                        int deep = random.nextInt(flow.deepOrders);
                        add(CANCEL, deep + 1, Side.BUY, TimeInForce.GTC, 0, 0);
                        add(NEW, deep + 1, sideOf(deep), TimeInForce.GTC, deepPrice(deep), deepQty(deep));
                    } else if (liveCount > 0) {
                        add(CANCEL, live[random.nextInt(liveCount)], Side.BUY, TimeInForce.GTC, 0, 0);
                    }
                } else if (dice < 95) {
                    if (liveCount > 0) {
                        modify(live[random.nextInt(liveCount)]);
                    }
                } else {
                    Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                    long price = side == Side.BUY ? MID + 4 : MID - 4;
                    add(NEW, nextId++, side, TimeInForce.IOC, price, 1 + random.nextInt(300));
                }
            }
            while (liveCount > 0) {
                add(CANCEL, live[liveCount - 1], Side.BUY, TimeInForce.GTC, 0, 0);
            }
            for (int i = 0; i < flow.activeOrders; i++) {
                add(NEW, flow.firstActiveId() + i, sideOf(i), TimeInForce.GTC, flow.initialPrices[i],
                        flow.initialQtys[i]);
            }
            flow.length = length;
            return flow;
        }

        private void modify(long id) {
            long open = book.openQty(id);
            Side side = sideById.get(id);
            if (random.nextBoolean() && open > 1) {
                long qty = 1 + random.nextInt((int) Math.min(open - 1, 1_000));
                add(MODIFY, id, side, TimeInForce.GTC, priceById.get(id), qty);
            } else {
                add(MODIFY, id, side, TimeInForce.GTC, nearTouchPrice(side, random), 1 + random.nextInt(100));
            }
        }

        private void add(byte action, long id, Side side, TimeInForce tif, long price, long qty) {
            int i = length++;
            flow.actions[i] = action;
            flow.ids[i] = id;
            flow.sides[i] = (byte) side.ordinal();
            flow.tifs[i] = (byte) tif.ordinal();
            flow.prices[i] = price;
            flow.qtys[i] = qty;
            if (action == NEW) {
                sideById.put(id, side);
                flow.mix[tif == TimeInForce.IOC ? 3 : 0]++;
                book.newOrder(id, side, OrderType.LIMIT, tif, price, qty, 0);
            } else if (action == CANCEL) {
                flow.mix[1]++;
                book.cancel(id);
            } else {
                flow.mix[2]++;
                book.modify(id, price, qty);
            }
        }

        private boolean tracked(long id) {
            return id >= flow.firstActiveId();
        }

        @Override
        public void onAccepted(long orderId) {
        }

        @Override
        public void onTrade(long takerId, long makerId, long priceTicks, long qtyLots, long takerLeavesQty,
                            long makerLeavesQty) {
            if (makerLeavesQty == 0) {
                untrack(makerId);
            }
            if (takerLeavesQty == 0) {
                untrack(takerId);
            }
        }

        @Override
        public void onRested(long orderId, long priceTicks, long openQtyLots) {
            priceById.put(orderId, priceTicks);
            if (tracked(orderId) && !positionById.containsKey(orderId)) {
                positionById.put(orderId, liveCount);
                live[liveCount++] = orderId;
            }
        }

        @Override
        public void onCanceled(long orderId, long canceledQtyLots) {
            untrack(orderId);
        }

        @Override
        public void onModified(long orderId, long priceTicks, long openQtyLots) {
            priceById.put(orderId, priceTicks);
        }

        @Override
        public void onRejected(long orderId, MatchReject reason) {
            throw new IllegalStateException("generated flow is invalid: order " + orderId + " " + reason);
        }

        private void untrack(long id) {
            Integer position = positionById.remove(id);
            if (position != null) {
                long last = live[--liveCount];
                if (last != id) {
                    live[position] = last;
                    positionById.put(last, position);
                }
            }
        }
    }
}
