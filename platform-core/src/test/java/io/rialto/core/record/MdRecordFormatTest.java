package io.rialto.core.record;

import io.rialto.core.domain.BookSnapshot;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.MarketData;
import io.rialto.core.domain.MdBatch;
import io.rialto.core.domain.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MdRecordFormatTest {
    @TempDir
    Path dir;

    final InstrumentRegistry registry = InstrumentRegistry.of(List.of("V1", "V2"), List.of(
            new InstrumentRegistry.Listing("V1", "AAA", new BigDecimal("0.01"), BigDecimal.ONE, 1, 1000),
            new InstrumentRegistry.Listing("V2", "AAA", new BigDecimal("0.05"), new BigDecimal("0.001"), 2, 5000),
            new InstrumentRegistry.Listing("V2", "BBB", new BigDecimal("1"), BigDecimal.TEN, 1, 10)));

    /** Seeded market data: batches with big and small price moves, trades, sequence gaps, and snapshots. */
    List<MarketData> marketData(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<MarketData> out = new ArrayList<>();
        long[] seqs = new long[registry.size()];
        for (int k = 0; k < 200; k++) {
            int id = random.nextInt(registry.size());
            if (k % 37 == 0) {
                out.add(new BookSnapshot(id, seqs[id], new long[] {1000, 990}, new long[] {5, 7}, new long[] {1010},
                        new long[] {3}, 0));
                continue;
            }
            MdBatch.Builder b = new MdBatch.Builder(registry.get(id).venueIndex(), 1 + random.nextInt(256));
            while (!b.isFull()) {
                int i = random.nextInt(registry.size());
                long seq = seqs[i] += random.nextInt(50) == 0 ? 3 : 1; // now and then a gap, as recorded
                long price = random.nextBoolean() ? 1000 + random.nextInt(40) : random.nextLong(1L << 40);
                if (random.nextInt(5) == 0) {
                    b.trade(i, seq, random.nextBoolean() ? Side.BUY : Side.SELL, price, 1 + random.nextInt(9));
                } else {
                    b.depth(i, seq, random.nextBoolean() ? Side.BUY : Side.SELL, price, random.nextInt(1000));
                }
            }
            out.add(b.build());
        }
        return out;
    }

    private Path write(List<MarketData> data) throws IOException {
        Path file = dir.resolve(MdRecordFormat.FILE_NAME);
        try (OutputStream out = Files.newOutputStream(file)) {
            MdRecordWriter writer = new MdRecordWriter(out);
            writer.writeHeader(registry, 1_700_000_000_000L, 0);
            long t = 0;
            for (MarketData md : data) {
                writer.append(md instanceof MdBatch b ? b.venueIndex() : 1, md, t += 1000);
            }
            writer.close();
        }
        return file;
    }

    @Test
    void shouldReadBackExactlyWhatWasRecordedWithTheRegistry() throws IOException {
        List<MarketData> data = marketData(5);
        Path file = write(data);
        try (MdRecordReader reader = MdRecordReader.open(file)) {
            assertEquals(List.of("V1", "V2"), reader.venues());
            assertEquals(1_700_000_000_000L, reader.startEpochMs());
            for (int i = 0; i < registry.size(); i++) {
                InstrumentRegistry.Listing l = reader.listings().get(i);
                assertEquals(registry.get(i).key(), l.venue() + ":" + l.symbol());
                assertEquals(0, registry.get(i).tickSize().compareTo(l.tickSize()));
                assertEquals(0, registry.get(i).lotSize().compareTo(l.lotSize()));
                assertEquals(registry.get(i).minQtyLots(), l.minQtyLots());
                assertEquals(registry.get(i).maxQtyLots(), l.maxQtyLots());
            }
            for (MarketData md : data) {
                int type = reader.next();
                assertEquals(1000, reader.dtNs());
                if (md instanceof BookSnapshot s) {
                    assertEquals(MdRecordFormat.SNAPSHOT, type);
                    BookSnapshot r = reader.snapshot();
                    assertEquals(s.instrumentId(), r.instrumentId());
                    assertEquals(s.seq(), r.seq());
                    assertTrue(Arrays.equals(s.bidPricesTicks(), r.bidPricesTicks())
                            && Arrays.equals(s.bidQtysLots(), r.bidQtysLots())
                            && Arrays.equals(s.askPricesTicks(), r.askPricesTicks())
                            && Arrays.equals(s.askQtysLots(), r.askQtysLots()));
                } else {
                    MdBatch b = (MdBatch) md;
                    assertEquals(MdRecordFormat.BATCH, type);
                    assertEquals(b.venueIndex(), reader.venueIndex());
                    assertEquals(b.size(), reader.size());
                    for (int i = 0; i < b.size(); i++) {
                        assertEquals(b.kinds()[i] == MdBatch.TRADE, reader.isTrade(i));
                        assertEquals(b.sides()[i], reader.side(i));
                        assertEquals(b.instrumentIds()[i], reader.instrumentId(i));
                        assertEquals(b.pricesTicks()[i], reader.priceTicks(i));
                        assertEquals(b.qtysLots()[i], reader.qtyLots(i));
                        assertEquals(b.seqs()[i], reader.seq(i));
                    }
                }
            }
            assertEquals(MdRecordReader.END_OF_FILE, reader.next());
        }
    }

    @Test
    void shouldSayWhereARecordingWasCutShort() throws IOException {
        Path file = write(marketData(9));
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length * 2 / 3));
        try (MdRecordReader reader = MdRecordReader.open(file)) {
            MdRecordException e = assertThrows(MdRecordException.class, () -> {
                while (reader.next() != MdRecordReader.END_OF_FILE) {
                    // read up to the cut
                }
            });
            assertTrue(e.getMessage().startsWith(file + ": record ") && e.getMessage().contains(" at byte ")
                    && e.getMessage().contains("cut short"), e.getMessage());
        }
        Files.write(file, "not a recording at all".getBytes());
        MdRecordException bad = assertThrows(MdRecordException.class, () -> MdRecordReader.open(file));
        assertTrue(bad.getMessage().contains("not a Rialto recording"), bad.getMessage());
    }

    @Test
    void shouldTakeAFewBytesPerEvent() throws IOException {
        MdBatch.Builder b = new MdBatch.Builder(0, 256);
        for (int i = 0; i < 256; i++) {
            b.depth(0, i + 1, i % 2 == 0 ? Side.BUY : Side.SELL, 10_000 + (i % 7), 1 + i % 50);
        }
        Path file = write(List.of(b.build()));
        long bytes = Files.size(file);
        assertTrue(bytes < 256 * 8 + 100, "a typical depth event takes under 8 bytes; the file has " + bytes);
    }
}
