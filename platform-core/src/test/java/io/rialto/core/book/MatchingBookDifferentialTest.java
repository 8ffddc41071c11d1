package io.rialto.core.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.rialto.core.domain.OrderType;
import io.rialto.core.domain.Side;
import io.rialto.core.domain.TimeInForce;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Seeded random command streams fed to {@link MatchingBook} and {@link ReferenceBook}: after every command both
 * must have emitted the same events and hold the same state, and the engine's invariants must hold. Replay one
 * stream with {@code -Dmatching.seed=<seed>} (the failure message prints it).
 */
class MatchingBookDifferentialTest {

    private static final int STREAMS = Integer.getInteger("matching.streams", 60);
    private static final int COMMANDS = Integer.getInteger("matching.commands", 3_000);
    private static final long FIRST_SEED = Long.getLong("matching.seed", 20_261_122L);
    private static final int RECENT_IDS = 64;
    private static final TimeInForce[] TIFS = TimeInForce.values();

    @ParameterizedTest
    @EnumSource(SelfTradePrevention.class)
    void shouldBehaveLikeTheReferenceBookOnRandomCommandStreams(SelfTradePrevention stp) {
        int streams = System.getProperty("matching.seed") == null ? STREAMS : 1;
        for (int stream = 0; stream < streams; stream++) {
            replay(stp, FIRST_SEED + stream * 7_919L);
        }
    }

    private static void replay(SelfTradePrevention stp, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        RecordingListener engineEvents = new RecordingListener();
        RecordingListener referenceEvents = new RecordingListener();
        MatchingBook engine = new MatchingBook(2, stp, engineEvents);
        ReferenceBook reference = new ReferenceBook(stp, referenceEvents);
        List<Long> recentIds = new ArrayList<>();
        long nextId = 1;
        int priceCenter = 1_000 + random.nextInt(100);
        long[] prices = new long[64];
        long[] qtys = new long[64];
        int[] counts = new int[64];
        for (int step = 0; step < COMMANDS; step++) {
            String command;
            int dice = random.nextInt(100);
            if (dice < 55 || recentIds.isEmpty()) {
                long id = random.nextInt(100) < 3 && !recentIds.isEmpty() ? pick(random, recentIds) : nextId++;
                Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                OrderType type = random.nextInt(100) < 8 ? OrderType.MARKET : OrderType.LIMIT;
                TimeInForce tif = TIFS[random.nextInt(TIFS.length)];
                long price = invalid(random) ? -random.nextInt(2) : priceCenter + random.nextInt(-12, 13);
                long qty = invalid(random) ? -random.nextInt(2) : 1 + random.nextInt(30);
                long account = random.nextInt(4);
                command = "NEW " + id + " " + side + " " + type + " " + tif + " " + price + " " + qty + " " + account;
                engine.newOrder(id, side, type, tif, price, qty, account);
                reference.newOrder(id, side, type, tif, price, qty, account);
                recentIds.add(id);
                if (recentIds.size() > RECENT_IDS) {
                    recentIds.remove(0);
                }
            } else if (dice < 80) {
                long id = random.nextInt(100) < 5 ? nextId + 1_000 : pick(random, recentIds);
                command = "CANCEL " + id;
                engine.cancel(id);
                reference.cancel(id);
            } else {
                long id = random.nextInt(100) < 5 ? nextId + 1_000 : pick(random, recentIds);
                long openQty = engine.openQty(id);
                boolean inPlace = random.nextBoolean() && openQty > 0;
                long price = invalid(random) ? 0 : priceCenter + random.nextInt(-12, 13);
                long qty = invalid(random) ? -1 : 1 + random.nextInt(30);
                if (inPlace) {
                    price = currentPrice(engine, id);
                    qty = 1 + random.nextInt((int) openQty);
                }
                command = "MODIFY " + id + " " + price + " " + qty;
                engine.modify(id, price, qty);
                reference.modify(id, price, qty);
            }
            String where = "stp " + stp + ", seed " + seed + " (replay with -Dmatching.seed=" + seed + "), step "
                    + step + ": " + command;
            assertEquals(referenceEvents.drain(), engineEvents.drain(), where);
            assertEquals(reference.stateHash(), engine.stateHash(), where);
            assertEquals(reference.openOrders(), engine.openOrders(), where);
            assertEquals(reference.bestPrice(Side.BUY), engine.bestBid(), where);
            assertEquals(reference.bestPrice(Side.SELL), engine.bestAsk(), where);
            try {
                engine.checkConsistency();
            } catch (IllegalStateException e) {
                fail(where + ": " + e.getMessage(), e);
            }
            if (step % 50 == 0) {
                for (Side side : Side.values()) {
                    int levels = engine.depth(side, prices, qtys, counts, prices.length);
                    for (int i = 0; i < levels; i++) {
                        assertEquals(reference.levelQty(side, prices[i]), qtys[i], where + " depth " + side);
                    }
                }
            }
        }
    }

    /** The live order's current price, so that in-place modifies are generated often. */
    private static long currentPrice(MatchingBook engine, long id) {
        OrderPool pool = engine.orders();
        int levelRef = pool.levelRefs[pool.find(id)];
        return engine.side(Side.ofOrdinal(levelRef & 1)).levelPrices[levelRef >>> 1];
    }

    private static boolean invalid(SplittableRandom random) {
        return random.nextInt(100) < 3;
    }

    private static long pick(SplittableRandom random, List<Long> ids) {
        return ids.get(random.nextInt(ids.size()));
    }
}
