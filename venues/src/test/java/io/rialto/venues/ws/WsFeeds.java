package io.rialto.venues.ws;

import io.rialto.core.domain.BookSnapshot;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.MarketData;
import io.rialto.core.domain.MdBatch;
import io.rialto.core.domain.Side;
import io.rialto.core.record.MdFrames;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Market data for the WebSocket tests: a registry, seeded batches and snapshots, and an exact comparison. */
final class WsFeeds {
    static final InstrumentRegistry REGISTRY = InstrumentRegistry.of(List.of("WS1"), List.of(
            new InstrumentRegistry.Listing("WS1", "AAA", new BigDecimal("0.01"), BigDecimal.ONE, 1, 1_000_000),
            new InstrumentRegistry.Listing("WS1", "BBB", new BigDecimal("0.05"), BigDecimal.ONE, 1, 1_000_000)));

    private WsFeeds() {
    }

    /** {@code batches} batches of up to 256 events with contiguous sequence numbers, a snapshot every 50th. */
    static List<MarketData> marketData(long seed, int batches) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] seqs = new long[REGISTRY.size()];
        List<MarketData> out = new ArrayList<>();
        for (int k = 0; k < batches; k++) {
            if (k % 50 == 49) {
                out.add(new BookSnapshot(1, seqs[1], new long[] {2000, 1995}, new long[] {4, 9}, new long[] {2005},
                        new long[] {1}, 0L));
                continue;
            }
            MdBatch.Builder b = new MdBatch.Builder(0, 1 + random.nextInt(256));
            while (!b.isFull()) {
                int id = random.nextInt(REGISTRY.size());
                Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                if (random.nextInt(10) == 0) {
                    b.trade(id, ++seqs[id], side, 2000 + random.nextInt(20), 1 + random.nextInt(9));
                } else {
                    b.depth(id, ++seqs[id], side, 2000 + random.nextInt(20), random.nextInt(500));
                }
            }
            out.add(b.build());
        }
        return out;
    }

    /** Where each of {@code actual} is in {@code expected} (compared as encoded); fails on one that is not there. */
    static List<Integer> positionsIn(List<MarketData> expected, List<MarketData> actual) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < expected.size(); i++) {
            index.put(key(expected.get(i)), i);
        }
        List<Integer> out = new ArrayList<>();
        for (MarketData md : actual) {
            Integer at = index.get(key(md));
            assertTrue(at != null, "an element the feed never sent, after " + out);
            out.add(at);
        }
        return out;
    }

    /** An element's encoding, by an encoder of its own (an encoder's output depends on what it encoded before). */
    private static String key(MarketData md) {
        return Arrays.toString(MdFrames.encoder(REGISTRY).encode(0, md));
    }

    /** Same market data, field by field (the encoding covers every field but {@code ingestNs}). */
    static void assertSame(List<MarketData> expected, List<MarketData> actual) {
        assertEquals(expected.size(), actual.size(), "elements");
        MdFrames.Encoder left = MdFrames.encoder(REGISTRY);
        MdFrames.Encoder right = MdFrames.encoder(REGISTRY);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).getClass(), actual.get(i).getClass(), "element " + i);
            assertTrue(Arrays.equals(left.encode(0, expected.get(i)), right.encode(0, actual.get(i))),
                    "element " + i + " differs");
        }
    }
}
