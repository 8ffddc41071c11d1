package io.rialto.core.kernel;

import org.apache.pekko.actor.typed.ActorRef;

import java.util.Arrays;

/**
 * The reference prices one host message produced for risk (best bid/ask changes and trade prices), gathered and
 * sent as one {@link RiskGate.MarketPrices}: a batch over a hundred cold symbols is one message to risk, not a
 * hundred. Reused by its host; one array copy per flush, none per event.
 */
final class RiskPrices {
    private int[] quoteIds = new int[16];
    private long[] bids = new long[16];
    private long[] asks = new long[16];
    private int quotes;
    private int[] tradeIds = new int[16];
    private long[] tradePrices = new long[16];
    private int trades;

    void quote(int instrumentId, long bid, long ask) {
        if (quotes == quoteIds.length) {
            quoteIds = Arrays.copyOf(quoteIds, quotes * 2);
            bids = Arrays.copyOf(bids, quotes * 2);
            asks = Arrays.copyOf(asks, quotes * 2);
        }
        quoteIds[quotes] = instrumentId;
        bids[quotes] = bid;
        asks[quotes++] = ask;
    }

    void trade(int instrumentId, long price) {
        if (trades == tradeIds.length) {
            tradeIds = Arrays.copyOf(tradeIds, trades * 2);
            tradePrices = Arrays.copyOf(tradePrices, trades * 2);
        }
        tradeIds[trades] = instrumentId;
        tradePrices[trades++] = price;
    }

    /** Sends what was gathered, if anything, and starts over. */
    void flushTo(ActorRef<RiskGate.Command> riskGate) {
        if (quotes + trades == 0) {
            return;
        }
        riskGate.tell(new RiskGate.MarketPrices(Arrays.copyOf(quoteIds, quotes), Arrays.copyOf(bids, quotes),
                Arrays.copyOf(asks, quotes), Arrays.copyOf(tradeIds, trades), Arrays.copyOf(tradePrices, trades)));
        quotes = 0;
        trades = 0;
    }
}
