package io.rialto.core.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Reference data of one symbol on one venue. Prices inside the platform are {@code long} ticks and
 * quantities {@code long} lots; this record converts from and to decimals at the edges only (config,
 * files, APIs), never on the hot path.
 *
 * @param id          dense index of this instrument in its {@link InstrumentRegistry}
 * @param symbolIndex dense index of the symbol across venues (one {@code SymbolBook} per symbol)
 * @param venueIndex  dense index of the venue
 */
public record Instrument(int id, int symbolIndex, int venueIndex, String venue, String symbol,
                         BigDecimal tickSize, BigDecimal lotSize, long minQtyLots, long maxQtyLots)
        implements RialtoMessage {

    public Instrument {
        if (tickSize.signum() <= 0) {
            throw new IllegalArgumentException(venue + ":" + symbol + ": tick size must be positive, got " + tickSize);
        }
        if (lotSize.signum() <= 0) {
            throw new IllegalArgumentException(venue + ":" + symbol + ": lot size must be positive, got " + lotSize);
        }
        if (minQtyLots < 1 || maxQtyLots < minQtyLots) {
            throw new IllegalArgumentException(venue + ":" + symbol + ": need 1 <= min-qty <= max-qty, got "
                    + minQtyLots + " and " + maxQtyLots);
        }
    }

    /** Exact conversion of a decimal price to ticks; throws when the price is not on the tick grid. */
    public long toTicks(BigDecimal price) {
        BigDecimal[] qr = price.divideAndRemainder(tickSize);
        if (qr[1].signum() != 0) {
            throw new IllegalArgumentException("price " + price.toPlainString() + " is not a multiple of the tick "
                    + tickSize.toPlainString() + " of " + venue + ":" + symbol);
        }
        return qr[0].longValueExact();
    }

    /** Exact conversion of a decimal quantity to lots; throws when it is not a whole number of lots. */
    public long toLots(BigDecimal qty) {
        BigDecimal[] qr = qty.divideAndRemainder(lotSize);
        if (qr[1].signum() != 0) {
            throw new IllegalArgumentException("quantity " + qty.toPlainString() + " is not a multiple of the lot "
                    + lotSize.toPlainString() + " of " + venue + ":" + symbol);
        }
        return qr[0].longValueExact();
    }

    public BigDecimal toPrice(long priceTicks) {
        return tickSize.multiply(BigDecimal.valueOf(priceTicks)).setScale(Math.max(0, tickSize.scale()),
                RoundingMode.UNNECESSARY);
    }

    public BigDecimal toQty(long qtyLots) {
        return lotSize.multiply(BigDecimal.valueOf(qtyLots)).setScale(Math.max(0, lotSize.scale()),
                RoundingMode.UNNECESSARY);
    }

    /** Value in quote currency of {@code tickLots} price-ticks x quantity-lots (P&amp;L, notional). */
    public double tickLotsToMoney(double tickLots) {
        return tickLots * tickSize.doubleValue() * lotSize.doubleValue();
    }

    public String key() {
        return venue + ":" + symbol;
    }
}
