package io.rialto.risk;

import io.rialto.core.domain.CancelOrder;
import io.rialto.core.domain.NewOrder;
import io.rialto.core.domain.OrderType;
import io.rialto.core.domain.RejectReason;
import io.rialto.core.domain.Side;
import io.rialto.core.domain.TimeInForce;
import org.junit.jupiter.api.Test;

import static io.rialto.core.domain.RejectReason.NONE;
import static io.rialto.core.domain.Side.BUY;
import static io.rialto.core.domain.Side.SELL;
import static io.rialto.risk.RiskFixture.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each check at, just inside and just outside its boundary. */
class RiskChecksTest {

    @Test
    void shouldApplyInstrumentRules() {
        RiskFixture f = new RiskFixture("");
        assertEquals(RejectReason.QTY_NOT_ON_LOT, f.send(1, "A", 0, BUY, 1000, 0));
        assertEquals(RejectReason.QTY_NOT_ON_LOT, f.send(1, "A", 0, BUY, 1000, -1));
        assertEquals(RejectReason.PRICE_NOT_ON_TICK, f.send(1, "A", 0, BUY, 0, 1));
        assertEquals(NONE, f.send(1, "A", 0, BUY, 1, 1), "one tick, one lot");
        assertEquals(NONE, f.send(1, "A", 0, BUY, 1000, 10_000), "the instrument's maximum");
        assertEquals(RejectReason.QTY_OUT_OF_RANGE, f.send(1, "A", 0, BUY, 1000, 10_001));
        assertEquals(RejectReason.UNKNOWN_INSTRUMENT, f.send(1, "A", 3, BUY, 1000, 1));
    }

    @Test
    void shouldApplyTheTighterMaximumOrderQuantityOfStrategyAndInstrument() {
        RiskFixture f = new RiskFixture("max-order-qty = 100, instruments.\"V1:XYZ\".max-order-qty = 50, "
                + "strategies.s2.max-order-qty = 30");
        assertEquals(NONE, f.send(1, "A", 0, BUY, 1000, 100));
        assertEquals(RejectReason.MAX_ORDER_QTY, f.send(1, "A", 0, BUY, 1000, 101));
        assertEquals(NONE, f.send(1, "A", 1, BUY, 1000, 50));
        assertEquals(RejectReason.MAX_ORDER_QTY, f.send(1, "A", 1, BUY, 1000, 51));
        assertEquals(NONE, f.send(2, "A", 1, BUY, 1000, 30));
        assertEquals(RejectReason.MAX_ORDER_QTY, f.send(2, "A", 1, BUY, 1000, 31));
    }

    @Test
    void shouldApplyTheMaximumOrderNotionalInMoney() {
        RiskFixture f = new RiskFixture("max-order-notional = 100, instruments.\"V1:XYZ\".max-order-notional = 50.5");
        assertEquals(NONE, f.send(1, "A", 0, BUY, 1000, 9), "90.00");
        assertEquals(NONE, f.send(1, "A", 0, BUY, 1000, 10), "100.00: at the limit");
        assertEquals(RejectReason.MAX_ORDER_NOTIONAL, f.send(1, "A", 0, BUY, 1001, 10), "100.10");
        assertEquals(NONE, f.send(1, "A", 1, BUY, 1010, 5), "50.50");
        assertEquals(RejectReason.MAX_ORDER_NOTIONAL, f.send(1, "A", 1, BUY, 1011, 5), "50.55");
    }

    @Test
    void shouldCollarTheLimitPriceAroundTheMidInTicks() {
        RiskFixture f = new RiskFixture("price-collar-ticks = 10, no-reference-price = reject");
        assertEquals(RejectReason.NO_REFERENCE_PRICE, f.send(1, "A", 0, BUY, 1000, 1));
        f.engine.onMarketPrice(0, 995, Long.MIN_VALUE);
        assertEquals(RejectReason.NO_REFERENCE_PRICE, f.send(1, "A", 0, BUY, 1000, 1), "one side is no mid");
        f.engine.onMarketPrice(0, 995, 1006); // mid 1000.5
        assertEquals(NONE, f.send(1, "A", 0, BUY, 1010, 1), "9.5 ticks above");
        assertEquals(RejectReason.PRICE_COLLAR, f.send(1, "A", 0, BUY, 1011, 1), "10.5 ticks above");
        assertEquals(NONE, f.send(1, "A", 0, BUY, 991, 1), "9.5 ticks below");
        assertEquals(RejectReason.PRICE_COLLAR, f.send(1, "A", 0, BUY, 990, 1), "10.5 ticks below");
        f.engine.onMarketPrice(0, 995, 1005); // mid 1000
        assertEquals(NONE, f.send(2, "B", 0, SELL, 1010, 1), "exactly 10 ticks");
        assertEquals(RejectReason.PRICE_COLLAR, f.send(2, "B", 0, SELL, 1011, 1));
    }

    @Test
    void shouldCollarInPercentAroundTheLastTradeWhenConfigured() {
        RiskFixture f = new RiskFixture("price-collar-percent = 1, reference-price = last-trade");
        f.engine.onMarketPrice(0, 100, 200);
        assertEquals(NONE, f.send(1, "A", 0, BUY, 5000, 1), "no last trade yet: allowed by default");
        f.engine.onMarketTrade(0, 2000);
        assertEquals(NONE, f.send(1, "A", 0, BUY, 2020, 1), "1% of 2000 is 20 ticks");
        assertEquals(RejectReason.PRICE_COLLAR, f.send(1, "A", 0, BUY, 2021, 1));
        assertEquals(NONE, f.send(1, "A", 0, BUY, 1980, 1));
        assertEquals(RejectReason.PRICE_COLLAR, f.send(1, "A", 0, BUY, 1979, 1));
    }

    @Test
    void shouldAcceptWithinEitherTheTickOrThePercentBand() {
        RiskFixture f = new RiskFixture("price-collar-ticks = 5, price-collar-percent = 1");
        f.engine.onMarketPrice(0, 1000, 1000);
        assertEquals(NONE, f.send(1, "A", 0, BUY, 1010, 1), "1% = 10 ticks is the wider band");
        assertEquals(RejectReason.PRICE_COLLAR, f.send(1, "A", 0, BUY, 1011, 1));
    }

    @Test
    void shouldValueAMarketOrderAtTheReferenceAndRejectItWithoutOne() {
        RiskFixture f = new RiskFixture("max-order-notional = 100");
        assertEquals(RejectReason.NO_REFERENCE_PRICE, f.send(f.market(1, "A", 0, BUY, 1)));
        f.engine.onMarketPrice(0, 999, 1001);
        assertEquals(NONE, f.send(f.market(1, "A", 0, BUY, 10)), "10 x 1000 ticks = 100.00");
        assertEquals(RejectReason.MAX_ORDER_NOTIONAL, f.send(f.market(1, "A", 0, BUY, 11)));
    }

    @Test
    void shouldRejectADuplicateWithinItsWindowOnly() {
        RiskFixture f = new RiskFixture("duplicate-window = 100ms");
        assertEquals(NONE, f.send(1, "A", 0, BUY, 1000, 5));
        f.advance(99_999_999);
        assertEquals(RejectReason.DUPLICATE_ORDER, f.send(1, "A", 0, BUY, 1000, 5));
        assertEquals(NONE, f.send(1, "A", 0, BUY, 1000, 6), "another quantity");
        assertEquals(NONE, f.send(1, "A", 0, BUY, 1001, 5), "another price");
        assertEquals(NONE, f.send(1, "A", 1, BUY, 1000, 5), "another instrument");
        assertEquals(NONE, f.send(2, "A", 0, BUY, 1000, 5), "another strategy");
        f.advance(1);
        assertEquals(NONE, f.send(1, "A", 0, BUY, 1000, 5), "the window has passed");
    }

    @Test
    void shouldApplyTheMaximumOpenNotionalPerStrategy() {
        RiskFixture f = new RiskFixture("max-open-notional = 200");
        NewOrder first = f.order(1, "A", 0, BUY, 1000, 10);
        assertEquals(NONE, f.send(first));
        assertEquals(NONE, f.send(1, "A", 0, BUY, 1000, 9));
        assertEquals(NONE, f.send(1, "A", 1, SELL, 1000, 1), "200.00: at the limit");
        assertEquals(RejectReason.MAX_OPEN_NOTIONAL, f.send(1, "A", 0, BUY, 1, 1));
        assertEquals(NONE, f.send(2, "A", 0, BUY, 1000, 10), "another strategy");
        f.cancelled(first);
        assertEquals(NONE, f.send(1, "A", 0, BUY, 1000, 10), "a cancel frees its notional");
    }

    @Test
    void shouldApplyPositionLimitsPerAccountAndFirmWide() {
        RiskFixture f = new RiskFixture("max-account-position = 100, instruments.\"V1:ABC\".max-firm-position = 150");
        assertEquals(NONE, f.send(1, "A", 0, BUY, 1000, 60));
        assertEquals(NONE, f.send(2, "A", 0, BUY, 1000, 40), "account at 100");
        assertEquals(RejectReason.POSITION_LIMIT, f.send(3, "A", 0, BUY, 1000, 1));
        assertEquals(NONE, f.send(3, "A", 1, BUY, 1000, 1), "per instrument");
        assertEquals(NONE, f.send(3, "B", 0, BUY, 1000, 50), "firm at 150");
        assertEquals(RejectReason.POSITION_LIMIT, f.send(4, "C", 0, BUY, 1000, 1));
        assertEquals(NONE, f.send(4, "C", 0, SELL, 1001, 100), "sells count on their side");
    }

    @Test
    void shouldApplyGrossAndNetExposurePerAccount() {
        RiskFixture f = new RiskFixture("max-gross-exposure = 1000, max-net-exposure = 500");
        assertEquals(NONE, f.send(1, "A", 0, BUY, 1000, 50), "500.00 long");
        assertEquals(RejectReason.EXPOSURE_LIMIT, f.send(1, "A", 1, BUY, 1000, 1), "net 510");
        assertEquals(NONE, f.send(1, "A", 1, SELL, 1000, 50), "gross 1000, net worst case 500 either way");
        assertEquals(RejectReason.EXPOSURE_LIMIT, f.send(1, "A", 2, SELL, 1000, 1), "gross 1010");
        assertEquals(NONE, f.send(2, "B", 2, SELL, 1000, 50), "another account");
    }

    @Test
    void shouldApplyFirmWideExposureAcrossAccounts() {
        RiskFixture f = new RiskFixture("max-firm-gross-exposure = 300, max-firm-net-exposure = 200");
        NewOrder held = f.filled(1, "A", 0, BUY, 1000, 10, 0);
        assertEquals(NONE, f.send(2, "B", 1, BUY, 1000, 10), "net 200: a position at cost plus open orders");
        assertEquals(RejectReason.EXPOSURE_LIMIT, f.send(3, "C", 2, BUY, 1000, 1));
        assertEquals(NONE, f.send(3, "C", 2, SELL, 1000, 10), "gross 300");
        assertEquals(RejectReason.EXPOSURE_LIMIT, f.send(3, "C", 2, SELL, 1000, 1), "gross 310");
        assertEquals(NONE, f.send(1, "A", 0, SELL, 1000, 10), "closing the position lowers the worst case");
        assertEquals(10, f.engine.positions().stream().filter(p -> p.instrumentId() == held.instrumentId())
                .mapToLong(p -> p.qtyLots()).sum());
    }

    @Test
    void shouldThrottleNewOrdersPerStrategyAndRefillOverTime() {
        RiskFixture f = new RiskFixture("new-per-second = 2");
        assertEquals(NONE, f.send(1, "A", 0, BUY, 1000, 1));
        assertEquals(NONE, f.send(1, "A", 0, BUY, 1000, 1));
        assertEquals(RejectReason.THROTTLED, f.send(1, "A", 0, BUY, 1000, 1));
        assertEquals(NONE, f.send(2, "A", 0, BUY, 1000, 1), "per strategy");
        f.advance(SECOND / 2 - 1);
        assertEquals(RejectReason.THROTTLED, f.send(1, "A", 0, BUY, 1000, 1), "not a whole token yet");
        f.advance(1);
        assertEquals(NONE, f.send(1, "A", 0, BUY, 1000, 1), "one token after half a second");
        assertEquals(RejectReason.THROTTLED, f.send(1, "A", 0, BUY, 1000, 1));
        f.advance(10 * SECOND);
        assertEquals(NONE, f.send(1, "A", 0, BUY, 1000, 1));
        assertEquals(NONE, f.send(1, "A", 0, BUY, 1000, 1));
        assertEquals(RejectReason.THROTTLED, f.send(1, "A", 0, BUY, 1000, 1), "a burst holds one second only");
    }

    @Test
    void shouldThrottlePerVenueAcrossStrategies() {
        RiskFixture f = new RiskFixture("venue-new-per-second = 2");
        assertEquals(NONE, f.send(1, "A", 0, BUY, 1000, 1));
        assertEquals(NONE, f.send(2, "A", 1, BUY, 1000, 1));
        assertEquals(RejectReason.THROTTLED, f.send(3, "A", 0, BUY, 1000, 1), "V1 spent");
        assertEquals(NONE, f.send(3, "A", 2, BUY, 1000, 1), "V2 has its own");
    }

    @Test
    void shouldThrottleCancelsAndModifies() {
        RiskFixture f = new RiskFixture("cancel-per-second = 1, modify-per-second = 1");
        NewOrder order = f.order(1, "A", 0, BUY, 1000, 5);
        assertEquals(NONE, f.send(order));
        CancelOrder cancel = new CancelOrder(order.clOrdId(), "s1", 0, 0);
        assertEquals(NONE, f.engine.checkCancel(cancel));
        assertEquals(RejectReason.THROTTLED, f.engine.checkCancel(cancel));
        assertEquals(NONE, f.modify(order, 1001, 5));
        assertEquals(RejectReason.THROTTLED, f.modify(order, 1002, 5));
        f.advance(SECOND);
        assertEquals(NONE, f.engine.checkCancel(cancel));
        assertEquals(NONE, f.modify(order, 1002, 5));
    }

    @Test
    void shouldRejectAnOrderThatWouldCrossARestingOrderOfTheSameAccount() {
        RiskFixture f = new RiskFixture("");
        assertEquals(NONE, f.send(1, "A", 0, BUY, 1000, 5));
        assertEquals(RejectReason.SELF_TRADE, f.send(2, "A", 0, SELL, 1000, 5), "equal price crosses");
        assertEquals(RejectReason.SELF_TRADE, f.send(2, "A", 0, SELL, 990, 5));
        assertEquals(NONE, f.send(2, "A", 0, SELL, 1001, 5), "does not cross");
        assertEquals(NONE, f.send(3, "B", 0, SELL, 1000, 5), "another account");
        assertEquals(NONE, f.send(3, "A", 1, SELL, 1000, 5), "another instrument");
        f.engine.onMarketPrice(0, 999, 1001);
        assertEquals(RejectReason.SELF_TRADE, f.send(f.market(2, "A", 0, SELL, 1)), "a market order crosses");
    }

    @Test
    void shouldListRestingOrdersToCancelInCancelRestingMode() {
        RiskFixture f = new RiskFixture("self-trade = cancel-resting");
        NewOrder resting = f.order(1, "A", 0, BUY, 1000, 5);
        assertEquals(NONE, f.send(resting));
        assertEquals(NONE, f.send(1, "A", 0, BUY, 998, 5));
        assertEquals(NONE, f.send(2, "A", 0, SELL, 999, 5));
        assertEquals(1, f.engine.selfTradeCancelCount());
        assertEquals(resting.clOrdId(), f.engine.selfTradeCancel(0));
        assertEquals(NONE, f.send(2, "A", 0, SELL, 1005, 5));
        assertEquals(0, f.engine.selfTradeCancelCount(), "cleared by the next check");
    }

    @Test
    void shouldRejectAModifyThatBreachesLimits() {
        RiskFixture f = new RiskFixture("max-position = 100, price-collar-ticks = 10");
        f.engine.onMarketPrice(0, 1000, 1000);
        NewOrder order = f.order(1, "A", 0, BUY, 1000, 50);
        assertEquals(NONE, f.send(order));
        assertEquals(NONE, f.send(1, "A", 0, BUY, 1000, 40));
        assertEquals(NONE, f.modify(order, 1000, 60), "100: at the limit");
        assertEquals(RejectReason.POSITION_LIMIT, f.modify(order, 1000, 61));
        assertEquals(RejectReason.PRICE_COLLAR, f.modify(order, 1011, 50));
        assertEquals(RejectReason.QTY_NOT_ON_LOT, f.modify(order, 1000, 0));
        NewOrder sell = f.order(2, "A", 0, SELL, 1005, 1);
        assertEquals(NONE, f.send(sell));
        assertEquals(RejectReason.SELF_TRADE, f.modify(sell, 1000, 1));
    }

    @Test
    void shouldNotCountAMarketOrderPriceOfZeroAsOffTick() {
        RiskFixture f = new RiskFixture("");
        f.engine.onMarketPrice(0, 999, 1001);
        NewOrder market = new NewOrder(io.rialto.core.domain.ClOrdIds.of(1, 99), "s1", "A", 0, Side.BUY,
                OrderType.MARKET, TimeInForce.IOC, 0, 1, 0, 0);
        assertEquals(NONE, f.send(market));
    }
}
