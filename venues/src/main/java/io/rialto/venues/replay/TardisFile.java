package io.rialto.venues.replay;

import io.rialto.core.domain.Side;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Reads one Tardis.dev CSV file, {@code incremental_book_L2} or {@code trades}, a row at a time (optionally
 * gzipped), into {@link #head}, the file's next event:
 * <ul>
 *   <li>book: {@code exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount}; consecutive
 *       {@code is_snapshot=true} rows form one snapshot event (zero amounts left out), stamped with its first
 *       row's {@code local_timestamp}; rows before the file's first snapshot are skipped, as Tardis advises;
 *       any other row is a depth update ({@code amount} is the level's new quantity, 0 deletes it);</li>
 *   <li>trades: {@code exchange,symbol,timestamp,local_timestamp,id,side,price,amount}; {@code side} is the
 *       aggressor, {@code unknown} left for the replay to infer from the book.</li>
 * </ul>
 * Columns are found by name in the header. A row that does not parse is reported with its file and line to
 * {@link BadRows} and skipped.
 *
 * <p>Threading: single-threaded.
 */
final class TardisFile implements Closeable {
    final TardisFileName name;
    /** Merge tie-break among events with the same timestamp: trades before book changes, then file order. */
    final int rank;
    final int instrument;
    final ReplayEvent head = new ReplayEvent();
    private final BadRows badRows;
    private final DecimalScale prices;
    private final DecimalScale qtys;
    private final BufferedReader reader;
    private final String prefix;
    private final int[] starts = new int[16];
    private final int[] ends = new int[16];
    private int columns;
    private int expectedColumns = -1;
    private int colExchange;
    private int colSymbol;
    private int colLocalTs;
    private int colSnapshot;
    private int colSide;
    private int colPrice;
    private int colAmount;
    private long line;
    private String held;
    private boolean seenSnapshot;
    private boolean snapshotOpen;
    private long snapshotTimeNs;
    private TreeMap<Long, Long> snapshotBids;
    private TreeMap<Long, Long> snapshotAsks;
    private long skippedBeforeSnapshot;
    private long rows;

    TardisFile(TardisFileName name, int order, int instrument, DecimalScale prices, DecimalScale qtys,
               BadRows badRows) throws IOException {
        this.name = name;
        this.rank = (name.book() ? 1 << 20 : 0) + order;
        this.instrument = instrument;
        this.prices = prices;
        this.qtys = qtys;
        this.badRows = badRows;
        this.reader = open(name);
        this.prefix = name.exchange() + "," + name.symbol() + ",";
        readHeader();
    }

    static BufferedReader open(TardisFileName name) throws IOException {
        InputStream in = Files.newInputStream(name.path());
        if (name.gzip()) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    private void readHeader() throws IOException {
        String header = reader.readLine();
        line = 1;
        if (header == null) {
            columns = 0;
            return;
        }
        split(header);
        colExchange = column(header, "exchange");
        colSymbol = column(header, "symbol");
        colLocalTs = column(header, "local_timestamp");
        colSide = column(header, "side");
        colPrice = column(header, "price");
        colAmount = column(header, "amount");
        colSnapshot = name.book() ? column(header, "is_snapshot") : -1;
    }

    private int column(String header, String column) throws IOException {
        for (int c = 0; c < columns; c++) {
            if (header.regionMatches(starts[c], column, 0, column.length()) && ends[c] - starts[c] == column.length()) {
                return c;
            }
        }
        throw new IOException(where() + ": no column '" + column + "' in the header (a Tardis "
                + (name.book() ? TardisFileName.BOOK : TardisFileName.TRADES) + " file has " + (name.book()
                ? "exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount"
                : "exchange,symbol,timestamp,local_timestamp,id,side,price,amount") + ")");
    }

    /** Loads the next event into {@link #head}; false at the end of the file. */
    boolean advance() throws IOException {
        while (true) {
            String row = held;
            held = null;
            if (row == null) {
                try {
                    row = reader.readLine();
                } catch (IOException e) { // a damaged gzip stream, say: the rest of the file is lost, and said so
                    badRows.report(where(), "cannot read on: " + e.getMessage());
                    row = null;
                }
                if (row == null) {
                    return snapshotOpen && emitSnapshot();
                }
                line++;
                rows++;
            }
            if (row.isEmpty()) {
                continue;
            }
            split(row);
            String problem = check(row);
            if (problem != null) {
                badRows.report(where(), problem);
                continue;
            }
            long localNs = parseLong(row, colLocalTs) * 1000;
            if (localNs < 0) {
                badRows.report(where(), "local_timestamp is not microseconds since the epoch");
                continue;
            }
            if (!name.book()) {
                if (trade(row, localNs)) {
                    return true;
                }
                continue;
            }
            boolean snapshotRow = is(row, colSnapshot, "true");
            if (!snapshotRow && !is(row, colSnapshot, "false")) {
                badRows.report(where(), "is_snapshot must be true or false");
                continue;
            }
            if (!snapshotRow && snapshotOpen) { // the snapshot ends here: this row waits for the next call
                held = row;
                return emitSnapshot();
            }
            Side side = is(row, colSide, "bid") ? Side.BUY : is(row, colSide, "ask") ? Side.SELL : null;
            if (side == null) {
                badRows.report(where(), "side must be bid or ask");
                continue;
            }
            long price = steps(row, colPrice, prices, "price");
            long qty = price == DecimalScale.INVALID ? DecimalScale.INVALID : steps(row, colAmount, qtys, "amount");
            if (qty == DecimalScale.INVALID) {
                continue;
            }
            if (snapshotRow) {
                if (!snapshotOpen) {
                    snapshotOpen = true;
                    seenSnapshot = true;
                    snapshotTimeNs = localNs;
                    snapshotBids = new TreeMap<>((a, b) -> Long.compare(b, a));
                    snapshotAsks = new TreeMap<>();
                }
                if (qty > 0) {
                    (side == Side.BUY ? snapshotBids : snapshotAsks).put(price, qty);
                }
                continue;
            }
            if (!seenSnapshot) {
                skippedBeforeSnapshot++;
                continue;
            }
            fill(ReplayEvent.DEPTH, localNs, side, price, qty);
            return true;
        }
    }

    private boolean trade(String row, long localNs) {
        Side side = is(row, colSide, "buy") ? Side.BUY : is(row, colSide, "sell") ? Side.SELL : null;
        if (side == null && !is(row, colSide, "unknown")) {
            badRows.report(where(), "side must be buy, sell or unknown");
            return false;
        }
        long price = steps(row, colPrice, prices, "price");
        long qty = price == DecimalScale.INVALID ? DecimalScale.INVALID : steps(row, colAmount, qtys, "amount");
        if (qty == DecimalScale.INVALID) {
            return false;
        }
        if (qty == 0) {
            badRows.report(where(), "a trade of amount 0");
            return false;
        }
        fill(ReplayEvent.TRADE, localNs, side, price, qty);
        return true;
    }

    private void fill(int kind, long timeNs, Side side, long price, long qty) {
        head.kind = kind;
        head.instrument = instrument;
        head.timeNs = timeNs;
        head.side = side;
        head.priceTicks = price;
        head.qtyLots = qty;
        head.seq = ReplayEvent.NO_SEQ;
    }

    private boolean emitSnapshot() {
        snapshotOpen = false;
        head.kind = ReplayEvent.SNAPSHOT;
        head.instrument = instrument;
        head.timeNs = snapshotTimeNs;
        head.side = null;
        head.seq = ReplayEvent.NO_SEQ;
        head.bidPrices = keys(snapshotBids);
        head.bidQtys = values(snapshotBids);
        head.askPrices = keys(snapshotAsks);
        head.askQtys = values(snapshotAsks);
        snapshotBids = null;
        snapshotAsks = null;
        return true;
    }

    private static long[] keys(TreeMap<Long, Long> levels) {
        long[] out = new long[levels.size()];
        int i = 0;
        for (Long k : levels.keySet()) {
            out[i++] = k;
        }
        return out;
    }

    private static long[] values(TreeMap<Long, Long> levels) {
        long[] out = new long[levels.size()];
        int i = 0;
        for (Map.Entry<Long, Long> e : levels.entrySet()) {
            out[i++] = e.getValue();
        }
        return out;
    }

    /** Why the row is bad, or null: the column count and the exchange and symbol of the file's name. */
    private String check(String row) {
        if (columns != expectedColumns) {
            return "expected " + expectedColumns + " columns, got " + columns;
        }
        if (colExchange == 0 && colSymbol == 1 && row.startsWith(prefix)) {
            return null; // the usual layout: one intrinsic comparison for both
        }
        if (!is(row, colExchange, name.exchange())) {
            return "exchange " + field(row, colExchange) + " in a file of " + name.exchange();
        }
        if (!is(row, colSymbol, name.symbol())) {
            return "symbol " + field(row, colSymbol) + " in a file of " + name.symbol();
        }
        return null;
    }

    private long steps(String row, int column, DecimalScale scale, String what) {
        long v = scale.steps(row, starts[column], ends[column]);
        if (v == DecimalScale.INVALID || (what.equals("price") && v == 0)) {
            badRows.report(where(), what + " " + field(row, column) + " is not a positive multiple of the "
                    + (what.equals("price") ? "tick " : "lot ") + scale.step().toPlainString() + " of "
                    + name.exchange() + ":" + name.symbol() + " (set it under rialto.instruments)");
            return DecimalScale.INVALID;
        }
        return v;
    }

    private void split(String row) {
        int n = 0;
        int start = 0;
        int len = row.length();
        for (int i = 0; i <= len; i++) {
            if (i == len || row.charAt(i) == ',') {
                if (n < starts.length) {
                    starts[n] = start;
                    ends[n] = i;
                }
                n++;
                start = i + 1;
            }
        }
        columns = n;
        if (expectedColumns < 0) {
            expectedColumns = n; // the header's
        }
    }

    private boolean is(String row, int column, String value) {
        int from = starts[column];
        int n = value.length();
        if (ends[column] - from != n) {
            return false;
        }
        for (int i = 0; i < n; i++) { // short fields: a plain loop beats regionMatches here
            if (row.charAt(from + i) != value.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private String field(String row, int column) {
        return row.substring(starts[column], ends[column]);
    }

    private long parseLong(String row, int column) {
        long v = 0;
        int from = starts[column];
        int to = ends[column];
        if (from == to || to - from > 18) {
            return -1;
        }
        for (int i = from; i < to; i++) {
            char c = row.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    String where() {
        return name.path() + ":" + line;
    }

    long skippedBeforeSnapshot() {
        return skippedBeforeSnapshot;
    }

    long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /**
     * Reads up to {@code maxRows} data rows of a file and returns the most decimals seen in its price and amount
     * columns ({@code [price, amount]}), for inferring tick and lot size. Throws when the header lacks them.
     */
    static int[] inferDecimals(TardisFileName name, int maxRows) throws IOException {
        try (BufferedReader r = open(name)) {
            String header = r.readLine();
            int[] out = {0, 0};
            if (header == null) {
                return out;
            }
            String[] cols = header.split(",", -1);
            int price = java.util.Arrays.asList(cols).indexOf("price");
            int amount = java.util.Arrays.asList(cols).indexOf("amount");
            if (price < 0 || amount < 0) {
                throw new IOException(name.path() + ":1: no price or amount column in the header");
            }
            String row;
            for (int n = 0; n < maxRows && (row = r.readLine()) != null; n++) {
                String[] f = row.split(",", -1);
                if (f.length == cols.length) {
                    out[0] = Math.max(out[0], DecimalScale.decimals(f[price], 0, f[price].length()));
                    out[1] = Math.max(out[1], DecimalScale.decimals(f[amount], 0, f[amount].length()));
                }
            }
            return out;
        }
    }
}
