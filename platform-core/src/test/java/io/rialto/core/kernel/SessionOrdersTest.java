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

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules that keep a venue session's reports right when the venue loses, repeats or delays them. */
class SessionOrdersTest {
    private static final long ID = 7;
    private static final long SECOND = 1_000_000_000L;
    private static final NewOrder ORDER = new NewOrder(ID, "s1", "acc", 0, Side.BUY, OrderType.LIMIT,
            TimeInForce.GTC, 100, 10, 0, 0);

    private final List<ExecutionReport> forwarded = new ArrayList<>();
    private final List<Long> cancelsSent = new ArrayList<>();
    private final SessionOrders<String> orders = new SessionOrders<>(64, true, (r, o, live) -> forwarded.add(r),
            () -> 5L);

    private static ExecutionReport ack(long execId) {
        return ExecutionReport.ack(ID, 0, Side.BUY, 100, 10, 1).withExecId(execId);
    }

    private static ExecutionReport fill(long qty, long leaves, long execId) {
        return ExecutionReport.fill(ID, 0, Side.BUY, 100, qty, leaves, 0, Liquidity.MAKER, 1).withExecId(execId);
    }

    private static VenueOrder venue(OrderStatus status, long leaves, ExecutionReport... history) {
        return new VenueOrder(ID, 0, Side.BUY, status, 100, leaves, List.of(history));
    }

    private long[] reconcileOpen(List<VenueOrder> open) {
        return orders.reconcileOpen(open, 10 * SECOND, 10 * SECOND, SECOND, o -> cancelsSent.add(o.order.clOrdId()));
    }

    private List<ExecType> forwardedTypes() {
        return forwarded.stream().map(ExecutionReport::execType).toList();
    }

    /** What the strategy's host would make of the reports passed on: every one must fit its order. */
    private OrderState host() {
        OrderState host = new OrderState(ORDER);
        for (ExecutionReport r : forwarded) {
            assertTrue(host.apply(r), "the host refuses " + r + " in " + host.status());
        }
        return host;
    }

    @Test
    void shouldPassEachReportOnceWhenTheVenueRepeatsIt() {
        orders.add(ORDER, "strategy", 0);
        assertEquals(SessionOrders.Verdict.FORWARDED, orders.onReport(ack(1)));
        assertEquals(SessionOrders.Verdict.DUPLICATE, orders.onReport(ack(1)));
        assertEquals(SessionOrders.Verdict.FORWARDED, orders.onReport(fill(4, 6, 2)));
        assertEquals(SessionOrders.Verdict.DUPLICATE, orders.onReport(fill(4, 6, 2)));
        assertEquals(SessionOrders.Verdict.FORWARDED, orders.onReport(fill(6, 0, 3)));
        assertEquals(SessionOrders.Verdict.STALE, orders.onReport(fill(6, 0, 3)), "the order ended: stale");
        assertEquals(List.of(ExecType.NEW, ExecType.TRADE, ExecType.TRADE), forwardedTypes());
        assertEquals(10, host().cumQtyLots());
        assertEquals(2, orders.duplicates);
        assertEquals(1, orders.stale);
        assertEquals(1, orders.filledOrders);
        assertEquals(0, orders.size());
    }

    @Test
    void shouldHoldAFillThatArrivesBeforeItsAcknowledgementAndRecoverBothFromTheVenuesHistory() {
        orders.add(ORDER, "strategy", 0);
        assertEquals(SessionOrders.Verdict.OUT_OF_SEQUENCE, orders.onReport(fill(4, 6, 2)), "the ack was lost");
        assertEquals(List.of(), forwarded);
        assertArrayEquals(new long[0], reconcileOpen(List.of(venue(OrderStatus.PARTIALLY_FILLED, 6, ack(1),
                fill(4, 6, 2)))));
        assertEquals(List.of(ExecType.NEW, ExecType.TRADE), forwardedTypes());
        assertEquals(OrderStatus.PARTIALLY_FILLED, host().status());
        assertEquals(SessionOrders.Verdict.DUPLICATE, orders.onReport(fill(4, 6, 2)), "the late copy");
        assertEquals(2, orders.recovered);
    }

    @Test
    void shouldHoldAFillWhoseOpenQuantityShowsAnEarlierFillWasLost() {
        orders.add(ORDER, "strategy", 0);
        orders.onReport(ack(1));
        assertEquals(SessionOrders.Verdict.OUT_OF_SEQUENCE, orders.onReport(fill(3, 4, 3)), "3 of 6 open is not 4");
        reconcileOpen(List.of(venue(OrderStatus.PARTIALLY_FILLED, 4, ack(1), fill(3, 6, 2), fill(2, 4, 3))));
        assertEquals(List.of(ExecType.NEW, ExecType.TRADE, ExecType.TRADE), forwardedTypes());
        assertEquals(5, host().cumQtyLots());
        assertEquals(4, host().leavesQtyLots());
    }

    @Test
    void shouldHoldACancelWhoseFilledQuantityShowsAFillWasLost() {
        orders.add(ORDER, "strategy", 0);
        orders.onReport(ack(1).withVenueIds(1, 0));
        ExecutionReport canceled = ExecutionReport.canceled(ID, 0, Side.BUY, 6, 1).withVenueIds(3, 4);
        assertEquals(SessionOrders.Verdict.OUT_OF_SEQUENCE, orders.onReport(canceled), "4 filled, none seen");
        long[] ask = reconcileOpen(List.of());
        orders.reconcileStatus(ask, List.of(venue(OrderStatus.CANCELED, 0, ack(1), fill(4, 6, 2), canceled)),
                10 * SECOND, SECOND, o -> { });
        assertEquals(List.of(ExecType.NEW, ExecType.TRADE, ExecType.CANCELED), forwardedTypes());
        assertEquals(4, host().cumQtyLots());
    }

    @Test
    void shouldApplyALostReplaceNetOfTheFillsThatFollowedIt() {
        var o = orders.add(ORDER, "strategy", 0);
        orders.onReport(ack(1).withVenueIds(1, 0));
        o.state.replaceRequested();
        ExecutionReport replaced = ExecutionReport.replaced(ID, 0, Side.BUY, 100, 17, 1).withVenueIds(2, 0);
        ExecutionReport fill = fill(6, 11, 3).withVenueIds(3, 6);
        assertEquals(SessionOrders.Verdict.FORWARDED, orders.onReport(fill), "the replace before it was lost");
        reconcileOpen(List.of(venue(OrderStatus.PARTIALLY_FILLED, 11, ack(1), replaced, fill)));
        assertEquals(List.of(ExecType.NEW, ExecType.TRADE, ExecType.REPLACED), forwardedTypes());
        OrderState host = new OrderState(ORDER);
        assertTrue(host.apply(forwarded.get(0)));
        assertTrue(host.replaceRequested(), "the strategy asked for the modify");
        assertTrue(host.apply(forwarded.get(1)));
        assertTrue(host.apply(forwarded.get(2)));
        assertEquals(11, host.leavesQtyLots(), "17 after the replace, less the 6 filled since");
        assertEquals(OrderStatus.PARTIALLY_FILLED, host.status());
    }

    @Test
    void shouldFindAnOrderThatEndedWithoutItsLastReportThroughTheStatusQuery() {
        orders.add(ORDER, "strategy", 0);
        orders.onReport(ack(1));
        long[] ask = reconcileOpen(List.of());
        assertArrayEquals(new long[] {ID}, ask, "live here, not open there: ask what became of it");
        orders.reconcileStatus(ask, List.of(venue(OrderStatus.FILLED, 0, ack(1), fill(10, 0, 2))), 10 * SECOND,
                SECOND, o -> { });
        assertEquals(OrderStatus.FILLED, host().status());
        assertEquals(1, orders.filledOrders);
        assertEquals(0, orders.size());
    }

    @Test
    void shouldNotAskAboutAnOrderSentAfterTheQueryStarted() {
        orders.add(ORDER, "strategy", 11 * SECOND);
        assertArrayEquals(new long[0], reconcileOpen(List.of()), "it may be on its way to the venue");
    }

    @Test
    void shouldMarkLiveOrdersUnknownWhenTheConnectionDropsAndReAcknowledgeThoseTheVenueStillHas() {
        orders.add(ORDER, "strategy", 0);
        orders.onReport(ack(1));
        assertEquals(1, orders.connectionLost());
        assertEquals(1, orders.unknownCount());
        // while the session was down the venue filled 4 and the order was re-priced by a modify sent before the drop
        ExecutionReport replaced = ExecutionReport.replaced(ID, 0, Side.BUY, 101, 10, 1).withExecId(2);
        reconcileOpen(List.of(new VenueOrder(ID, 0, Side.BUY, OrderStatus.PARTIALLY_FILLED, 101, 6,
                List.of(ack(1), replaced, fill(4, 6, 3)))));
        assertEquals(List.of(ExecType.NEW, ExecType.CONNECTION_LOST, ExecType.REPLACED, ExecType.TRADE),
                forwardedTypes());
        OrderState host = host();
        assertEquals(OrderStatus.PARTIALLY_FILLED, host.status());
        assertEquals(101, host.priceTicks());
        assertEquals(0, orders.unknownCount());
    }

    @Test
    void shouldReAcknowledgeAnUnknownOrderTheVenueLeftUntouched() {
        orders.add(ORDER, "strategy", 0);
        orders.onReport(ack(1));
        orders.onReport(fill(4, 6, 2));
        orders.connectionLost();
        reconcileOpen(List.of(venue(OrderStatus.PARTIALLY_FILLED, 6, ack(1), fill(4, 6, 2))));
        assertEquals(ExecType.NEW, forwarded.get(forwarded.size() - 1).execType(), "re-acknowledged");
        assertEquals(OrderStatus.PARTIALLY_FILLED, host().status());
        assertEquals(6, host().leavesQtyLots());
        assertEquals(1, orders.reAcks);
    }

    @Test
    void shouldEndAnUnknownOrderAsTheVenueEndedItWhenItCancelsOnDisconnect() {
        orders.add(ORDER, "strategy", 0);
        orders.onReport(ack(1));
        orders.connectionLost();
        ExecutionReport canceled = ExecutionReport.canceled(ID, 0, Side.BUY, 10, 1).withExecId(2);
        long[] ask = reconcileOpen(List.of());
        orders.reconcileStatus(ask, List.of(venue(OrderStatus.CANCELED, 0, ack(1), canceled)), 10 * SECOND, SECOND,
                o -> { });
        assertEquals(OrderStatus.CANCELED, host().status());
        assertEquals(1, orders.canceled);
    }

    @Test
    void shouldRejectAnOrderTheVenueNeverReceived() {
        orders.add(ORDER, "strategy", 0);
        orders.connectionLost(); // the order was on its way when the venue dropped the session
        long[] ask = reconcileOpen(List.of());
        orders.reconcileStatus(ask, List.of(), 10 * SECOND, SECOND, o -> { });
        OrderState host = host();
        assertEquals(OrderStatus.REJECTED, host.status());
        assertEquals(RejectReason.VENUE_UNAVAILABLE, host.rejectReason());
        assertEquals(1, orders.rejects);
        assertEquals(1, orders.forcedEnds);
    }

    @Test
    void shouldLeaveAnOrderTheVenueForgotAsItIs() {
        orders.add(ORDER, "strategy", 0);
        orders.onReport(ack(1));
        long[] ask = reconcileOpen(List.of());
        orders.reconcileStatus(ask, List.of(), 10 * SECOND, SECOND, o -> { });
        assertEquals(1, orders.size(), "acknowledged once, so not 'never received'");
        assertEquals(1, orders.unresolved);
    }

    @Test
    void shouldRefuseACancelTheVenueNeverAnsweredOnlyAfterTheRequestTimeout() {
        var o = orders.add(ORDER, "strategy", 0);
        orders.onReport(ack(1));
        o.state.cancelRequested();
        o.requestNs = 9_500_000_000L; // half a second before the query: may still be on its way
        reconcileOpen(List.of(venue(OrderStatus.NEW, 10, ack(1))));
        assertEquals(OrderStatus.PENDING_CANCEL, o.state.status());
        o.requestNs = 8 * SECOND;
        reconcileOpen(List.of(venue(OrderStatus.NEW, 10, ack(1))));
        ExecutionReport refused = forwarded.get(forwarded.size() - 1);
        assertEquals(ExecType.CANCEL_REJECTED, refused.execType());
        assertEquals(RejectReason.VENUE_UNAVAILABLE, refused.reason());
        assertEquals(OrderStatus.NEW, o.state.status());
    }

    @Test
    void shouldSendACancelKeptWhileDisconnectedOnceTheOrderIsReconciled() {
        var o = orders.add(ORDER, "strategy", 0);
        orders.onReport(ack(1));
        orders.connectionLost();
        o.cancelWanted = true;
        reconcileOpen(List.of(venue(OrderStatus.NEW, 10, ack(1))));
        assertEquals(List.of(ID), cancelsSent);
        assertEquals(OrderStatus.NEW, host().status(), "re-acknowledged first, so the cancel can be answered");
    }

    @Test
    void shouldHoldACancelRefusedAsUnknownForAnOrderLiveHere() {
        var o = orders.add(ORDER, "strategy", 0);
        orders.onReport(ack(1));
        o.state.cancelRequested();
        ExecutionReport unknown = ExecutionReport.cancelRejected(ID, 0, Side.BUY, 0, RejectReason.UNKNOWN_ORDER, 1)
                .withExecId(3);
        assertEquals(SessionOrders.Verdict.OUT_OF_SEQUENCE, orders.onReport(unknown), "its fill must have been lost");
        long[] ask = reconcileOpen(List.of());
        orders.reconcileStatus(ask, List.of(venue(OrderStatus.FILLED, 0, ack(1), fill(10, 0, 2), unknown)),
                10 * SECOND, SECOND, x -> { });
        assertEquals(List.of(ExecType.NEW, ExecType.TRADE), forwardedTypes());
        assertEquals(1, orders.filledOrders);
    }

    @Test
    void shouldCountLateCancelRejectsAndReportsForNoOrder() {
        assertEquals(SessionOrders.Verdict.LATE_CANCEL_REJECT, orders.onReport(ExecutionReport.cancelRejected(99, 0,
                Side.BUY, 0, RejectReason.UNKNOWN_ORDER, 1)));
        assertEquals(SessionOrders.Verdict.UNKNOWN, orders.onReport(fill(1, 0, 9)));
        assertEquals(1, orders.unknownReports);
    }

    @Test
    void shouldPassReportsThatDoNotFitOnWhenTheVenueCannotBeAsked() {
        SessionOrders<String> lenient = new SessionOrders<>(64, false, (r, o, live) -> forwarded.add(r), () -> 5L);
        lenient.add(ORDER, "strategy", 0);
        assertEquals(SessionOrders.Verdict.FORWARDED, lenient.onReport(fill(4, 6, 2)), "nothing would recover it");
        assertEquals(1, forwarded.size());
    }

    @Test
    void shouldCancelUnknownOrdersOfAVenueThatCancelsOnDisconnectButCannotBeAsked() {
        SessionOrders<String> lenient = new SessionOrders<>(64, false, (r, o, live) -> forwarded.add(r), () -> 5L);
        lenient.add(ORDER, "strategy", 0);
        lenient.onReport(ack(1));
        lenient.connectionLost();
        assertEquals(1, lenient.cancelUnknown());
        assertEquals(OrderStatus.CANCELED, host().status());
    }
}
