package io.rialto.venues.replay;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes Tardis.dev CSV files for tests, with the real headers; rows are given as CSV text. */
final class TardisFiles {
    static final String BOOK_HEADER = "exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount";
    static final String TRADES_HEADER = "exchange,symbol,timestamp,local_timestamp,id,side,price,amount";

    private TardisFiles() {
    }

    static Path book(Path dir, String exchange, String symbol, boolean gzip, String... rows) throws IOException {
        return write(dir.resolve(exchange + "_incremental_book_L2_2024-03-01_" + symbol + ".csv" + (gzip ? ".gz" : "")),
                BOOK_HEADER, rows);
    }

    static Path trades(Path dir, String exchange, String symbol, boolean gzip, String... rows) throws IOException {
        return write(dir.resolve(exchange + "_trades_2024-03-01_" + symbol + ".csv" + (gzip ? ".gz" : "")),
                TRADES_HEADER, rows);
    }

    /** A book row: {@code bookRow("binance", "BTCUSDT", 1000, true, "bid", "100.5", "2")}. */
    static String bookRow(String exchange, String symbol, long localUs, boolean snapshot, String side, String price,
                          String amount) {
        return exchange + "," + symbol + "," + (localUs - 7) + "," + localUs + "," + snapshot + "," + side + ","
                + price + "," + amount;
    }

    static String tradeRow(String exchange, String symbol, long localUs, String side, String price, String amount) {
        return exchange + "," + symbol + "," + (localUs - 7) + "," + localUs + ",t" + localUs + "," + side + ","
                + price + "," + amount;
    }

    static Path write(Path file, String header, String... rows) throws IOException {
        StringBuilder text = new StringBuilder(header).append('\n');
        for (String row : rows) {
            text.append(row).append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = file.toString().endsWith(".gz")
                ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(bytes);
        }
        return file;
    }
}
