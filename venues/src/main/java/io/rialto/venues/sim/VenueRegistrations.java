package io.rialto.venues.sim;

import io.rialto.core.serialization.KryoRegistrations;

import java.util.List;

/** Messages of the simulated exchange, for the Kryo serializer. */
public final class VenueRegistrations implements KryoRegistrations {
    @Override
    public List<Class<?>> classes() {
        return List.of(SimExchange.Submit.class, SimExchange.Cancel.class, SimExchange.Modify.class,
                SimExchange.AttachFeed.class, SimExchange.RequestSnapshot.class, SimExchange.FeedAck.class, SimExchange.Tick.class,
                SimExchange.StopFeed.class, SimExchange.Reconnect.class, SimExchange.QueryOpen.class,
                SimExchange.QueryStatus.class, SimExchange.Inspect.class, SimExchange.ReleaseReports.class,
                SimExchange.DropSession.class, SimExchange.StallFeed.class, SimExchange.ResumeFeed.class);
    }
}
