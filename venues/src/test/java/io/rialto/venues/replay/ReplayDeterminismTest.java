package io.rialto.venues.replay;

import io.rialto.core.book.DepthBook;
import io.rialto.core.domain.BookSnapshot;
import io.rialto.core.domain.ExecType;
import io.rialto.core.domain.ExecutionReport;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.MdBatch;
import io.rialto.core.domain.NewOrder;
import io.rialto.core.domain.OrderType;
import io.rialto.core.domain.Side;
import io.rialto.core.domain.TimeInForce;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.rialto.venues.replay.TardisFiles.bookRow;
import static io.rialto.venues.replay.TardisFiles.tradeRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The replay venue end to end through its actor: the same data and the same order flow give the same fills.
 * The test is the feed (a probe that acknowledges each element) and the strategy (orders sent between
 * elements, from what the elements showed), so every order reaches the venue at the same place in the data.
 */
class ReplayDeterminismTest {
    private static final ActorTestKit KIT = ActorTestKit.create();
    private static final String EX = "bitmex";
    private static final String SYM = "XBTUSD";

    @TempDir
    Path dir;

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    /** A seeded random walk: a snapshot, then level updates around a moving mid and trades at the touch. */
    private void writeData(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> book = new ArrayList<>();
        List<String> trades = new ArrayList<>();
        long mid = 20_000;
        long t = 1_000_000;
        for (int level = 1; level <= 5; level++) {
            book.add(bookRow(EX, SYM, t, true, "bid", price(mid - level), "" + (10 + random.nextInt(20))));
            book.add(bookRow(EX, SYM, t, true, "ask", price(mid + level), "" + (10 + random.nextInt(20))));
        }
        for (int step = 0; step < 1500; step++) {
            t += 1 + random.nextInt(500);
            int move = random.nextInt(7) - 3;
            if (move == 3) {           // the mid moves up: the best ask goes, a new bid level appears
                book.add(bookRow(EX, SYM, t, false, "ask", price(mid + 1), "0"));
                mid++;
                book.add(bookRow(EX, SYM, t, false, "bid", price(mid - 1), "" + (1 + random.nextInt(20))));
                book.add(bookRow(EX, SYM, t, false, "ask", price(mid + 5), "" + (1 + random.nextInt(20))));
            } else if (move == -3) {
                book.add(bookRow(EX, SYM, t, false, "bid", price(mid - 1), "0"));
                mid--;
                book.add(bookRow(EX, SYM, t, false, "ask", price(mid + 1), "" + (1 + random.nextInt(20))));
                book.add(bookRow(EX, SYM, t, false, "bid", price(mid - 5), "" + (1 + random.nextInt(20))));
            } else if (move == 2) {
                boolean buy = random.nextBoolean();
                trades.add(tradeRow(EX, SYM, t, buy ? "buy" : "sell", price(buy ? mid + 1 : mid - 1),
                        "" + (1 + random.nextInt(6))));
            } else {
                String side = random.nextBoolean() ? "bid" : "ask";
                long p = side.equals("bid") ? mid - 1 - random.nextInt(4) : mid + 1 + random.nextInt(4);
                book.add(bookRow(EX, SYM, t, false, side, price(p), "" + (1 + random.nextInt(30))));
            }
        }
        TardisFiles.book(dir, EX, SYM, true, book.toArray(String[]::new));
        TardisFiles.trades(dir, EX, SYM, false, trades.toArray(String[]::new));
    }

    private static String price(long halfTicks) {
        return halfTicks / 2 + (halfTicks % 2 == 0 ? "" : ".5");
    }

    /** Replays the data with a scripted strategy; returns every execution report, as text. */
    private List<String> replay() throws Exception {
        ReplaySettings settings = new ReplaySettings(dir.toString(), 0, false, 10, 1000, 16, -20, 50, 1_000_000);
        BadRows badRows = new BadRows(true, 10);
        TardisSource source = new TardisSource("test", ReplayVenueProvider.tardisFiles(dir), 1000, 1_000_000,
                badRows);
        InstrumentRegistry registry = InstrumentRegistry.of(source.venues(), source.listings());
        CompletableFuture<Void> ended = new CompletableFuture<>();
        ActorRef<ReplayExchange.Command> exchange = KIT.spawn(ReplayExchange.create(settings, source, badRows,
                registry, ended, new AtomicLong()));
        List<String> reports = Collections.synchronizedList(new ArrayList<>());
        exchange.tell(new ReplayExchange.Connect(0, r -> reports.add(describe(r))));
        TestProbe<Object> feed = KIT.createTestProbe();
        exchange.tell(new ReplayExchange.AttachFeed(0, feed.ref()));
        DepthBook seen = new DepthBook(16);
        long clOrdId = 0;
        for (int element = 0; ; element++) {
            Object msg = feed.receiveMessage(Duration.ofSeconds(10));
            if (msg == ReplayExchange.FeedEnd.INSTANCE) {
                break;
            }
            if (msg instanceof BookSnapshot s) {
                seen.applySnapshot(s);
            } else {
                MdBatch b = (MdBatch) msg;
                for (int i = 0; i < b.size(); i++) {
                    if (b.kinds()[i] == MdBatch.DEPTH) {
                        seen.apply(b.seqs()[i], Side.ofOrdinal(b.sides()[i]), b.pricesTicks()[i], b.qtysLots()[i]);
                    } else {
                        seen.advance(b.seqs()[i]);
                    }
                }
            }
            if (element % 3 == 1 && seen.bestBid() != DepthBook.NO_PRICE && seen.bestAsk() != DepthBook.NO_PRICE) {
                boolean join = element % 2 == 1;
                Side side = (element / 3) % 2 == 0 ? Side.BUY : Side.SELL;
                long price = join ? (side == Side.BUY ? seen.bestBid() : seen.bestAsk())
                        : (side == Side.BUY ? seen.bestAsk() : seen.bestBid());
                exchange.tell(new ReplayExchange.Submit(0, new NewOrder(++clOrdId, "s", "A", 0, side,
                        OrderType.LIMIT, join ? TimeInForce.GTC : TimeInForce.IOC, price, 1 + element % 4, 0, 0)));
            }
            exchange.tell(new ReplayExchange.FeedAck(0));
        }
        ended.get(10, TimeUnit.SECONDS);
        assertEquals(0, badRows.count());
        return List.copyOf(reports);
    }

    private static String describe(ExecutionReport r) {
        return r.venueTimeNs() + " " + r.clOrdId() + " " + r.execType() + " " + r.side() + " " + r.lastQtyLots() + "@"
                + r.lastPxTicks() + " leaves " + r.leavesQtyLots() + " " + r.liquidity() + " fee " + r.feeE6();
    }

    @Test
    void shouldGiveTheSameFillsForTheSameDataAndOrders() throws Exception {
        writeData(42);
        List<String> first = replay();
        List<String> second = replay();
        assertEquals(first, second);
        long makerFills = first.stream().filter(r -> r.contains(" " + ExecType.TRADE + " ") && r.contains("MAKER"))
                .count();
        long takerFills = first.stream().filter(r -> r.contains(" " + ExecType.TRADE + " ") && r.contains("TAKER"))
                .count();
        assertTrue(makerFills > 0 && takerFills > 0, "resting and taking orders both filled: " + first);
    }
}
