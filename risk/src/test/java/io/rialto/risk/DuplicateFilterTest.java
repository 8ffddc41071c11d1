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
            Long deadline = deadlines.get(key);
            boolean expected = deadline != null && deadline - now > 0;
            assertEquals(expected, filter.isDuplicate(key, now), "key " + key + " at " + now);
            if (expected) {
                duplicates++;
            } else {
                long window = windows[random.nextInt(windows.length)];
                filter.record(key, now, window);
                deadlines.put(key, now + window);
            }
        }
        assertTrue(duplicates > 1_000, "the test must hit duplicates: " + duplicates);
        assertTrue(filter.remembered() <= deadlines.size());
    }

    @Test
    void shouldHoldNoMoreThanOneWindowOfEntries() {
        DuplicateFilter filter = new DuplicateFilter();
        for (long now = 1; now <= 1_000_000; now++) {
            long key = DuplicateFilter.key(1, 2, 0, now, 1);
            assertFalse(filter.isDuplicate(key, now));
            filter.record(key, now, 1_000);
            assertTrue(filter.remembered() <= 1_000, "at " + now + ": " + filter.remembered());
        }
        assertTrue(filter.isDuplicate(DuplicateFilter.key(1, 2, 0, 1_000_000, 1), 1_000_000));
        assertFalse(filter.isDuplicate(DuplicateFilter.key(1, 2, 0, 999_000, 1), 1_000_000));
    }
}
