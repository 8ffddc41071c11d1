package io.rialto.core.spi;

import io.rialto.core.domain.CancelOrder;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.MarketData;
import io.rialto.core.domain.ModifyOrder;
import io.rialto.core.domain.NewOrder;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Source;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * One connection to one venue: its market data and its order entry.
 *
 * <p>Threading: the platform's {@code VenueSession} actor calls {@link #connect}, the order methods,
 * {@link #reconnect}, the queries and {@link #disconnect} from one thread at a time; none of them may block.
 * The adapter reports executions through the {@link VenueContext#executions()} listener, and a lost
 * connection through {@link VenueContext#connectionLost()}, from any thread, in the order they happened.
 * {@link #marketData()} is materialized once by the platform's ingestion stream, which applies
 * backpressure: an adapter whose source is not pulled must slow its feed, never buffer without bound.
 *
 * <p>Lifecycle: {@link #connect} opens the order-entry connection (the session is connected when it
 * returns). When the venue drops it, the adapter calls {@code ctx.connectionLost()}; the session rejects new
 * orders with {@code VENUE_UNAVAILABLE}, marks the open orders UNKNOWN and calls {@link #reconnect} with
 * exponential backoff until it succeeds, then reconciles through {@link #openOrders} and {@link #orderStatus}.
 * The market-data feed is a connection of its own: an order-entry disconnect does not end it.
 */
public interface VenueAdapter {

    /** The venue's name, unique in the platform. */
    String name();

    /** The instruments this venue lists, before the platform assigns indexes. */
    List<InstrumentRegistry.Listing> listings();

    void connect(VenueContext ctx);

    /**
     * Incremental depth and trades in batches, and snapshots, with per-instrument sequence numbers.
     * Completes after {@link #stopMarketData()}.
     */
    Source<MarketData, NotUsed> marketData();

    void submit(NewOrder order);

    void cancel(CancelOrder cancel);

    void modify(ModifyOrder modify);

    /**
     * The platform's book of this instrument is stale (a sequence gap or a crossed book): send a snapshot
     * on the market-data source. Called from any thread; must not block.
     */
    default void requestSnapshot(int instrumentId) {
    }

    /** Ends the market-data source (it completes once what was produced has been pulled). */
    void stopMarketData();

    /** Closes the connection for good (shutdown). */
    void disconnect();

    /**
     * Opens the order-entry connection again after the venue dropped it. Completes when the venue has
     * accepted the session; fails when this attempt failed (the session backs off and tries again). While it
     * is down the venue delivers no execution report: what happened meanwhile comes back through the queries.
     * The default cannot reconnect.
     */
    default CompletionStage<Done> reconnect() {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(name() + " cannot reconnect"));
    }

    /**
     * Whether the venue cancels this connection's open orders when the connection drops (cancel-on-disconnect).
     * The session then knows they end cancelled (after any fill made before the drop); without order queries it
     * reports them cancelled on reconnect, since it has no other way to learn their fate.
     */
    default boolean cancelsOnDisconnect() {
        return false;
    }

    /**
     * The venue's own clock, in nanoseconds, when the venue sets the pace: a replay stepping event by event
     * ({@code rialto run --replay ... --speed step}) answers the time of the event it last handed over. In step
     * mode the strategies' {@code StrategyContext.nanoTime()} reads it, so that decisions that depend on time
     * repeat run after run. {@code null} (the default): the strategies read the wall clock.
     */
    default LongSupplier dataClock() {
        return null;
    }

    /**
     * How many times the market-data feed lost its connection and reconnected by itself (a feed carried over a
     * network, such as a WebSocket). Elements lost meanwhile show as sequence gaps, which the books resync.
     * In-process feeds never reconnect: 0.
     */
    default long feedReconnects() {
        return 0;
    }

    /**
     * Whether {@link #openOrders} and {@link #orderStatus} are answered. Without them a lost report stays lost
     * and orders left UNKNOWN by a disconnect cannot be reconciled (unless the venue cancels on disconnect).
     */
    default boolean supportsOrderQueries() {
        return false;
    }

    /**
     * Reconciliation query: every order of this connection open at the venue now, each with its whole report
     * history ({@link VenueOrder#reports()}). Answers reflect every request the adapter was handed before this call.
     */
    default CompletionStage<List<VenueOrder>> openOrders() {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(name() + " has no order queries"));
    }

    /**
     * Reconciliation query: the given orders as the venue knows them, open or ended, each with its whole report
     * history. An order the venue never received is absent from the answer.
     */
    default CompletionStage<List<VenueOrder>> orderStatus(long[] clOrdIds) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(name() + " has no order queries"));
    }
}
