package io.rialto.core.kernel;

import io.rialto.core.domain.InstrumentRegistry;

import java.math.BigDecimal;
import java.util.List;

/** A one-venue, one-symbol registry for kernel tests. */
final class TestInstruments {
    static final String VENUE = "TEST";
    static final String SYMBOL = "ABC";

    private TestInstruments() {
    }

    static InstrumentRegistry.Listing listing() {
        return new InstrumentRegistry.Listing(VENUE, SYMBOL, new BigDecimal("0.01"), BigDecimal.ONE, 1, 1_000_000);
    }

    static InstrumentRegistry registry() {
        return InstrumentRegistry.of(List.of(VENUE), List.of(listing()));
    }
}
