package io.rialto.venues.replay;

import io.rialto.core.spi.VenueContext;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.DispatcherSelector;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One replay shared by the venues it feeds (one {@link ReplayVenue} per venue in the data): the source, its
 * bad-row count, and the {@link ReplayExchange} actor, started when the first of them connects.
 *
 * <p>Threading: {@link #connect} is synchronized; the rest is safe to read from any thread.
 */
final class ReplayRun {
    private final ReplaySettings settings;
    private final ReplaySource source;
    private final BadRows badRows;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile ActorRef<ReplayExchange.Command> exchange;
    /** Step mode: the time of the events last handed over. */
    private final AtomicLong dataTimeNs = new AtomicLong();

    ReplayRun(ReplaySettings settings, ReplaySource source, BadRows badRows) {
        this.settings = settings;
        this.source = source;
        this.badRows = badRows;
    }

    ReplaySource source() {
        return source;
    }

    synchronized void connect(VenueContext ctx) {
        if (exchange == null) {
            exchange = ctx.system().systemActorOf(ReplayExchange.create(settings, source, badRows, ctx.instruments(),
                    ended, dataTimeNs), "replay-exchange", DispatcherSelector.blocking());
        }
        exchange.tell(new ReplayExchange.Connect(ctx.venueIndex(), ctx.executions()));
    }

    ActorRef<ReplayExchange.Command> exchange() {
        ActorRef<ReplayExchange.Command> ref = exchange;
        if (ref == null) {
            throw new IllegalStateException("the replay of " + source.description() + " is not connected");
        }
        return ref;
    }

    /** Step mode: the data's clock, for the strategies; otherwise null (they read the wall clock). */
    LongSupplier dataClock() {
        return settings.step() ? dataTimeNs::get : null;
    }

    CompletableFuture<Void> ended() {
        return ended;
    }

    BadRows badRows() {
        return badRows;
    }
}
