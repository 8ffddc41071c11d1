package io.rialto.risk;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The filter against a plain map of key to latest deadline, through growth of its ring and buckets, chains
 * that run into evicted entries, keys recorded again after their window, and windows of different lengths.
 */
class DuplicateFilterTest {
    @Test
    void agreesWithAMapOfDeadlines() {
        DuplicateFilter filter = new DuplicateFilter();
        Map<Long, Long> deadlines = new HashMap<>();
        SplittableRandom random = new SplittableRandom(7);
        long[] windows = {1_000, 5_000, 20_000};
        long now = 0;
        int duplicates = 0;
        for (int i = 0; i < 400_000; i++) {
            now += random.nextInt(4);
            // few keys early (re-records, stale entries), then many (growth), home positions colliding often
            long key = i < 100_000 ? random.nextInt(64) : random.nextLong() >>> 50;
            long slotSide = key & 3;
            long price = key >>> 2 & 15;
            long qty = key >>> 6; // the key spread over the three parts, each shared by many keys
            Long deadline = deadlines.get(key);
            boolean expected = deadline != null && deadline - now > 0;
            assertEquals(expected, filter.isDuplicate(slotSide, price, qty, now), "key " + key + " at " + now);
            if (expected) {
                duplicates++;
            } else {
                long window = windows[random.nextInt(windows.length)];
                filter.record(slotSide, price, qty, now, window);
                deadlines.put(key, now + window);
            }
        }
        assertTrue(duplicates > 1_000, "the test must hit duplicates: " + duplicates);
        assertTrue(filter.remembered() <= deadlines.size());
    }

    @Test
    void shouldHoldNoMoreThanOneWindowOfEntries() {
        DuplicateFilter filter = new DuplicateFilter();
        long slotSide = DuplicateFilter.slotSide(2, 0);
        for (long now = 1; now <= 1_000_000; now++) {
            assertFalse(filter.isDuplicate(slotSide, now, 1, now));
            filter.record(slotSide, now, 1, now, 1_000);
            assertTrue(filter.remembered() <= 1_000, "at " + now + ": " + filter.remembered());
        }
        assertTrue(filter.isDuplicate(slotSide, 1_000_000, 1, 1_000_000));
        assertFalse(filter.isDuplicate(slotSide, 999_000, 1, 1_000_000));
        assertFalse(filter.isDuplicate(DuplicateFilter.slotSide(2, 1), 1_000_000, 1, 1_000_000));
    }
}
