package io.rialto.venues.sim;

import com.typesafe.config.ConfigFactory;
import io.rialto.core.book.DepthBook;
import io.rialto.core.book.MatchingBook;
import io.rialto.core.domain.BookSnapshot;
import io.rialto.core.domain.CancelOrder;
import io.rialto.core.domain.ExecType;
import io.rialto.core.domain.ExecutionReport;
import io.rialto.core.domain.Instrument;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.MarketData;
import io.rialto.core.domain.MdBatch;
import io.rialto.core.domain.ModifyOrder;
import io.rialto.core.domain.NewOrder;
import io.rialto.core.domain.OrderType;
import io.rialto.core.domain.Side;
import io.rialto.core.domain.TimeInForce;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimMarketTest {

    private final SimSettings settings = SimSettings.create(ConfigFactory.parseString(
            "rialto.sim { venues = 1, symbols = 4, venues-per-symbol = 1, md-rate = 1000, seed = 7 }")
            .withFallback(ConfigFactory.defaultReference()));
    private final SimulatedVenue venue = new SimulatedVenue(settings, 0, 1000);
    private final InstrumentRegistry registry = InstrumentRegistry.of(List.of(venue.name()), venue.listings());
    private final List<ExecutionReport> reports = new ArrayList<>();
    private final SimMarket market = new SimMarket(settings, registry.instruments(), registry.size(), 0, reports::add,
            () -> 1L);
    private final DepthBook[] depth = new DepthBook[registry.size()];

    SimMarketTest() {
        for (int i = 0; i < depth.length; i++) {
            depth[i] = new DepthBook(16);
        }
    }

    @Test
    void shouldPublishMarketDataThatRebuildsEveryExchangeBookExactly() {
        market.openFeed(0);
        drainAndCheck("snapshot");
        SplittableRandom random = new SplittableRandom(11);
        long clOrdId = 1;
        List<Long> live = new ArrayList<>();
        for (int step = 0; step < 20_000; step++) {
            double roll = random.nextDouble();
            Instrument instrument = registry.get(random.nextInt(registry.size()));
            MatchingBook book = market.book(instrument.id());
            if (roll < 0.8 || book.bestBid() == MatchingBook.NO_PRICE || book.bestAsk() == MatchingBook.NO_PRICE) {
                market.generate(1 + random.nextInt(5));
                market.flush();
            } else if (roll < 0.9 || live.isEmpty()) {
                Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                long touch = side == Side.BUY ? book.bestAsk() : book.bestBid();
                long price = touch + (side == Side.BUY ? 1 : -1) * (random.nextInt(5) - 2);
                TimeInForce tif = TimeInForce.values()[random.nextInt(4)];
                OrderType type = random.nextInt(10) == 0 ? OrderType.MARKET : OrderType.LIMIT;
                market.submit(new NewOrder(clOrdId, "s", "a", instrument.id(), side, type, tif, price,
                        1 + random.nextInt(30), 0, 0));
                live.add(clOrdId++);
            } else if (roll < 0.95) {
                long id = live.remove(random.nextInt(live.size()));
                market.cancel(new CancelOrder(id, "s", idInstrument(id, instrument), 0));
            } else {
                long id = live.get(random.nextInt(live.size()));
                int inst = idInstrument(id, instrument);
                MatchingBook b = market.book(inst);
                long mid = (b.bestBid() + b.bestAsk()) / 2;
                market.modify(new ModifyOrder(id, "s", inst, mid + random.nextInt(7) - 3, 1 + random.nextInt(30),
                        0, 0));
            }
            drainAndCheck("step " + step);
        }
        assertTrue(reports.stream().anyMatch(r -> r.execType() == ExecType.TRADE), "platform orders traded");
        assertTrue(reports.stream().anyMatch(r -> r.execType() == ExecType.REPLACED), "modifies applied");
    }

    @Test
    void shouldAnswerASnapshotRequestWithTheWholeBookAtTheLastPublishedSequence() {
        market.openFeed(0);
        drainAndCheck("snapshot");
        market.generate(500);
        market.flush();
        Instrument instrument = registry.get(1);
        market.requestSnapshot(instrument.id());
        List<MarketData> out = new ArrayList<>(market.ready());
        BookSnapshot snapshot = (BookSnapshot) out.get(out.size() - 1);
        DepthBook fresh = new DepthBook(16);
        fresh.applySnapshot(snapshot);
        for (Side side : Side.values()) {
            assertArrayEquals(levels(market.book(instrument.id()), side), levels(fresh, side), side.name());
        }
        drainAndCheck("after the snapshot"); // the events queued before it still apply in sequence
        assertEquals(depth[instrument.id()].lastSeq(), snapshot.seq());
    }

    private final java.util.Map<Long, Integer> instrumentOf = new java.util.HashMap<>();

    private int idInstrument(long id, Instrument fallback) {
        return instrumentOf.getOrDefault(id, fallback.id());
    }

    private void drainAndCheck(String when) {
        MarketData md;
        while ((md = market.ready().poll()) != null) {
            if (md instanceof BookSnapshot snapshot) {
                depth[snapshot.instrumentId()].applySnapshot(snapshot);
            } else {
                MdBatch b = (MdBatch) md;
                for (int i = 0; i < b.size(); i++) {
                    DepthBook d = depth[b.instrumentIds()[i]];
                    int result = b.kinds()[i] == MdBatch.DEPTH
                            ? d.apply(b.seqs()[i], Side.ofOrdinal(b.sides()[i]), b.pricesTicks()[i], b.qtysLots()[i])
                            : d.advance(b.seqs()[i]);
                    assertEquals(DepthBook.APPLIED, result, when + ": event " + i + " of " + b);
                }
            }
        }
        for (ExecutionReport r : reports) {
            instrumentOf.putIfAbsent(r.clOrdId(), r.instrumentId());
        }
        for (Instrument instrument : registry.instruments()) {
            for (Side side : Side.values()) {
                assertArrayEquals(levels(market.book(instrument.id()), side), levels(depth[instrument.id()], side),
                        when + ": " + instrument.symbol() + " " + side);
            }
        }
    }

    private static long[] levels(MatchingBook book, Side side) {
        long[] px = new long[10];
        long[] qty = new long[10];
        int n = book.depth(side, px, qty, new int[10], 10);
        return interleave(px, qty, n);
    }

    private static long[] levels(DepthBook book, Side side) {
        long[] px = new long[10];
        long[] qty = new long[10];
        int n = book.depth(side, px, qty, 10);
        return interleave(px, qty, n);
    }

    private static long[] interleave(long[] px, long[] qty, int n) {
        long[] out = new long[2 * n];
        for (int i = 0; i < n; i++) {
            out[2 * i] = px[i];
            out[2 * i + 1] = qty[i];
        }
        return Arrays.copyOf(out, 2 * n);
    }
}
