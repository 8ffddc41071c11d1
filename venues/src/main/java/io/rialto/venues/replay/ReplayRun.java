package io.rialto.venues.replay;

import io.rialto.core.spi.VenueContext;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.DispatcherSelector;

import java.util.concurrent.CompletableFuture;

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
                    ended), "replay-exchange", DispatcherSelector.blocking());
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

    CompletableFuture<Void> ended() {
        return ended;
    }

    BadRows badRows() {
        return badRows;
    }
}
