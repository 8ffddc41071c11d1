package io.rialto.core.book;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The order pool and its id index against a {@code HashMap}, through growth, wrap-around and backward shifts. */
class OrderPoolTest {

    @Test
    void shouldFindExactlyTheLiveOrdersAfterRandomAllocationsAndFrees() {
        long seed = 77;
        SplittableRandom random = new SplittableRandom(seed);
        OrderPool pool = new OrderPool(1, false);
        Map<Long, Integer> slotById = new HashMap<>();
        List<Long> liveIds = new ArrayList<>();
        for (int step = 0; step < 200_000; step++) {
            int target = step < 100_000 ? 3_000 : 20;
            if (liveIds.isEmpty() || random.nextInt(2 * target) >= liveIds.size()) {
                long id = random.nextLong(1, 50_000);
                if (!slotById.containsKey(id)) {
                    slotById.put(id, pool.allocate(id, 1 + random.nextInt(9), 0));
                    liveIds.add(id);
                }
            } else {
                long id = liveIds.remove(random.nextInt(liveIds.size()));
                pool.free(slotById.remove(id));
            }
            if (step % 997 == 0) {
                for (long id = 1; id < 50_000; id += 7) {
                    assertEquals(slotById.getOrDefault(id, OrderPool.NULL_INDEX), pool.find(id),
                            "seed " + seed + ", step " + step + ", id " + id);
                }
            }
        }
        assertEquals(slotById.size(), pool.size());
        assertEquals(pool.size(), pool.indexedCount());
    }

    @Test
    void shouldKeepCapacityTwoToTheNMinusFourSoArraysArePowerOfTwoBytes() {
        OrderPool pool = new OrderPool(1_000_000, true);

        assertEquals((1 << 20) - 4, pool.capacity());
    }
}
