package io.rialto.venues.replay;

import io.rialto.core.domain.Instrument;
import io.rialto.core.domain.InstrumentRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.rialto.venues.replay.TardisFiles.bookRow;
import static io.rialto.venues.replay.TardisFiles.tradeRow;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TardisSourceTest {
    private static final String EX = "binance";
    private static final String SYM = "BTCUSDT";

    @TempDir
    Path dir;

    private final BadRows badRows = new BadRows(false, 10);

    /** Opens the files as the provider does, binds the inferred reference data, and reads every event as text. */
    private List<String> read(TardisSource source) throws IOException {
        InstrumentRegistry registry = InstrumentRegistry.of(source.venues(), source.listings());
        Instrument[] bound = source.listings().stream().map(l -> registry.find(l.venue(), l.symbol()))
                .toArray(Instrument[]::new);
        source.start(bound);
        List<String> events = new ArrayList<>();
        ReplayEvent e = new ReplayEvent();
        while (source.next(e)) {
            events.add(describe(source, e));
        }
        source.close();
        return events;
    }

    private static String describe(TardisSource source, ReplayEvent e) {
        String symbol = source.listings().get(e.instrument).symbol();
        long us = e.timeNs / 1000;
        return switch (e.kind) {
            case ReplayEvent.SNAPSHOT -> us + " " + symbol + " snapshot bids " + pairs(e.bidPrices, e.bidQtys) + " asks "
                    + pairs(e.askPrices, e.askQtys);
            case ReplayEvent.DEPTH -> us + " " + symbol + " depth " + e.side + " " + e.priceTicks + "x" + e.qtyLots;
            default -> us + " " + symbol + " trade " + e.side + " " + e.priceTicks + "x" + e.qtyLots;
        };
    }

    private static String pairs(long[] prices, long[] qtys) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < prices.length; i++) {
            s.append(i == 0 ? "" : " ").append(prices[i]).append('x').append(qtys[i]);
        }
        return "[" + s + "]";
    }

    private TardisSource source(Path path) throws IOException {
        return new TardisSource("test", ReplayVenueProvider.tardisFiles(path), 1000, 1_000_000, badRows);
    }

    @Test
    void shouldGroupConsecutiveSnapshotRowsIntoOneSnapshotEventBestFirst() throws IOException {
        TardisFiles.book(dir, EX, SYM, false,
                bookRow(EX, SYM, 90, false, "bid", "99.0", "1"),          // before the first snapshot: skipped
                bookRow(EX, SYM, 100, true, "bid", "99.5", "3"),
                bookRow(EX, SYM, 100, true, "ask", "100.5", "2"),
                bookRow(EX, SYM, 100, true, "bid", "100.0", "4"),
                bookRow(EX, SYM, 100, true, "ask", "101.0", "0"),         // a zero in a snapshot is no level
                bookRow(EX, SYM, 100, true, "ask", "102.0", "1.5"),
                bookRow(EX, SYM, 150, false, "bid", "100.0", "0"),
                bookRow(EX, SYM, 160, false, "ask", "100.5", "2.5"));
        // tick 0.1 and lot 0.1: one decimal at most in each column
        assertEquals(List.of(
                "100 BTCUSDT snapshot bids [1000x40 995x30] asks [1005x20 1020x15]",
                "150 BTCUSDT depth BUY 1000x0",
                "160 BTCUSDT depth SELL 1005x25"), read(source(dir)));
        assertEquals(0, badRows.count());
    }

    @Test
    void shouldInferTickAndLotSizeFromTheMostDecimalsInTheData() throws IOException {
        TardisFiles.book(dir, EX, SYM, false,
                bookRow(EX, SYM, 100, true, "bid", "61130.9", "0.001"),
                bookRow(EX, SYM, 100, true, "ask", "61131.25", "1.50"),   // trailing zeros do not count
                bookRow(EX, SYM, 200, false, "ask", "61131", "2"));
        TardisSource source = source(dir);
        InstrumentRegistry.Listing listing = source.listings().get(0);
        assertEquals(EX, listing.venue());
        assertEquals(SYM, listing.symbol());
        assertEquals(0, new BigDecimal("0.01").compareTo(listing.tickSize()), listing.tickSize().toPlainString());
        assertEquals(0, new BigDecimal("0.001").compareTo(listing.lotSize()), listing.lotSize().toPlainString());
        assertEquals(List.of("100 BTCUSDT snapshot bids [6113090x1] asks [6113125x1500]",
                "200 BTCUSDT depth SELL 6113100x2000"), read(source));
    }

    @Test
    void shouldMergeFilesInLocalTimestampOrderWithTradesFirstAtTheSameTime() throws IOException {
        TardisFiles.book(dir, EX, SYM, false,
                bookRow(EX, SYM, 100, true, "bid", "10", "5"),
                bookRow(EX, SYM, 100, true, "ask", "11", "5"),
                bookRow(EX, SYM, 300, false, "ask", "11", "2"),
                bookRow(EX, SYM, 500, false, "bid", "10", "1"));
        TardisFiles.trades(dir, EX, SYM, true, // gzipped
                tradeRow(EX, SYM, 50, "sell", "10", "1"),
                tradeRow(EX, SYM, 300, "buy", "11", "3"),
                tradeRow(EX, SYM, 400, "unknown", "10", "4"));
        TardisFiles.book(dir, "deribit", "ETH-PERPETUAL", true,
                bookRow("deribit", "ETH-PERPETUAL", 200, true, "bid", "3000", "7"),
                bookRow("deribit", "ETH-PERPETUAL", 450, false, "ask", "3001", "1"));
        TardisSource source = source(dir);
        assertEquals(List.of("binance", "deribit"), source.venues());
        assertEquals(List.of(
                "50 BTCUSDT trade SELL 10x1",
                "100 BTCUSDT snapshot bids [10x5] asks [11x5]",
                "200 ETH-PERPETUAL snapshot bids [3000x7] asks []",
                "300 BTCUSDT trade BUY 11x3",                      // the trade before the book change it caused
                "300 BTCUSDT depth SELL 11x2",
                "400 BTCUSDT trade null 10x4",                     // aggressor unknown: the replay infers it
                "450 ETH-PERPETUAL depth SELL 3001x1",
                "500 BTCUSDT depth BUY 10x1"), read(source));
    }

    @Test
    void shouldNameTheFileAndLineOfABadRowCountItAndGoOn() throws IOException {
        Path file = TardisFiles.book(dir, EX, SYM, false,
                bookRow(EX, SYM, 100, true, "bid", "10", "5"),
                bookRow(EX, SYM, 200, false, "middle", "10", "1"),       // line 3: bad side
                "binance,BTCUSDT,1,2,false",                             // line 4: too few columns
                bookRow(EX, SYM, 300, false, "bid", "10.25", "1"),       // line 5: off the configured tick
                bookRow(EX, SYM, 400, false, "bid", "10", "2"));
        TardisSource source = source(dir);
        InstrumentRegistry registry = InstrumentRegistry.of(source.venues(), List.of(new InstrumentRegistry.Listing(
                EX, SYM, new BigDecimal("0.5"), BigDecimal.ONE, 1, 100)));
        source.start(new Instrument[] {registry.get(0)});
        ReplayEvent e = new ReplayEvent();
        List<String> events = new ArrayList<>();
        while (source.next(e)) {
            events.add(describe(source, e));
        }
        assertEquals(List.of("100 BTCUSDT snapshot bids [20x5] asks []", "400 BTCUSDT depth BUY 20x2"), events);
        assertEquals(3, badRows.count());

        BadRows stopping = new BadRows(true, 10);
        TardisSource strict = new TardisSource("test", List.of(TardisFileName.parse(file)), 10, 100, stopping);
        strict.start(new Instrument[] {registry.get(0)});
        BadRows.Stop stop = assertThrows(BadRows.Stop.class, () -> {
            while (strict.next(e)) {
                // read until the bad row stops the replay
            }
        });
        assertTrue(stop.getMessage().startsWith(file + ":3: side must be bid or ask"), stop.getMessage());
        assertTrue(stopping.stopped());
    }

    @Test
    void shouldParseTardisFileNamesAndRefuseOtherDataTypes() {
        TardisFileName name = TardisFileName.parse(Path.of("binance-futures_incremental_book_L2_2024-03-01_BTC_USDT.csv.gz"));
        assertEquals("binance-futures", name.exchange());
        assertTrue(name.book() && name.gzip());
        assertEquals("2024-03-01", name.date());
        assertEquals("BTC_USDT", name.symbol());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TardisFileName.parse(Path.of("deribit_book_snapshot_25_2024-03-01_BTC-PERPETUAL.csv")));
        assertTrue(e.getMessage().contains("book_snapshot_25 is not replayed"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TardisFileName.parse(Path.of("prices.csv")));
    }

    @Test
    void shouldConvertDecimalsExactlyOrRefuseThem() {
        DecimalScale tick = new DecimalScale(new BigDecimal("0.05"));
        assertEquals(2002, tick.steps("100.10", 0, 6));
        assertEquals(2000, tick.steps("100", 0, 3));
        assertEquals(DecimalScale.INVALID, tick.steps("100.11", 0, 6));
        assertEquals(DecimalScale.INVALID, tick.steps("-1", 0, 2));
        assertEquals(DecimalScale.INVALID, tick.steps("", 0, 0));
        assertEquals(3, tick.steps("1.5e-1", 0, 6));                   // exponent notation: the exact path
        assertArrayEquals(new int[] {0, 2, 3}, new int[] {DecimalScale.decimals("12", 0, 2),
                DecimalScale.decimals("1.250", 0, 5), DecimalScale.decimals("0.001", 0, 5)});
    }
}
