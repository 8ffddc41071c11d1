package io.rialto.risk;

import io.rialto.core.domain.RejectReason;
import org.junit.jupiter.api.Test;

import static io.rialto.core.domain.RejectReason.NONE;
import static io.rialto.core.domain.Side.BUY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Configuration validation and limit changes at run time. */
class RiskSettingsTest {

    private static void assertRefused(String hocon, String... expectedInMessage) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RiskSettings.parse(hocon));
        for (String expected : expectedInMessage) {
            assertTrue(e.getMessage().contains(expected), "'" + expected + "' in: " + e.getMessage());
        }
    }

    @Test
    void shouldReadTheDefaults() {
        RiskSettings settings = RiskSettings.parse("");
        assertEquals(100, settings.defaultValue(Limit.MAX_ORDER_QTY));
        assertEquals(10_000_000_000_000L, settings.defaultValue(Limit.MAX_ORDER_NOTIONAL));
        assertEquals(10_000_000, settings.defaultValue(Limit.PRICE_COLLAR_PERCENT));
        assertEquals(1_000_000_000, settings.defaultValue(Limit.FILLS_WINDOW));
    }

    @Test
    void shouldNameAnUnknownKeyWithItsOrigin() {
        assertRefused("rialto.risk.max-oder-qty = 5", "unknown key rialto.risk.max-oder-qty", "String");
        assertRefused("rialto.risk.strategies.mm-1 { max-postion = 5 }", "rialto.risk.strategies.mm-1.max-postion");
    }

    @Test
    void shouldNameAKeyInABlockItDoesNotApplyTo() {
        assertRefused("rialto.risk.strategies.mm-1 { max-firm-position = 5 }",
                "rialto.risk.strategies.mm-1.max-firm-position does not apply to strategies");
        assertRefused("rialto.risk.accounts.A { self-trade = reject }", "rialto.risk.accounts.A.self-trade");
    }

    @Test
    void shouldNameABadValue() {
        assertRefused("rialto.risk.max-order-qty = -1", "rialto.risk.max-order-qty = -1");
        assertRefused("rialto.risk.max-order-qty = lots", "rialto.risk.max-order-qty");
        assertRefused("rialto.risk.max-order-notional = 1.0000001", "rialto.risk.max-order-notional",
                "6 decimals");
        assertRefused("rialto.risk.price-collar-percent = 101", "rialto.risk.price-collar-percent");
        assertRefused("rialto.risk.self-trade = ignore", "rialto.risk.self-trade", "reject, cancel-resting");
        assertRefused("rialto.risk.duplicate-window = 3 parsecs", "rialto.risk.duplicate-window");
        assertRefused("rialto.risk.instruments.\"V1:ABC\" { trading-state = PAUSED }",
                "rialto.risk.instruments.\"V1:ABC\".trading-state");
        assertRefused("rialto.risk.strategies = 5", "rialto.risk.strategies");
    }

    @Test
    void shouldNameAnInstrumentNoVenueLists() {
        RiskSettings settings = RiskSettings.parse("rialto.risk.instruments.\"V1:NOPE\" { max-order-qty = 5 }");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RiskEngine(settings, RiskFixture.REGISTRY, () -> 0));
        assertTrue(e.getMessage().contains("rialto.risk.instruments.\"V1:NOPE\""), e.getMessage());
    }

    @Test
    void shouldChangeADefaultAndAnOverrideAtRunTime() {
        RiskFixture f = new RiskFixture("max-order-qty = 100, strategies.s2.max-order-qty = 20");
        assertNull(f.engine.updateLimit("max-order-qty", "50"));
        assertEquals(RejectReason.MAX_ORDER_QTY, f.send(1, "A", 0, BUY, 1000, 51));
        assertEquals(NONE, f.send(1, "A", 0, BUY, 1000, 50));
        assertEquals(RejectReason.MAX_ORDER_QTY, f.send(2, "A", 0, BUY, 1000, 21), "the override still rules");
        assertNull(f.engine.updateLimit("rialto.risk.strategies.s2.max-order-qty", "30"));
        assertEquals(NONE, f.send(2, "A", 0, BUY, 1000, 30));
        assertNull(f.engine.updateLimit("instruments.\"V1:ABC\".max-order-qty", "10"));
        assertEquals(RejectReason.MAX_ORDER_QTY, f.send(2, "A", 0, BUY, 1000, 11));
        assertEquals(NONE, f.send(2, "A", 1, BUY, 1000, 11));
        assertNull(f.engine.updateLimit("strategies.s9.new-per-second", "1"), "a strategy not seen yet");
        assertEquals(NONE, f.send(9, "A", 1, BUY, 1000, 1));
        assertEquals(RejectReason.THROTTLED, f.send(9, "A", 1, BUY, 1000, 1));
        assertEquals("30", f.engine.control().limit("strategies.s2.max-order-qty"));
        assertEquals("50", f.engine.control().limit("max-order-qty"));
    }

    @Test
    void shouldRefuseABadLimitChangeAndSayWhy() {
        RiskFixture f = new RiskFixture("");
        assertTrue(f.engine.updateLimit("max-oder-qty", "5").contains("unknown key rialto.risk.max-oder-qty"));
        assertTrue(f.engine.updateLimit("max-order-qty", "-5").contains("rialto.risk.max-order-qty"));
        assertTrue(f.engine.updateLimit("strategies.s1.max-firm-position", "5").contains("does not apply"));
        assertTrue(f.engine.updateLimit("instruments.\"V9:ABC\".max-order-qty", "5").contains("V9:ABC"));
        assertTrue(f.engine.updateLimit("venues.V1.max-order-qty", "5").contains("unknown key"));
        assertEquals("10000", f.engine.control().limit("max-order-qty"), "nothing changed");
    }
}
