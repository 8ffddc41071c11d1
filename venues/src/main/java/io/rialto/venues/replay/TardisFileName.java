package io.rialto.venues.replay;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Tardis.dev CSV file name, {@code <exchange>_<data type>_<date>_<symbol>.csv[.gz]}, e.g.
 * {@code binance-futures_incremental_book_L2_2024-03-01_BTCUSDT.csv.gz}.
 *
 * @param book true for {@code incremental_book_L2}, false for {@code trades}
 */
record TardisFileName(Path path, String exchange, boolean book, String date, String symbol, boolean gzip) {
    static final String BOOK = "incremental_book_L2";
    static final String TRADES = "trades";
    private static final Pattern NAME = Pattern.compile(
            "([^_]+)_(incremental_book_L2|trades|[A-Za-z0-9_]+?)_(\\d{4}-\\d{2}-\\d{2})_(.+?)\\.csv(\\.gz)?");

    /** The parsed name; throws {@link IllegalArgumentException} saying what a Tardis name looks like. */
    static TardisFileName parse(Path path) {
        String name = path.getFileName().toString();
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            throw new IllegalArgumentException(path + ": not a Tardis CSV file name (expected "
                    + "<exchange>_<data type>_<date>_<symbol>.csv[.gz], e.g. "
                    + "binance_incremental_book_L2_2024-03-01_BTCUSDT.csv.gz)");
        }
        String type = m.group(2);
        if (!type.equals(BOOK) && !type.equals(TRADES)) {
            throw new IllegalArgumentException(path + ": Tardis data type " + type + " is not replayed (only "
                    + BOOK + " and " + TRADES + ")");
        }
        return new TardisFileName(path, m.group(1), type.equals(BOOK), m.group(3), m.group(4), m.group(5) != null);
    }

    static boolean looksLikeCsv(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith(".csv") || name.endsWith(".csv.gz");
    }
}
