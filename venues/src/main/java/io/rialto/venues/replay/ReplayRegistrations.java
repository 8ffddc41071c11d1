package io.rialto.venues.replay;

import io.rialto.core.serialization.KryoRegistrations;

import java.util.List;

/** Messages of the replay exchange that can be serialized, for the Kryo serializer (Connect is local only). */
public final class ReplayRegistrations implements KryoRegistrations {
    @Override
    public List<Class<?>> classes() {
        return List.of(ReplayExchange.AttachFeed.class, ReplayExchange.FeedAck.class, ReplayExchange.Submit.class,
                ReplayExchange.Cancel.class, ReplayExchange.Modify.class, ReplayExchange.RequestSnapshot.class,
                ReplayExchange.StopFeed.class);
    }
}
