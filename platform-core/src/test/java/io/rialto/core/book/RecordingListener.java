package io.rialto.core.book;

import java.util.ArrayList;
import java.util.List;

/** Records every event of a book as a value, so a test can assert the whole sequence at once. */
final class RecordingListener implements MatchingListener {

    sealed interface Event permits Accepted, Trade, Rested, Canceled, Modified, Rejected {
    }

    record Accepted(long orderId) implements Event {
    }

    record Trade(long takerId, long makerId, long priceTicks, long qtyLots, long takerLeavesQty,
                 long makerLeavesQty) implements Event {
    }

    record Rested(long orderId, long priceTicks, long openQtyLots) implements Event {
    }

    record Canceled(long orderId, long canceledQtyLots) implements Event {
    }

    record Modified(long orderId, long priceTicks, long openQtyLots) implements Event {
    }

    record Rejected(long orderId, MatchReject reason) implements Event {
    }

    private final List<Event> events = new ArrayList<>();

    /** Returns the events recorded since the last call and forgets them. */
    List<Event> drain() {
        List<Event> drained = List.copyOf(events);
        events.clear();
        return drained;
    }

    @Override
    public void onAccepted(long orderId) {
        events.add(new Accepted(orderId));
    }

    @Override
    public void onTrade(long takerId, long makerId, long priceTicks, long qtyLots, long takerLeavesQty,
                        long makerLeavesQty) {
        events.add(new Trade(takerId, makerId, priceTicks, qtyLots, takerLeavesQty, makerLeavesQty));
    }

    @Override
    public void onRested(long orderId, long priceTicks, long openQtyLots) {
        events.add(new Rested(orderId, priceTicks, openQtyLots));
    }

    @Override
    public void onCanceled(long orderId, long canceledQtyLots) {
        events.add(new Canceled(orderId, canceledQtyLots));
    }

    @Override
    public void onModified(long orderId, long priceTicks, long openQtyLots) {
        events.add(new Modified(orderId, priceTicks, openQtyLots));
    }

    @Override
    public void onRejected(long orderId, MatchReject reason) {
        events.add(new Rejected(orderId, reason));
    }
}
