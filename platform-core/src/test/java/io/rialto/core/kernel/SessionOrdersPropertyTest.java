package io.rialto.core.kernel;

import io.rialto.core.domain.ExecType;
import io.rialto.core.domain.ExecutionReport;
import io.rialto.core.domain.Liquidity;
import io.rialto.core.domain.NewOrder;
import io.rialto.core.domain.OrderState;
import io.rialto.core.domain.OrderStatus;
import io.rialto.core.domain.OrderType;
import io.rialto.core.domain.RejectReason;
import io.rialto.core.domain.Side;
import io.rialto.core.domain.TimeInForce;
import io.rialto.core.spi.VenueOrder;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random order flow against a model venue whose reports are dropped, repeated, held back, and whose connection
 * drops (requests on their way lost, open orders cancelled or not): every report the session passes on must fit
 * the strategy's order, and once the faults stop and the session has reconciled, every order must be exactly what
 * the venue says (status, open quantity, price, filled quantity). A failure names the seed.
 */
class SessionOrdersPropertyTest {
    private static final long TIMEOUT_NS = 5_000_000;

    /** One order as the model venue holds it, with every report it made. */
    private static final class Entry {
        final NewOrder order;
        OrderStatus status = OrderStatus.NEW;
        long price;
        long leaves;
        long cum;
        final List<ExecutionReport> history = new ArrayList<>();

        Entry(NewOrder order) {
            this.order = order;
            this.price = order.priceTicks();
            this.leaves = order.qtyLots();
        }
    }

    private static final class Run {
        final SplittableRandom random;
        final boolean cancelsOnDisconnect;
        final Map<Long, Entry> venue = new LinkedHashMap<>();
        final Map<Long, OrderState> host = new LinkedHashMap<>();
        final ArrayDeque<ExecutionReport> held = new ArrayDeque<>();
        final SessionOrders<String> session;
        boolean linkUp = true;
        boolean sessionConnected = true;
        boolean faults = true;
        boolean reconcileSoon;
        long execIds;
        long nextId = 1;
        long now = 1_000_000_000L;
        final String seed;

        Run(long seed) {
            this.seed = "seed " + seed;
            this.random = new SplittableRandom(seed);
            this.cancelsOnDisconnect = random.nextBoolean();
            this.session = new SessionOrders<>(4096, true, (r, o, live) -> {
                OrderState state = host.get(r.clOrdId());
                assertTrue(state.apply(r), this.seed + ": the host refuses " + r + " in " + state.status());
            }, () -> 1L);
        }

        // ---- the venue ------------------------------------------------------------------------------------

        void emit(Entry e, ExecutionReport r) {
            ExecutionReport out = r.withVenueIds(++execIds, e == null ? -1 : e.cum);
            if (e != null) {
                e.history.add(out);
            }
            send(out);
        }

        void send(ExecutionReport r) {
            if (!linkUp || faults && random.nextInt(20) == 0) {
                return; // lost
            }
            if (!held.isEmpty() || faults && random.nextInt(20) == 0) {
                held.add(r);
                return;
            }
            deliver(r);
        }

        void deliver(ExecutionReport r) {
            receive(r);
            if (faults && random.nextInt(20) == 0) {
                receive(r);
            }
        }

        void receive(ExecutionReport r) {
            if (session.onReport(r) == SessionOrders.Verdict.OUT_OF_SEQUENCE) {
                reconcileSoon = true;
            }
        }

        void venueNew(NewOrder o) {
            if (!linkUp) {
                return;
            }
            Entry e = new Entry(o);
            venue.put(o.clOrdId(), e);
            if (random.nextInt(10) == 0) {
                e.status = OrderStatus.REJECTED;
                e.leaves = 0;
                emit(e, ExecutionReport.rejected(o.clOrdId(), 0, o.side(), RejectReason.VENUE_REJECTED, 1));
            } else {
                emit(e, ExecutionReport.ack(o.clOrdId(), 0, o.side(), o.priceTicks(), o.qtyLots(), 1));
            }
        }

        void venueFill(Entry e) {
            long qty = 1 + random.nextInt((int) e.leaves);
            e.leaves -= qty;
            e.cum += qty;
            e.status = e.leaves == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
            emit(e, ExecutionReport.fill(e.order.clOrdId(), 0, e.order.side(), e.price, qty, e.leaves, qty,
                    Liquidity.MAKER, 1));
        }

        /** The open order a cancel or modify is for; null when the link is down or after refusing it. */
        Entry openOrRefuse(long id) {
            if (!linkUp) {
                return null;
            }
            Entry e = venue.get(id);
            if (e == null || e.status.isTerminal()) {
                emit(e, ExecutionReport.cancelRejected(id, 0, Side.BUY, 0, RejectReason.UNKNOWN_ORDER, 1));
                return null;
            }
            return e;
        }

        void venueCancel(long id) {
            Entry e = openOrRefuse(id);
            if (e != null) {
                cancelAtVenue(e);
            }
        }

        void cancelAtVenue(Entry e) {
            long canceled = e.leaves;
            e.leaves = 0;
            e.status = OrderStatus.CANCELED;
            emit(e, ExecutionReport.canceled(e.order.clOrdId(), 0, e.order.side(), canceled, 1));
        }

        void venueModify(long id, long price, long qty) {
            Entry e = openOrRefuse(id);
            if (e != null) {
                e.price = price;
                e.leaves = qty;
                emit(e, ExecutionReport.replaced(id, 0, e.order.side(), price, qty, 1));
            }
        }

        List<VenueOrder> view(boolean open, long[] ids) {
            List<VenueOrder> out = new ArrayList<>();
            List<Entry> entries = new ArrayList<>();
            if (open) {
                venue.values().stream().filter(e -> !e.status.isTerminal()).forEach(entries::add);
            } else {
                for (long id : ids) {
                    if (venue.containsKey(id)) {
                        entries.add(venue.get(id));
                    }
                }
            }
            for (Entry e : entries) {
                out.add(new VenueOrder(e.order.clOrdId(), 0, e.order.side(), e.status, e.price, e.leaves,
                        List.copyOf(e.history)));
            }
            return out;
        }

        // ---- the platform side ----------------------------------------------------------------------------

        void reconcile() {
            if (!linkUp || !sessionConnected) {
                return;
            }
            reconcileSoon = false;
            long[] ask = session.reconcileOpen(view(true, null), now, now, TIMEOUT_NS, this::platformCancel);
            session.reconcileStatus(ask, view(false, ask), now, TIMEOUT_NS, this::platformCancel);
        }

        /** What the actor does for a kill switch's cancel, or one kept while disconnected. */
        void platformCancel(SessionOrders.SessionOrder<String> o) {
            o.cancelWanted = true;
            o.platformCancelNs = now;
            venueCancel(o.order.clOrdId());
        }

        void step() {
            now += 1_000_000;
            int roll = random.nextInt(100);
            List<Entry> open = venue.values().stream().filter(e -> !e.status.isTerminal()).toList();
            if (roll < 25) {
                if (sessionConnected) {
                    NewOrder o = new NewOrder(nextId++, "s", "a", 0, Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
                            100, 1 + random.nextInt(20), 0, 0);
                    host.put(o.clOrdId(), new OrderState(o));
                    session.add(o, "s", now);
                    venueNew(o);
                }
            } else if (roll < 50) {
                if (!open.isEmpty()) {
                    venueFill(open.get(random.nextInt(open.size())));
                }
            } else if (roll < 60) {
                strategyRequest(true);
            } else if (roll < 68) {
                strategyRequest(false);
            } else if (roll < 75) {
                ExecutionReport r;
                while ((r = held.poll()) != null) {
                    deliver(r);
                }
            } else if (roll < 78 && faults && linkUp) {
                linkUp = false; // the venue dropped the session; the platform hears of it a little later
                held.clear();
                if (cancelsOnDisconnect) {
                    open.forEach(this::cancelAtVenue);
                }
            } else if (roll < 84 && !linkUp && sessionConnected) {
                sessionConnected = false;
                session.connectionLost();
            } else if (roll < 90 && !sessionConnected) {
                linkUp = true;
                sessionConnected = true;
                reconcile();
            } else if (roll < 93) {
                killSwitch();
            } else if (reconcileSoon || roll < 97) {
                reconcile();
            }
        }

        void strategyRequest(boolean cancel) {
            List<Long> ids = host.entrySet().stream().filter(en -> en.getValue().isLive())
                    .map(Map.Entry::getKey).toList();
            if (ids.isEmpty()) {
                return;
            }
            long id = ids.get(random.nextInt(ids.size()));
            OrderState h = host.get(id);
            SessionOrders.SessionOrder<String> o = session.get(id);
            if (o == null || !(cancel ? h.cancelRequested() : h.replaceRequested())) {
                return;
            }
            if (!sessionConnected) { // what the actor does while not connected
                o.cancelWanted |= cancel;
                return;
            }
            o.requestNs = now;
            if (cancel) {
                o.state.cancelRequested();
                venueCancel(id);
            } else {
                o.state.replaceRequested();
                venueModify(id, 100 + random.nextInt(5), 1 + random.nextInt(20));
            }
        }

        void killSwitch() {
            long[] ids = session.all().keySet().stream().mapToLong(Long::longValue).toArray();
            for (long id : ids) {
                SessionOrders.SessionOrder<String> o = session.get(id);
                if (o == null) {
                    continue;
                }
                if (sessionConnected) {
                    platformCancel(o);
                } else {
                    o.cancelWanted = true;
                }
            }
        }

        /** Faults stop; the connection comes back; what was held is delivered; the session reconciles. */
        void settle() {
            faults = false;
            linkUp = true;
            if (!sessionConnected) {
                sessionConnected = true;
            }
            ExecutionReport r;
            while ((r = held.poll()) != null) {
                deliver(r);
            }
            now += 10 * TIMEOUT_NS;
            reconcile();
            now += 10 * TIMEOUT_NS;
            reconcile();
        }
    }

    @Test
    void shouldEndWithEveryOrderAsTheVenueSaysWhateverWasLostRepeatedOrDelayed() {
        for (long seed = 1; seed <= 500; seed++) {
            Run run = new Run(seed);
            for (int i = 0; i < 400; i++) {
                run.step();
            }
            run.settle();
            int open = 0;
            for (Map.Entry<Long, OrderState> en : run.host.entrySet()) {
                OrderState h = en.getValue();
                Entry v = run.venue.get(en.getKey());
                String what = run.seed + ", order " + en.getKey();
                if (v == null) {
                    assertEquals(OrderStatus.REJECTED, h.status(), what + " never reached the venue");
                    assertEquals(RejectReason.VENUE_UNAVAILABLE, h.rejectReason(), what);
                    continue;
                }
                assertEquals(v.cum, h.cumQtyLots(), what + ": filled quantity");
                if (v.status.isTerminal()) {
                    assertEquals(v.status, h.status(), what);
                } else {
                    open++;
                    assertTrue(h.status() == OrderStatus.NEW || h.status() == OrderStatus.PARTIALLY_FILLED,
                            what + " is working, not " + h.status());
                    assertEquals(v.leaves, h.leavesQtyLots(), what + ": open quantity");
                    assertEquals(v.price, h.priceTicks(), what + ": price");
                }
            }
            assertEquals(open, run.session.size(), run.seed + ": the session holds exactly the open orders");
            assertEquals(0, run.session.unknownReports, run.seed);
            assertEquals(0, run.session.unresolved, run.seed);
            long fills = run.venue.values().stream().flatMap(e -> e.history.stream())
                    .filter(r -> r.execType() == ExecType.TRADE).count();
            assertEquals(fills, run.session.fills, run.seed + ": every fill passed on once");
        }
    }
}
