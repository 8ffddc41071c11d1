package io.rialto.core.config;

import com.typesafe.config.Config;
import io.rialto.core.domain.InstrumentRegistry.Listing;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstrumentOverridesTest {
    private static final List<Listing> LISTED = List.of(
            new Listing("V1", "ABC", new BigDecimal("0.01"), BigDecimal.ONE, 1, 1000),
            new Listing("V2", "ABC", new BigDecimal("0.01"), BigDecimal.ONE, 1, 1000),
            new Listing("V1", "XYZ", new BigDecimal("0.01"), BigDecimal.ONE, 1, 1000));

    private static Config config(String... sets) {
        return ConfigLoader.load(null, List.of(sets), Map.of());
    }

    @Test
    void shouldLeaveListingsAloneWithoutOverrides() {
        assertEquals(LISTED, InstrumentOverrides.apply(config(), LISTED));
    }

    @Test
    void shouldApplyASymbolOnEveryVenueAndLetAnInstrumentEntryWin() {
        List<Listing> out = InstrumentOverrides.apply(config("rialto.instruments.ABC { tick-size = 0.05, max-qty = 50 }",
                "rialto.instruments.\"V2:ABC\" { lot-size = 10 }"), LISTED);
        assertEquals(new Listing("V1", "ABC", new BigDecimal("0.05"), BigDecimal.ONE, 1, 50), out.get(0));
        assertEquals(new Listing("V2", "ABC", new BigDecimal("0.05"), BigDecimal.TEN, 1, 50), out.get(1));
        assertEquals(LISTED.get(2), out.get(2));
    }

    @Test
    void shouldNameAnEntryThatMatchesNothing() {
        ConfigError e = assertThrows(ConfigError.class, () -> InstrumentOverrides.apply(
                config("rialto.instruments.NOPE { tick-size = 0.05 }"), LISTED));
        assertTrue(e.getMessage().contains("rialto.instruments.\"NOPE\" matches no instrument"), e.getMessage());
    }

    @Test
    void shouldNameAnUnknownKeyOrABadValue() {
        ConfigError unknown = assertThrows(ConfigError.class, () -> InstrumentOverrides.apply(
                config("rialto.instruments.ABC { tick = 0.05 }"), LISTED));
        assertTrue(unknown.getMessage().contains("unknown key rialto.instruments.\"ABC\".tick"), unknown.getMessage());
        ConfigError negative = assertThrows(ConfigError.class, () -> InstrumentOverrides.apply(
                config("rialto.instruments.ABC { tick-size = -1 }"), LISTED));
        assertTrue(negative.getMessage().contains("tick-size must be a positive decimal"), negative.getMessage());
        ConfigError range = assertThrows(ConfigError.class, () -> InstrumentOverrides.apply(
                config("rialto.instruments.ABC { min-qty = 10, max-qty = 5 }"), LISTED));
        assertTrue(range.getMessage().contains("need 1 <= min-qty <= max-qty"), range.getMessage());
    }
}
