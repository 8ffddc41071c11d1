package io.rialto.risk;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LongHashTableTest {
    @Test
    void shouldMatchHashMapOverRandomInsertsUpdatesAndRemovals() {
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            LongHashTable table = new LongHashTable(4, -1);
            Map<Long, Long> reference = new HashMap<>();
            List<Long> keys = new ArrayList<>();
            // few distinct keys (sequential like clOrdIds, and arbitrary) so clusters form, wrap and close
            for (int i = 0; i < 300; i++) {
                keys.add(random.nextBoolean() ? (long) i : random.nextLong());
            }
            for (int step = 0; step < 20_000; step++) {
                long key = keys.get(random.nextInt(keys.size()));
                int p = table.probe(key);
                assertEquals(reference.containsKey(key), p >= 0, "seed " + seed + " step " + step);
                if (p >= 0) {
                    assertEquals(key, table.keyAt(p));
                    assertEquals(reference.get(key), table.valueAt(p), "seed " + seed + " step " + step);
                    if (random.nextInt(3) == 0) {
                        table.setValueAt(p, step);
                        reference.put(key, (long) step);
                    } else {
                        table.removeAt(p);
                        reference.remove(key);
                    }
                } else {
                    table.insertAt(p, key, step);
                    reference.put(key, (long) step);
                }
                assertEquals(reference.size(), table.size());
            }
            for (Map.Entry<Long, Long> e : reference.entrySet()) {
                assertEquals(e.getValue(), table.get(e.getKey()), "seed " + seed);
            }
        }
    }

    @Test
    void shouldGrowAndKeepEveryKey() {
        LongHashTable table = new LongHashTable(2, Long.MIN_VALUE);
        for (long k = 0; k < 10_000; k++) {
            table.put(k << 40 | k, k);
        }
        for (long k = 0; k < 10_000; k++) {
            assertEquals(k, table.get(k << 40 | k));
        }
        assertEquals(Long.MIN_VALUE, table.get(-7));
        assertTrue(table.size() == 10_000);
    }
}
