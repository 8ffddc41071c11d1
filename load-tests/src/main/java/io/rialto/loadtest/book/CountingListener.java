package io.rialto.loadtest.book;

import io.rialto.core.book.MatchReject;
import io.rialto.core.book.MatchingListener;

/** Counts what a book emits, so the benchmark's work cannot be optimised away and rejects can be checked. */
final class CountingListener implements MatchingListener {

    long events;
    long trades;
    long tradedQty;
    long rejects;

    @Override
    public void onAccepted(long orderId) {
        events++;
    }

    @Override
    public void onTrade(long takerId, long makerId, long priceTicks, long qtyLots, long takerLeavesQty,
                        long makerLeavesQty) {
        trades++;
        tradedQty += qtyLots;
    }

    @Override
    public void onRested(long orderId, long priceTicks, long openQtyLots) {
        events++;
    }

    @Override
    public void onCanceled(long orderId, long canceledQtyLots) {
        events++;
    }

    @Override
    public void onModified(long orderId, long priceTicks, long openQtyLots) {
        events++;
    }

    @Override
    public void onRejected(long orderId, MatchReject reason) {
        rejects++;
    }
}
