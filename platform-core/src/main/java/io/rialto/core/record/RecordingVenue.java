package io.rialto.core.record;

import io.rialto.core.domain.MarketData;
import io.rialto.core.spi.ForwardingVenue;
import io.rialto.core.spi.VenueAdapter;
import io.rialto.core.spi.VenueContext;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Source;

/**
 * A venue adapter whose market data is recorded on its way into the platform; everything else goes straight
 * to the adapter it wraps ({@link ForwardingVenue}).
 */
public final class RecordingVenue extends ForwardingVenue {
    private final MdRecorder recorder;
    private volatile int venueIndex = -1;

    RecordingVenue(VenueAdapter delegate, MdRecorder recorder) {
        super(delegate);
        this.recorder = recorder;
    }

    @Override
    public void connect(VenueContext ctx) {
        venueIndex = ctx.venueIndex();
        recorder.start(ctx.instruments());
        delegate.connect(ctx);
    }

    @Override
    public Source<MarketData, NotUsed> marketData() {
        if (venueIndex < 0) {
            throw new IllegalStateException(name() + " is not connected");
        }
        return delegate.marketData().via(recorder.tap(venueIndex));
    }
}
