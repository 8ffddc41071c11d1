package io.rialto.core.kernel;

import io.rialto.core.domain.CancelOrder;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.MarketData;
import io.rialto.core.domain.ModifyOrder;
import io.rialto.core.spi.VenueAdapter;
import io.rialto.core.spi.VenueContext;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Source;

import java.util.List;

/**
 * A venue adapter for kernel tests: lists the one test instrument, keeps the context it is connected with,
 * publishes no market data and ignores cancels and modifies; subclasses script what they test.
 */
abstract class TestVenue implements VenueAdapter {
    protected VenueContext ctx;

    @Override
    public String name() {
        return TestInstruments.VENUE;
    }

    @Override
    public List<InstrumentRegistry.Listing> listings() {
        return List.of(TestInstruments.listing());
    }

    @Override
    public void connect(VenueContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Source<MarketData, NotUsed> marketData() {
        return Source.empty();
    }

    @Override
    public void cancel(CancelOrder cancel) {
    }

    @Override
    public void modify(ModifyOrder modify) {
    }

    @Override
    public void stopMarketData() {
    }

    @Override
    public void disconnect() {
    }
}
