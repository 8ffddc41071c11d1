package io.rialto.core.position;

import io.rialto.core.domain.Side;

import java.util.Arrays;

/**
 * Positions and P&amp;L per instrument for one holder (a strategy or an account), in fixed point.
 *
 * <p>Average-cost method: the cost basis is the signed sum of price x quantity of the open position.
 * A fill that adds to the position adds its price x quantity; a fill that reduces it removes the
 * reduced share of the cost basis and realizes the difference. The share is computed in integers,
 * {@code cost * closed / |position|} rounded toward zero; whatever rounding leaves in the basis is
 * realized when the position returns to zero, so realized P&amp;L is exact over a round trip. A fill
 * that flips the position closes the old one and opens the new one at the fill price.
 *
 * <p>All amounts are tick-lots (price ticks x quantity lots); fees are millionths of a tick-lot.
 * Indexed by instrument id, growing by doubling. Single-threaded; no allocation per fill.
 */
public final class PositionLedger {
    private long[] qty;
    private long[] cost;
    private long[] realized;
    private long[] fees;
    private long[] fills;

    public PositionLedger(int instruments) {
        int n = Math.max(1, instruments);
        qty = new long[n];
        cost = new long[n];
        realized = new long[n];
        fees = new long[n];
        fills = new long[n];
    }

    /** Room for {@code instruments} slots; existing positions keep their slots. */
    public void ensureCapacity(int instruments) {
        if (instruments > qty.length) {
            qty = java.util.Arrays.copyOf(qty, instruments);
            cost = java.util.Arrays.copyOf(cost, instruments);
            realized = java.util.Arrays.copyOf(realized, instruments);
            fees = java.util.Arrays.copyOf(fees, instruments);
            fills = java.util.Arrays.copyOf(fills, instruments);
        }
    }

    public void onFill(int instrumentId, Side side, long priceTicks, long qtyLots, long feeE6) {
        ensure(instrumentId);
        long signed = side == Side.BUY ? qtyLots : -qtyLots;
        long pos = qty[instrumentId];
        fees[instrumentId] += feeE6;
        fills[instrumentId]++;
        if (pos == 0 || Long.signum(pos) == Long.signum(signed)) {
            qty[instrumentId] = pos + signed;
            cost[instrumentId] += signed * priceTicks;
            return;
        }
        long closing = Math.min(Math.abs(signed), Math.abs(pos));
        long newPos = pos + signed;
        long removedCost;
        if (closing == Math.abs(pos)) {
            removedCost = cost[instrumentId];
        } else {
            // cost * closing / |pos| without overflowing the product: c = q*p + r gives q*k + r*k/p
            long p = Math.abs(pos);
            long c = cost[instrumentId];
            removedCost = c / p * closing + c % p * closing / p;
        }
        // closing a long sells at priceTicks: proceeds - cost; closing a short buys back: cost - outlay
        long closedSigned = pos > 0 ? closing : -closing;
        realized[instrumentId] += closedSigned * priceTicks - removedCost;
        cost[instrumentId] -= removedCost;
        long opening = Math.abs(signed) - closing;
        if (opening > 0) {
            cost[instrumentId] = (newPos > 0 ? opening : -opening) * priceTicks;
        }
        qty[instrumentId] = newPos;
    }

    private void ensure(int instrumentId) {
        if (instrumentId >= qty.length) {
            int n = Math.max(instrumentId + 1, qty.length * 2);
            qty = Arrays.copyOf(qty, n);
            cost = Arrays.copyOf(cost, n);
            realized = Arrays.copyOf(realized, n);
            fees = Arrays.copyOf(fees, n);
            fills = Arrays.copyOf(fills, n);
        }
    }

    public long qty(int instrumentId) {
        return instrumentId < qty.length ? qty[instrumentId] : 0;
    }

    public long cost(int instrumentId) {
        return instrumentId < cost.length ? cost[instrumentId] : 0;
    }

    public long realized(int instrumentId) {
        return instrumentId < realized.length ? realized[instrumentId] : 0;
    }

    public long fees(int instrumentId) {
        return instrumentId < fees.length ? fees[instrumentId] : 0;
    }

    public long fills(int instrumentId) {
        return instrumentId < fills.length ? fills[instrumentId] : 0;
    }

    /** Instruments with at least one fill. */
    public int[] tradedInstruments() {
        int count = 0;
        for (long f : fills) {
            if (f > 0) {
                count++;
            }
        }
        int[] ids = new int[count];
        int k = 0;
        for (int i = 0; i < fills.length; i++) {
            if (fills[i] > 0) {
                ids[k++] = i;
            }
        }
        return ids;
    }
}
