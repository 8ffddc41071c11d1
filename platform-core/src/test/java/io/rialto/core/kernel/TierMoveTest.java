package io.rialto.core.kernel;

import io.rialto.core.book.DepthBook;
import io.rialto.core.config.ConfigLoader;
import io.rialto.core.config.DispatchSettings;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.MarketData;
import io.rialto.core.domain.MdBatch;
import io.rialto.core.domain.Side;
import io.rialto.core.metrics.PlatformMetrics;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.MailboxSelector;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.stream.javadsl.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Symbols moved between the hot, warm and cold tiers while two venue feeds pour sequenced market data into
 * them: every event is applied exactly once and in order (a reordered or lost event is a sequence gap, a
 * duplicate an ignored event), and every book ends equal to a reference book fed the same events.
 */
class TierMoveTest {
    private static final ActorTestKit KIT = ActorTestKit.create("tiers", ConfigLoader.defaults());
    private static final int SYMBOLS = 4;
    private static final int VENUES = 2;
    private static final int BATCH = 64;
    private static final int BATCHES = 3_000;

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    private static InstrumentRegistry registry() {
        List<InstrumentRegistry.Listing> listings = new ArrayList<>();
        for (int v = 0; v < VENUES; v++) {
            for (int s = 0; s < SYMBOLS; s++) {
                listings.add(new InstrumentRegistry.Listing("V" + v, "S" + s, new BigDecimal("0.01"), BigDecimal.ONE,
                        1, 1_000_000));
            }
        }
        return InstrumentRegistry.of(List.of("V0", "V1"), listings);
    }

    private static DispatchSettings manualMoves() {
        return new DispatchSettings(List.of(), BookDirectory.Tier.WARM, false,
                new TierDirector.Settings(false, Duration.ofSeconds(1), 0, 0, 500, 50, 0, 100), Duration.ofMillis(100));
    }

    /** A venue's events: random instruments of the venue, per-instrument sequences, bids below asks. */
    private static List<MdBatch> feed(InstrumentRegistry registry, int venue, long seed) {
        Random random = new Random(seed);
        int[] ids = registry.instruments().stream().filter(i -> i.venueIndex() == venue)
                .mapToInt(i -> i.id()).toArray();
        long[] seqs = new long[registry.size()];
        List<MdBatch> batches = new ArrayList<>();
        for (int n = 0; n < BATCHES; n++) {
            MdBatch.Builder b = new MdBatch.Builder(venue, BATCH);
            for (int i = 0; i < BATCH; i++) {
                int id = ids[random.nextInt(ids.length)];
                boolean buy = random.nextBoolean();
                long price = buy ? 1_000 + random.nextInt(40) : 1_100 + random.nextInt(40);
                if (random.nextInt(10) == 0) {
                    b.trade(id, ++seqs[id], buy ? Side.BUY : Side.SELL, price, 1 + random.nextInt(5));
                } else {
                    b.depth(id, ++seqs[id], buy ? Side.BUY : Side.SELL, price, random.nextInt(4) * 10L);
                }
            }
            batches.add(b.build());
        }
        return batches;
    }

    /** A strategy stand-in: consumes every book update it gets and records the versions in order. */
    private static Behavior<StrategyHost.Command> subscriber(BookDirectory books, int symbol, List<Long> versions) {
        return Behaviors.receiveMessage(message -> {
            if (message instanceof BookUpdate update) {
                versions.add(update.version());
                books.ref(symbol).tell(new SymbolBook.Consumed(symbol, 99));
            }
            return Behaviors.same();
        });
    }

    @Test
    void shouldMoveSymbolsBetweenTiersUnderLoadWithoutLosingDuplicatingOrReorderingAnEvent() throws Exception {
        InstrumentRegistry registry = registry();
        PlatformMetrics metrics = new PlatformMetrics();
        BookDirectory books = new BookDirectory(SYMBOLS);
        SymbolBook.Hosting hosting = new SymbolBook.Hosting(registry, 5, metrics, null, id -> { }, books, false,
                SymbolBook.ColdThrottle.off(Duration.ofMillis(100)));
        ActorRef<TierDirector.Command> director = TierDirector.spawnTiers(KIT.system(), hosting, manualMoves(),
                Set.of());
        List<Long> versions = new CopyOnWriteArrayList<>();
        books.ref(0).tell(new SymbolBook.Subscribe(0, 99, KIT.spawn(subscriber(books, 0, versions), "sub")));

        List<List<MdBatch>> feeds = List.of(feed(registry, 0, 1), feed(registry, 1, 2));
        List<CompletableFuture<?>> running = new ArrayList<>();
        for (int v = 0; v < VENUES; v++) {
            Source<MarketData, ?> source = Source.from(feeds.get(v)).map(b -> (MarketData) b);
            running.add(new IngestRouter(registry, books, v, KIT.system(), Duration.ofSeconds(30), metrics)
                    .run(source, 4).toCompletableFuture());
        }
        CompletableFuture<?> fed = CompletableFuture.allOf(running.toArray(CompletableFuture[]::new));

        // move every symbol round the tiers for as long as the feeds run, one round of moves at a time
        BookDirectory.Tier[] cycle = {BookDirectory.Tier.COLD, BookDirectory.Tier.HOT, BookDirectory.Tier.WARM};
        TestProbe<TierDirector.Tiers> tiers = KIT.createTestProbe();
        int round = 0;
        long movesDuringFeed = 0;
        while (!fed.isDone()) {
            for (int s = 0; s < SYMBOLS; s++) {
                director.tell(new TierDirector.MoveSymbol(s, cycle[(round + s) % cycle.length]));
            }
            round++;
            TierDirector.Tiers now;
            do { // a move completes when both feeds have fenced the old host: wait for it (or the feeds' end)
                director.tell(new TierDirector.GetTiers(tiers.getRef()));
                now = tiers.receiveMessage();
            } while (now.moving() > 0 && !fed.isDone());
            movesDuringFeed = now.movesCompleted();
        }
        fed.get(60, TimeUnit.SECONDS);
        assertTrue(movesDuringFeed >= 2 * SYMBOLS, "symbols moved while the feeds ran: " + movesDuringFeed);

        TestProbe<SymbolBook.Stats> stats = KIT.createTestProbe();
        TestProbe<BookUpdate> top = KIT.createTestProbe();
        for (int s = 0; s < SYMBOLS; s++) {
            books.ref(s).tell(new SymbolBook.GetStats(s, stats.getRef()));
            SymbolBook.Stats st = stats.receiveMessage();
            assertEquals(expectedEvents(feeds, registry, s), st.events(), "every event of S" + s + " applied once");
            assertEquals(0, st.gaps(), "S" + s + ": no event lost or reordered");
            assertEquals(0, st.ignored(), "S" + s + ": no event applied twice");
            assertEquals(0, st.crossed(), "S" + s);
            books.ref(s).tell(new SymbolBook.GetTop(s, 40, top.getRef()));
            assertBookEquals(reference(feeds, registry, s), top.receiveMessage());
        }
        for (int i = 1; i < versions.size(); i++) {
            assertTrue(versions.get(i) > versions.get(i - 1), "book updates arrive in version order: " + versions);
        }
        assertTrue(versions.size() > 1, "the subscriber kept getting updates across moves");
    }

    private static long expectedEvents(List<List<MdBatch>> feeds, InstrumentRegistry registry, int symbol) {
        long n = 0;
        for (List<MdBatch> feed : feeds) {
            for (MdBatch b : feed) {
                for (int i = 0; i < b.size(); i++) {
                    n += registry.get(b.instrumentIds()[i]).symbolIndex() == symbol ? 1 : 0;
                }
            }
        }
        return n;
    }

    /** The symbol's books per venue, fed every event in feed order on this thread. */
    private static DepthBook[] reference(List<List<MdBatch>> feeds, InstrumentRegistry registry, int symbol) {
        int[] ids = registry.instrumentsOfSymbol(symbol);
        DepthBook[] out = new DepthBook[ids.length];
        for (int v = 0; v < ids.length; v++) {
            out[v] = new DepthBook(64);
        }
        for (List<MdBatch> feed : feeds) {
            for (MdBatch b : feed) {
                for (int i = 0; i < b.size(); i++) {
                    for (int v = 0; v < ids.length; v++) {
                        if (b.instrumentIds()[i] != ids[v]) {
                            continue;
                        }
                        if (b.kinds()[i] == MdBatch.DEPTH) {
                            out[v].apply(b.seqs()[i], Side.ofOrdinal(b.sides()[i]), b.pricesTicks()[i],
                                    b.qtysLots()[i]);
                        } else {
                            out[v].advance(b.seqs()[i]);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static void assertBookEquals(DepthBook[] expected, BookUpdate actual) {
        for (int v = 0; v < expected.length; v++) {
            for (Side side : Side.values()) {
                long[] px = new long[40];
                long[] qty = new long[40];
                int n = expected[v].depth(side, px, qty, 40);
                int levels = side == Side.BUY ? actual.bidLevels(v) : actual.askLevels(v);
                assertEquals(n, levels, actual.symbol() + " venue " + v + " " + side + " levels");
                long[] gotPx = new long[n];
                long[] gotQty = new long[n];
                for (int l = 0; l < n; l++) {
                    gotPx[l] = side == Side.BUY ? actual.bidPrice(v, l) : actual.askPrice(v, l);
                    gotQty[l] = side == Side.BUY ? actual.bidQty(v, l) : actual.askQty(v, l);
                }
                assertArrayEquals(java.util.Arrays.copyOf(px, n), gotPx);
                assertArrayEquals(java.util.Arrays.copyOf(qty, n), gotQty);
            }
        }
    }

    /**
     * The hand-over is a control message: queued behind market data in a busy host's mailbox, it is handled
     * first, and the market data queued behind it goes on to the new host.
     */
    @Test
    void shouldLetAHandOverOvertakeQueuedMarketData() throws Exception {
        InstrumentRegistry registry = registry();
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        BookDirectory books = new BookDirectory(SYMBOLS);
        SymbolBook.Hosting hosting = new SymbolBook.Hosting(registry, 5, new PlatformMetrics(), null, id -> {
            busy.countDown(); // a gap makes the host ask for a snapshot: hold it there, as a slow host
            awaitQuietly(release);
        }, books, false, SymbolBook.ColdThrottle.off(Duration.ofMillis(100)));
        ActorRef<SymbolBook.Command> host = KIT.spawn(SymbolBook.host(hosting, 0, BookDirectory.Tier.WARM,
                new int[] {0}), "busy-host", MailboxSelector.fromConfig("rialto.mailboxes.book"));
        books.place(0, new BookDirectory.Host(0, host, BookDirectory.Tier.WARM));
        int id = registry.instrumentsOfSymbol(0)[0];
        BatchAck gap = new BatchAck(2);
        host.tell(BookMessages.applyAll(new MdBatch.Builder(0, 2).depth(id, 1, Side.BUY, 1_000, 1)
                .depth(id, 5, Side.BUY, 1_000, 1).build(), gap));
        assertTrue(busy.await(10, TimeUnit.SECONDS));
        BatchAck queued = new BatchAck(2);
        host.tell(BookMessages.applyAll(new MdBatch.Builder(0, 2).depth(id, 6, Side.BUY, 1_000, 2)
                .depth(id, 7, Side.BUY, 1_000, 3).build(), queued));
        TestProbe<SymbolBook.Command> next = KIT.createTestProbe();
        TestProbe<SymbolBook.MoveDone> done = KIT.createTestProbe();
        host.tell(new SymbolBook.HandOver(0, new BookDirectory.Host(1, next.getRef(), BookDirectory.Tier.COLD),
                done.getRef()));
        release.countDown();

        assertInstanceOf(SymbolBook.TakeOver.class, next.receiveMessage(), "the hand-over went first");
        SymbolBook.Forwarded forwarded = assertInstanceOf(SymbolBook.Forwarded.class, next.receiveMessage());
        assertEquals(2, ((SymbolBook.Apply) forwarded.message()).to(), "the queued data followed the state");
        assertEquals(1, books.host(0).id(), "the directory names the new host");
    }

    /**
     * A hot symbol with CPU affinity on runs on its pinned thread whether or not this machine lets the thread be
     * bound (where it cannot, binding is a logged no-op), and its CPU is let go when the host stops.
     */
    @Test
    void shouldRunAHotSymbolWithCpuAffinityOnWhereverBindingIsUnavailable() {
        InstrumentRegistry registry = registry();
        BookDirectory books = new BookDirectory(SYMBOLS);
        SymbolBook.Hosting hosting = new SymbolBook.Hosting(registry, 5, new PlatformMetrics(), null, id -> { },
                books, true, SymbolBook.ColdThrottle.off(Duration.ofMillis(100)));
        ActorRef<SymbolBook.Command> hot = KIT.spawn(SymbolBook.host(hosting, 0, BookDirectory.Tier.HOT,
                new int[] {0}), "hot-host", TierDirector.tierProps().get(0));
        int id = registry.instrumentsOfSymbol(0)[0];
        BatchAck ack = new BatchAck(1);
        hot.tell(BookMessages.applyAll(new MdBatch.Builder(0, 1).depth(id, 1, Side.BUY, 1_000, 3).build(), ack));
        assertEquals(1, ack.done().orTimeout(10, TimeUnit.SECONDS).join());
        TestProbe<BookUpdate> top = KIT.createTestProbe();
        hot.tell(new SymbolBook.GetTop(0, 5, top.getRef()));
        assertEquals(3, top.receiveMessage().bidQty(0, 0));
        hot.tell(new SymbolBook.Retire());
        top.expectTerminated(hot);
    }


    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
