package io.rialto.core.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderStateTest {
    private static final NewOrder ORDER = new NewOrder(7, "s1", "acc", 0, Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
            100, 10, 0, 0);

    private final OrderState state = new OrderState(ORDER);

    @Test
    void shouldWalkFromPendingNewThroughPartialFillToFilled() {
        assertEquals(OrderStatus.PENDING_NEW, state.status());
        assertTrue(state.apply(ExecutionReport.ack(7, 0, Side.BUY, 100, 10, 0)));
        assertEquals(OrderStatus.NEW, state.status());
        assertTrue(state.apply(fill(4, 6)));
        assertEquals(OrderStatus.PARTIALLY_FILLED, state.status());
        assertEquals(4, state.cumQtyLots());
        assertTrue(state.apply(fill(6, 0)));
        assertEquals(OrderStatus.FILLED, state.status());
        assertEquals(10, state.cumQtyLots());
        assertEquals(0, state.leavesQtyLots());
    }

    @Test
    void shouldRefuseAFillBeforeTheAcknowledgementAndAfterTheEnd() {
        assertFalse(state.apply(fill(4, 6)), "no fill before the ack");
        state.apply(ExecutionReport.ack(7, 0, Side.BUY, 100, 10, 0));
        state.apply(ExecutionReport.canceled(7, 0, Side.BUY, 10, 0));
        assertFalse(state.apply(fill(4, 6)), "no fill after cancel");
        assertEquals(OrderStatus.CANCELED, state.status());
    }

    @Test
    void shouldRefuseAFillLargerThanTheOpenQuantity() {
        state.apply(ExecutionReport.ack(7, 0, Side.BUY, 100, 10, 0));
        assertFalse(state.apply(fill(11, 0)));
        assertEquals(OrderStatus.NEW, state.status());
    }

    @Test
    void shouldGoPendingCancelAndEndCanceled() {
        state.apply(ExecutionReport.ack(7, 0, Side.BUY, 100, 10, 0));
        assertTrue(state.cancelRequested());
        assertEquals(OrderStatus.PENDING_CANCEL, state.status());
        assertFalse(state.cancelRequested(), "one cancel at a time");
        assertTrue(state.apply(ExecutionReport.canceled(7, 0, Side.BUY, 10, 0)));
        assertEquals(OrderStatus.CANCELED, state.status());
    }

    @Test
    void shouldReturnToItsStateWhenACancelIsRefused() {
        state.apply(ExecutionReport.ack(7, 0, Side.BUY, 100, 10, 0));
        state.apply(fill(3, 7));
        state.cancelRequested();
        assertTrue(state.apply(ExecutionReport.cancelRejected(7, 0, Side.BUY, 7, RejectReason.UNKNOWN_ORDER, 0)));
        assertEquals(OrderStatus.PARTIALLY_FILLED, state.status());
    }

    @Test
    void shouldApplyAReplaceWithItsNewPriceAndQuantity() {
        state.apply(ExecutionReport.ack(7, 0, Side.BUY, 100, 10, 0));
        assertTrue(state.replaceRequested());
        assertEquals(OrderStatus.PENDING_REPLACE, state.status());
        assertTrue(state.apply(ExecutionReport.replaced(7, 0, Side.BUY, 99, 12, 0)));
        assertEquals(OrderStatus.NEW, state.status());
        assertEquals(99, state.priceTicks());
        assertEquals(12, state.leavesQtyLots());
    }

    @Test
    void shouldKeepAFillThatArrivesWhileACancelIsPending() {
        state.apply(ExecutionReport.ack(7, 0, Side.BUY, 100, 10, 0));
        state.cancelRequested();
        assertTrue(state.apply(fill(10, 0)));
        assertEquals(OrderStatus.FILLED, state.status());
    }

    @Test
    void shouldBecomeUnknownWhenTheConnectionIsLostAndAcceptTheVenuesWordAfterwards() {
        state.apply(ExecutionReport.ack(7, 0, Side.BUY, 100, 10, 0));
        state.connectionLost();
        assertEquals(OrderStatus.UNKNOWN, state.status());
        assertTrue(state.apply(ExecutionReport.canceled(7, 0, Side.BUY, 10, 0)));
        assertEquals(OrderStatus.CANCELED, state.status());
    }

    @Test
    void shouldGoUnknownOnAConnectionLostReportAndBackToWorkingWithTheVenuesPriceWhenReAcknowledged() {
        state.apply(ExecutionReport.ack(7, 0, Side.BUY, 100, 10, 0));
        state.apply(fill(4, 6));
        assertTrue(state.apply(ExecutionReport.connectionLost(7, 0, Side.BUY, 6, 0)));
        assertEquals(OrderStatus.UNKNOWN, state.status());
        assertFalse(state.cancelRequested(), "nothing can be asked of an order in doubt");
        assertTrue(state.apply(fill(2, 4)), "fills made meanwhile catch up");
        assertTrue(state.apply(ExecutionReport.cancelRejected(7, 0, Side.BUY, -1, RejectReason.SELF_TRADE, 0)),
                "a modify refused after the drop is moot");
        assertEquals(OrderStatus.UNKNOWN, state.status());
        assertTrue(state.apply(ExecutionReport.ack(7, 0, Side.BUY, 101, 4, 0)));
        assertEquals(OrderStatus.PARTIALLY_FILLED, state.status(), "re-acknowledged with its fills");
        assertEquals(101, state.priceTicks());
        assertEquals(4, state.leavesQtyLots());
        assertEquals(6, state.cumQtyLots());
        assertFalse(state.apply(ExecutionReport.ack(7, 0, Side.BUY, 100, 4, 0)), "a second ack does not fit");
    }

    @Test
    void shouldRefuseAConnectionLostReportForAnOrderThatEnded() {
        state.apply(ExecutionReport.rejected(7, 0, Side.BUY, RejectReason.VENUE_REJECTED, 0));
        assertFalse(state.apply(ExecutionReport.connectionLost(7, 0, Side.BUY, 0, 0)));
        assertEquals(OrderStatus.REJECTED, state.status());
    }

    @Test
    void shouldRejectLocallyOnlyWhilePendingNew() {
        assertTrue(state.rejectLocally(RejectReason.OVERLOADED));
        assertEquals(OrderStatus.REJECTED, state.status());
        assertEquals(RejectReason.OVERLOADED, state.rejectReason());
        assertFalse(state.rejectLocally(RejectReason.OVERLOADED));
    }

    private static ExecutionReport fill(long qty, long leaves) {
        return ExecutionReport.fill(7, 0, Side.BUY, 100, qty, leaves, 0, Liquidity.MAKER, 0);
    }
}
